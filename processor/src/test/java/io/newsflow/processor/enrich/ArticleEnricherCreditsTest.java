package io.newsflow.processor.enrich;

import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.Entity;
import io.newsflow.avro.EntityType;
import io.newsflow.avro.RawArticle;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static io.newsflow.processor.enrich.EnrichFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Photographers and agencies of RawArticle.credits become entities without mentions (names invented). */
class ArticleEnricherCreditsTest {
    private static final String BODY = "The council of the port city met on Monday to discuss the new harbour budget, "
        + "officials said.";

    private static EnrichedArticle enrich(String body, List<String> authors, List<String> credits) {
        return E.enrich(RawArticle.newBuilder().setId("c1").setTitle("t").setAuthors(authors).setCredits(credits)
            .setIngestedAt(Instant.EPOCH).setSource("test").setBody(body).build());
    }

    private static Entity named(EnrichedArticle a, String name) {
        List<Entity> found = a.getEntities().stream().filter(e -> e.getName().equals(name)).collect(Collectors.toList());
        assertThat(found).as("entities named " + name + " in " + a.getEntities()).hasSize(1);
        return found.get(0);
    }

    @Test
    void shouldAddThePhotographerAsAPersonAndTheAgencyAsAnOrganisation() {
        EnrichedArticle a = enrich(BODY, List.of(), List.of("Ahmet Yilmaz / Anadolu Agency"));

        Entity person = named(a, "Ahmet Yilmaz");
        assertThat(person.getType()).isEqualTo(EntityType.PERSON);
        assertThat(person.getMentions()).isEmpty();
        Entity agency = named(a, "Anadolu Agency");
        assertThat(agency.getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(agency.getMentions()).isEmpty();
    }

    @Test
    void shouldSplitCreditsOnEverySeparator() {
        EnrichedArticle a = enrich(BODY, List.of(), List.of("Tomas Eriksen | ZVX", "Nadia Okafor via Getty Images",
            "AP Photo/Lena Marsh", "Mara Velin for The Harbour Courier"));

        assertThat(named(a, "Tomas Eriksen").getType()).isEqualTo(EntityType.PERSON);
        assertThat(named(a, "ZVX").getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(a, "Nadia Okafor").getType()).isEqualTo(EntityType.PERSON);
        assertThat(named(a, "Getty Images").getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(a, "Associated Press").getId()).as("the knowledge base names AP").isEqualTo("kb:org:ap");
        assertThat(named(a, "Lena Marsh").getType()).isEqualTo(EntityType.PERSON);
        assertThat(named(a, "Mara Velin").getType()).isEqualTo(EntityType.PERSON);
        assertThat(named(a, "Harbour Courier").getType()).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void anAgencyTheBodyNamesIsMergedNotDuplicated() {
        String body = "The Kestrel News Agency (KNA) said the harbour was closed. Two ships sank, KNA reported.";
        EnrichedArticle plain = enrich(body, List.of(), List.of());
        EnrichedArticle credited = enrich(body, List.of(), List.of("Photo: Piet Kramer / Kestrel News Agency", "KNA"));

        List<Entity> agencies = credited.getEntities().stream()
            .filter(e -> e.getName().contains("Kestrel") || e.getName().equals("KNA")).collect(Collectors.toList());
        assertThat(agencies).hasSize(1);
        assertThat(agencies.get(0).getMentions()).isNotEmpty();
        assertThat(agencies.get(0).getId()).isEqualTo(plain.getEntities().stream()
            .filter(e -> e.getName().contains("Kestrel")).findFirst().orElseThrow().getId());
        assertThat(named(credited, "Piet Kramer").getType()).isEqualTo(EntityType.PERSON);
    }

    @Test
    void aPhotographerWhoIsAlsoTheAuthorOrNamedInTheBodyIsOneEntity() {
        String body = "Nadia Okafor, a photographer, said the harbour had flooded twice this year.";
        EnrichedArticle a = enrich(body, List.of("Tomas Eriksen"), List.of("Tomas Eriksen / ZVX", "Nadia Okafor"));

        assertThat(a.getEntities().stream().filter(e -> e.getName().equals("Tomas Eriksen"))).hasSize(1);
        Entity nadia = named(a, "Nadia Okafor");
        assertThat(nadia.getMentions()).hasSize(1);
    }

    @Test
    void creditsThatNameNoOneAddNothing() {
        EnrichedArticle plain = enrich(BODY, List.of(), List.of());
        EnrichedArticle a = enrich(BODY, List.of(), List.of("Handout", "file photo", "", "x".repeat(300), "2019"));

        assertThat(a.getEntities()).isEqualTo(plain.getEntities());
    }

    @Test
    void withoutCreditsTheOutputIsUnchanged() {
        EnrichedArticle a = E.enrich(RawArticle.newBuilder().setId("c1").setTitle("t")
            .setIngestedAt(Instant.EPOCH).setSource("test").setBody(BODY).build());
        assertThat(a.getArticle().getCredits()).isEmpty();
        assertThat(a.getEntities()).isEqualTo(enrich(BODY, List.of(), List.of()).getEntities());
    }
}
