package io.newsflow.processor.enrich;

import io.newsflow.avro.Entity;
import io.newsflow.processor.enrich.kb.NameKey;
import io.newsflow.avro.EntityType;
import io.newsflow.avro.GazetteerEntry;
import io.newsflow.avro.Mention;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.newsflow.processor.enrich.EnrichFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

class EntityRecognizerTest {
    @Test
    void transliterationsOfOnePlaceShareAnId() {
        String a = find(ents("Shelling hit Mykolaiv overnight."), "Mykolaiv").orElseThrow().getId();
        String b = find(ents("Shelling hit Nikolaev overnight."), "Nikolaev").orElseThrow().getId();
        String c = find(ents("Обстрел Николаева. Город Николаев."), "Николаев").orElseThrow().getId();
        assertThat(a).isEqualTo(b).isEqualTo(c);
        String z1 = find(ents("Russian troops shelled Kharkiv on Monday."), "Kharkiv").orElseThrow().getId();
        String z2 = find(ents("Russian troops shelled Kharkov on Monday."), "Kharkov").orElseThrow().getId();
        assertThat(z1).isEqualTo(z2);
    }

    @Test
    void placeIsGeocodedWithCountry() {
        Entity e = find(ents("Fighting continued near Kharkiv on Tuesday."), "Kharkiv").orElseThrow();
        assertThat(e.getType()).isEqualTo(EntityType.LOCATION);
        assertThat(e.getGeo().getCountry()).isEqualTo("UA");
        assertThat(e.getGeo().getLat()).isBetween(49.5, 50.5);
        assertThat(e.getGeo().getLon()).isBetween(35.8, 36.7);
    }

    @Test
    void countriesNamedNearbyResolveAmbiguousPlaces() {
        Entity e = find(ents("Protesters gathered in Moscow, Idaho, United States, on Friday."), "Moscow").orElseThrow();
        assertThat(e.getGeo().getCountry()).isEqualTo("US");
        Entity r = find(ents("Protesters gathered in Moscow on Friday."), "Moscow").orElseThrow();
        assertThat(r.getGeo().getCountry()).isEqualTo("RU");
    }

    @Test
    void surnameMentionJoinsTheFullName() {
        List<Entity> es = ents("Local activist Olena Kovalchuk said the shelling went on all night. "
            + "Kovalchuk added that the hospital had no power.");
        Entity p = find(es, "Olena Kovalchuk").orElseThrow();
        assertThat(p.getType()).isEqualTo(EntityType.PERSON);
        assertThat(p.getMentions()).extracting(Mention::getText).containsExactly("Olena Kovalchuk", "Kovalchuk");
        assertThat(es.stream().filter(e -> e.getType() == EntityType.PERSON)).hasSize(1);
    }

    @Test
    void mentionOffsetsPointIntoTheBody() {
        String body = "Reporters met Maria Petrova in Odesa.";
        for (Entity e : ents(body)) {
            for (Mention m : e.getMentions()) assertThat(body.substring(m.getStart(), m.getEnd())).isEqualTo(m.getText());
        }
    }

    @Test
    void organisationsByHeadWordAcronymAndCue() {
        List<Entity> es = ents("The Kurdistan Democratic Forces (KDF) shelled the town, the Aleppo Medics Network said. "
            + "KDF fighters later withdrew. A spokesman told Interfax the CNN crew had the footage.");
        Entity kdf = find(es, "Kurdistan Democratic Forces").orElseThrow();
        assertThat(kdf.getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(kdf.getMentions()).extracting(Mention::getText).contains("KDF");
        assertThat(find(es, "Aleppo Medics Network").orElseThrow().getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(find(es, "Interfax").orElseThrow().getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(find(es, "CNN").orElseThrow().getType()).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void newspaperNamedAfterACityIsAnOrganisation() {
        List<Entity> es = ents("A representative told The Jerusalem Post that the group would continue.");
        Entity e = find(es, "The Jerusalem Post").or(() -> find(es, "Jerusalem Post")).orElseThrow();
        assertThat(e.getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(es).noneMatch(x -> x.getType() == EntityType.LOCATION);
    }

    @Test
    void apostropheVariantsOfAnOrganisationShareAnId() {
        String a = find(ents("Members of Rus' Sidyashchaya, a rights group of prisoners' wives, protested."), "Rus' Sidyashchaya").orElseThrow().getId();
        String b = find(ents("Members of Rus’ Sidyashchaya, a rights group of prisoners' wives, protested."), "Rus’ Sidyashchaya").orElseThrow().getId();
        assertThat(a).isEqualTo(b);
        NameKey key = NameKey.standard();
        assertThat(key.of("Rus Sidyashchaya")).isEqualTo(key.of("Rus' Sidiashchaya")).isEqualTo(key.of("Русь сидящая"));
    }

    @Test
    void sentenceInitialWordsAreNotNames() {
        List<Entity> es = ents("Severe floods hit the region. Authorities said rescue efforts continue. Following the rains, Relief arrived.");
        assertThat(es).isEmpty();
    }

    @Test
    void operatorEntriesApplyToTheNextArticle() {
        ArticleEnricher e = ArticleEnricher.loadFresh();
        String text = "Volunteers of Pryvit Zhyttia delivered food.";
        assertThat(find(e.analyse("", text).entities(), "Pryvit Zhyttia").map(Entity::getId)).isNotEqualTo(Optional.of("Q999"));
        e.upsert(GazetteerEntry.newBuilder().setId("Q999").setName("Pryvit Zhyttia").setType(EntityType.ORGANIZATION)
            .setAliases(List.of("Hello Life")).build());
        Entity hit = find(e.analyse("", text).entities(), "Pryvit Zhyttia").orElseThrow();
        assertThat(hit.getId()).isEqualTo("Q999");
        assertThat(hit.getType()).isEqualTo(EntityType.ORGANIZATION);
        e.remove("Q999");
        assertThat(find(e.analyse("", text).entities(), "Pryvit Zhyttia").map(Entity::getId)).isNotEqualTo(Optional.of("Q999"));
    }

    @Test
    void personNamesDropLeadingTitlesAndPatronymicsButKeepOneIdForTheShortForms() {
        List<Entity> es = ents("\"We will not give up,\" said Yekaterina Sergeyevna Duntsova, a former television journalist. "
            + "Later, Secretary-General Amina Mohammed met local officials. Duntsova did not attend.");
        Entity duntsova = find(es, "Duntsova").orElseThrow(() -> new AssertionError("no Duntsova mention in " + es));
        assertThat(duntsova.getName()).isEqualTo("Yekaterina Duntsova");
        assertThat(duntsova.getMentions()).extracting(Mention::getText)
            .contains("Yekaterina Sergeyevna Duntsova", "Duntsova");
        Entity mohammed = es.stream().filter(e -> e.getName().equals("Amina Mohammed")).findFirst()
            .orElseThrow(() -> new AssertionError("no entity named Amina Mohammed in " + es));
        assertThat(mohammed.getName()).isEqualTo("Amina Mohammed");
        assertThat(mohammed.getType()).isEqualTo(EntityType.PERSON);
    }

    @Test
    void aNameQuotedInCyrillicSharesTheIdOfItsTransliterations() {
        String latin = find(ents("Members of the Rus Sidyashchaya movement protested in Samara on Sunday, the group said."),
            "Rus Sidyashchaya").orElseThrow().getId();
        Entity cyrillic = find(ents("Members of the Русь сидящая movement protested in Samara on Sunday, the group said."),
            "Русь сидящая").orElseThrow(() -> new AssertionError("the Cyrillic name was not recognised as one span"));

        assertThat(cyrillic.getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(cyrillic.getId()).isEqualTo(latin);
    }
}
