package io.newsflow.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.EntityType;
import io.newsflow.avro.GazetteerEntry;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.serde.AvroSerializer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The global-store processor alone: what the listener receives, including at start-up from a filled store. */
class GazetteerProcessorTest {
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final AvroSerializer<GazetteerEntry> serializer = new AvroSerializer<>(registry, false);
    private final List<String> calls = new ArrayList<>();
    private final GazetteerListener recorder = GazetteerListener.of(
            e -> calls.add("upsert " + e.getId() + " " + e.getName()), id -> calls.add("remove " + id));
    private MockProcessorContext<Void, Void> context;
    private KeyValueStore<String, byte[]> store;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(EnrichmentTopology.GAZETTEER_STORE),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    @Test
    void shouldApplyTheEntriesAlreadyInTheStoreWhenStarting() {
        // given a store restored without passing through the processor (e.g. from a checkpoint)
        store.put("nf:test:a", bytes(entry("nf:test:a", "Amber Quay Trust")));
        store.put("nf:test:b", bytes(entry("nf:test:b", "Brindle Ferry Guild")));

        // when the processor starts
        new GazetteerProcessor(recorder, registry).init(context);

        // then the listener has both
        assertThat(calls).containsExactlyInAnyOrder("upsert nf:test:a Amber Quay Trust",
                "upsert nf:test:b Brindle Ferry Guild");
    }

    @Test
    void shouldStoreAppliedEntriesAndDeleteThemOnTombstones() {
        // given
        GazetteerProcessor processor = new GazetteerProcessor(recorder, registry);
        processor.init(context);
        byte[] value = bytes(entry("nf:test:a", "Amber Quay Trust"));

        // when
        processor.process(new Record<>("nf:test:a", value, 0L));

        // then
        assertThat(store.get("nf:test:a")).isEqualTo(value);

        // and when a tombstone follows
        processor.process(new Record<>("nf:test:a", null, 1L));

        // then
        assertThat(store.get("nf:test:a")).isNull();
        assertThat(calls).containsExactly("upsert nf:test:a Amber Quay Trust", "remove nf:test:a");
    }

    @Test
    void shouldSkipAnEntryTheListenerRejectsWithoutThrowing() {
        // given a listener that rejects everything
        GazetteerProcessor processor = new GazetteerProcessor(GazetteerListener.of(
                e -> { throw new IllegalArgumentException("entry without name"); }, id -> { }), registry);
        processor.init(context);

        // when
        processor.process(new Record<>("nf:test:a", bytes(entry("nf:test:a", "Amber Quay Trust")), 0L));

        // then nothing is stored: a restart must not apply what the running process refused
        assertThat(store.get("nf:test:a")).isNull();
    }

    private byte[] bytes(GazetteerEntry entry) {
        return serializer.serialize(Topics.GAZETTEER, entry);
    }

    private static GazetteerEntry entry(String id, String name) {
        return GazetteerEntry.newBuilder().setId(id).setName(name).setType(EntityType.ORGANIZATION).build();
    }
}
