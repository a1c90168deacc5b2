package io.newsflow.processor.enrich.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.avro.EntityType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The knowledge base's loading, lookups and id rules, on invented fixtures and on the bundled data. */
class KnowledgeBaseTest {

    private static final KnowledgeBase BUNDLED = KnowledgeBase.loadDefault();

    private static KnowledgeBase fixture(String resource) throws IOException {
        try (InputStream in = KnowledgeBaseTest.class.getResourceAsStream(resource)) {
            return new KnowledgeBase.Builder(NameKey.standard()).read(in, EntityType.ORGANIZATION, resource).build();
        }
    }

    private static String idOf(KnowledgeBase kb, String surface) {
        List<KnowledgeBase.Candidate> c = kb.lookup(surface);
        return c.isEmpty() ? null : c.get(0).entity().id();
    }

    @Test
    void shouldKeepAnEntitysIdWhenItIsRenamedAndGainsAliases() throws IOException {
        // given release 1 and release 2 of a knowledge base, where release 2 renamed the entity and added aliases
        KnowledgeBase v1 = fixture("/kb/kb-v1.tsv");
        KnowledgeBase v2 = fixture("/kb/kb-v2.tsv");

        // when the names of release 1 are looked up in both
        // then they resolve to the same id, and so do the new names of release 2
        for (String name : List.of("Tern Watch Collective", "TWC", "Terns Watch")) {
            assertThat(idOf(v2, name)).as(name).isEqualTo(idOf(v1, name)).isEqualTo("kb:org:tern-watch");
        }
        assertThat(idOf(v2, "Tern Watch International")).isEqualTo("kb:org:tern-watch");
        assertThat(idOf(v2, "Тёрн Вотч")).isEqualTo("kb:org:tern-watch");
        assertThat(v2.byId("kb:org:tern-watch").name()).isEqualTo("Tern Watch International");
        assertThat(idOf(v2, "GNA")).isEqualTo(idOf(v1, "GNA"));
    }

    @Test
    void shouldRejectADuplicateId() {
        String lines = "kb:org:a\tngo\tAlpha Relief\t\t\tinvented\nkb:org:a\tngo\tBeta Relief\t\t\tinvented\n";
        assertThatThrownBy(() -> new KnowledgeBase.Builder(NameKey.standard())
            .read(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), EntityType.ORGANIZATION, "dup.tsv"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dup.tsv:2").hasMessageContaining("kb:org:a");
    }

    @Test
    void shouldFindSpellingVariantsThroughTheNameKey() {
        assertThat(idOf(BUNDLED, "Put' Domoy")).isEqualTo("kb:org:put-dumoi");
        assertThat(idOf(BUNDLED, "Put Domoi")).isEqualTo("kb:org:put-dumoi");
        assertThat(idOf(BUNDLED, "Zelenskiy")).isEqualTo("kb:person:volodymyr-zelensky");
        assertThat(idOf(BUNDLED, "Volodymyr Zelenskii")).as("a spelling no alias lists").isEqualTo("kb:person:volodymyr-zelensky");
        assertThat(idOf(BUNDLED, "Russia's Defense Ministry")).isEqualTo("kb:org:ru-mod");
        assertThat(idOf(BUNDLED, "Organisation for Security and Cooperation in Europe")).isEqualTo("kb:org:osce");
        assertThat(idOf(BUNDLED, "the Azov Sea")).isEqualTo("kb:loc:sea-of-azov");
    }

    @Test
    void shouldOfferAnAmbiguousNameOnlyAsAWeakCandidate() {
        List<KnowledgeBase.Candidate> memorial = BUNDLED.lookup("Memorial");
        assertThat(memorial).isNotEmpty();
        assertThat(memorial.get(0).weak()).isTrue();
        assertThat(BUNDLED.lookup("Memorial Human Rights Centre").get(0).weak()).isFalse();
    }

    @Test
    void shouldGivePlacesAPointAndSubregionsTheirOwnEntity() {
        KnowledgeBase.Entity eastAfrica = BUNDLED.lookup("East Africa").get(0).entity();
        KnowledgeBase.Entity africa = BUNDLED.lookup("Africa").get(0).entity();
        assertThat(eastAfrica.id()).isNotEqualTo(africa.id());
        assertThat(eastAfrica.hasPoint()).isTrue();
        assertThat(eastAfrica.type()).isEqualTo(EntityType.LOCATION);
    }

    private static final Pattern ID = Pattern.compile("kb:(org|person|loc):[a-z0-9]+(-[a-z0-9]+)*");

    @Test
    void shouldHoldWellFormedEntriesWithSources() {
        assertThat(BUNDLED.size()).isGreaterThan(800);
        for (KnowledgeBase.Entity e : BUNDLED.entities()) {
            assertThat(e.id()).as("id of %s", e.name()).matches(ID);
            assertThat(e.source()).as("source of %s", e.id()).isNotBlank();
            assertThat(e.country() == null || e.country().matches("[A-Z]{2}")).as("country of %s", e.id()).isTrue();
            if (e.type() == EntityType.LOCATION) {
                assertThat(e.lat()).as("lat of %s", e.id()).isBetween(-90.0, 90.0);
                assertThat(e.lon()).as("lon of %s", e.id()).isBetween(-180.0, 180.0);
            }
        }
    }

    @Test
    void shouldNotGiveOneUnambiguousNameToTwoEntities() {
        // two entities under one strong name would make the first one in file order win silently
        Map<String, String> owner = new HashMap<>();
        for (KnowledgeBase.Entity e : BUNDLED.entities()) {
            for (KnowledgeBase.Name n : e.names()) {
                if (n.weak()) continue;
                String k = KnowledgeBase.exactKey(n.text());
                String other = owner.putIfAbsent(k, e.id());
                assertThat(other == null || other.equals(e.id()))
                    .as("'%s' names both %s and %s (mark it ~ambiguous or drop one)", n.text(), other, e.id()).isTrue();
            }
        }
    }

    @Test
    void shouldStillHoldEveryReleasedId() throws IOException {
        // ids are frozen once released: kb/released-ids.txt (written by tools/kb/build.py) lists them all
        int n = 0;
        try (InputStream in = KnowledgeBase.class.getResourceAsStream("/kb/released-ids.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("retired ")) continue;
                assertThat(BUNDLED.byId(line.trim())).as("released id %s is gone", line).isNotNull();
                n++;
            }
        }
        assertThat(n).isEqualTo(BUNDLED.size());
    }
}
