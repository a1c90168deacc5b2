package io.newsflow.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.avro.EntityType;
import io.newsflow.processor.enrich.EntityDictionary.Entry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The two layers of the dictionary (bundled file, operators' entries) and their behaviour under concurrent use. */
class EntityDictionaryTest {

    private static EntityDictionary withBundled(String lines) throws IOException {
        EntityDictionary d = new EntityDictionary();
        d.read(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
        return d;
    }

    private static Entry org(String id, String name, String... aliases) {
        return new Entry(id, name, EntityType.ORGANIZATION, List.of(aliases), null);
    }

    @Test
    void shouldFindAnEntryByNameAliasAndSpellingVariant() {
        EntityDictionary d = new EntityDictionary();
        d.upsert(org("nf:test:hwc", "Harbour Watch Collective", "HWC"));

        assertThat(d.lookup("HWC").id()).isEqualTo("nf:test:hwc");
        assertThat(d.lookup("Harbour Watch Collective").id()).isEqualTo("nf:test:hwc");
        assertThat(d.lookup("Harbor Watch Collective").id()).as("skeleton of a spelling variant").isEqualTo("nf:test:hwc");
        assertThat(d.lookup("Harbour Patrol")).isNull();
    }

    @Test
    void shouldLetAnOperatorOverrideABundledEntryAndBringItBackOnRemoval() throws IOException {
        // given a bundled entity
        EntityDictionary d = withBundled("nf:test:tern\tORGANIZATION\tTern Relief Fund\tTRF\n");

        // when an operator corrects its type under the same id
        d.upsert(new Entry("nf:test:tern", "Tern Relief Fund", EntityType.PERSON, List.of(), null));

        // then the bundled alias resolves to the operator's version
        assertThat(d.lookup("TRF").type()).isEqualTo(EntityType.PERSON);

        // and when the operator's entry is removed, the bundled one is back
        d.remove("nf:test:tern");
        assertThat(d.lookup("TRF").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(d.size()).isEqualTo(1);
    }

    @Test
    void shouldHandANameBackToTheEarlierEntryWhenTheLaterOneIsRemoved() {
        EntityDictionary d = new EntityDictionary();
        d.upsert(org("nf:test:a", "Amber Quay Trust", "AQT"));
        d.upsert(org("nf:test:b", "Another Quay Team", "AQT"));
        assertThat(d.lookup("AQT").id()).isEqualTo("nf:test:b");

        d.remove("nf:test:b");

        assertThat(d.lookup("AQT").id()).isEqualTo("nf:test:a");
        assertThat(d.lookup("Another Quay Team")).isNull();
    }

    @Test
    void shouldDropTheNamesAnUpdateNoLongerHas() {
        EntityDictionary d = new EntityDictionary();
        d.upsert(org("nf:test:a", "Amber Quay Trust", "AQT", "Amber Trust"));

        d.upsert(org("nf:test:a", "Amber Quay Trust", "AQT"));

        assertThat(d.lookup("Amber Trust")).isNull();
        assertThat(d.lookup("AQT").id()).isEqualTo("nf:test:a");
        assertThat(d.operatorEntries()).isEqualTo(1);
    }

    @Test
    void shouldRejectEntriesWithoutIdNameOrType() {
        EntityDictionary d = new EntityDictionary();
        assertThatThrownBy(() -> d.upsert(org(" ", "Amber Quay Trust"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.upsert(org("nf:test:a", "  "))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.upsert(new Entry("nf:test:a", "Amber", null, List.of(), null)))
                .isInstanceOf(IllegalArgumentException.class);
        d.remove("nf:test:unknown"); // ignored
        assertThat(d.operatorEntries()).isZero();
    }

    @Test
    void shouldNeverShowAHalfAppliedEntryToConcurrentReaders() throws Exception {
        // given an entry whose two versions share the name and differ in type and one alias
        EntityDictionary d = new EntityDictionary();
        Entry v1 = org("nf:test:hwc", "Harbour Watch Collective", "HWC", "Harbour Watch");
        Entry v2 = new Entry("nf:test:hwc", "Harbour Watch Collective", EntityType.LOCATION, List.of("HWC"), null);
        d.upsert(v1);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // when one thread keeps replacing the entry (the global thread) while another reads (a stream thread)
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < 20_000; i++) {
                    d.upsert(i % 2 == 0 ? v2 : v1);
                }
                stop.set(true);
            });
            Future<Integer> reader = pool.submit(() -> {
                int reads = 0;
                while (!stop.get()) {
                    Entry byName = d.lookup("Harbour Watch Collective");
                    Entry byAlias = d.lookup("HWC");
                    // then a name both versions have is always there, and each answer is one whole version
                    assertThat(byName).isNotNull().isIn(v1, v2);
                    assertThat(byAlias).isNotNull().isIn(v1, v2);
                    reads++;
                }
                return reads;
            });
            writer.get(30, TimeUnit.SECONDS);
            assertThat(reader.get(30, TimeUnit.SECONDS)).isPositive();
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }
}
