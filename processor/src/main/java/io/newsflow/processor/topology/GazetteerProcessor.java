package io.newsflow.processor.topology;

import io.newsflow.avro.GazetteerEntry;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.serde.AvroDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The global-store processor of {@code news.gazetteer}: hands each operator's entry to the {@link GazetteerListener}
 * (a tombstone as {@code remove(key)}) and keeps the store {@value EnrichmentTopology#GAZETTEER_STORE} equal to the
 * entries that were applied (key = entity id, value = the record's wire-format bytes).
 *
 * <p>Restarts: Kafka Streams 4.x rebuilds a store added with {@code Topology.addGlobalStore} by running the records of
 * the topic through this processor again ({@code reprocessOnRestore}), and the store is in memory, so nothing is
 * checkpointed and every start replays the whole (compacted) topic. {@link #init} additionally applies whatever the
 * store already holds, so the listener is complete even if restoration ever bypassed the processor (a persistent
 * store restored from a checkpoint would). The listener must be idempotent; it is.
 *
 * <p>A record that cannot be applied — no key, unreadable bytes, a key that is not the entry's id, an entry the
 * listener rejects — is logged with its topic, partition and offset and skipped: the previous version of that entry
 * (if any) stays, and the thread goes on. Global processors cannot forward, so there is no dead letter; the log is
 * the operator's signal. Nothing here throws: an exception would stop the global thread and with it the processor.
 */
final class GazetteerProcessor implements Processor<String, byte[], Void, Void> {
    private static final Logger log = LoggerFactory.getLogger(GazetteerProcessor.class);

    private final GazetteerListener listener;
    private final AvroDeserializer<GazetteerEntry> deserializer;
    private final PipelineMetrics metrics;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, byte[]> store;

    GazetteerProcessor(GazetteerListener listener, SchemaRegistryClient registry) {
        this(listener, registry, PipelineMetrics.unexposed());
    }

    /** @param metrics its gauge {@code newsflow_gazetteer_entries} follows the entries in the store */
    GazetteerProcessor(GazetteerListener listener, SchemaRegistryClient registry, PipelineMetrics metrics) {
        this.listener = listener;
        this.deserializer = new AvroDeserializer<>(GazetteerEntry.class, registry);
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(EnrichmentTopology.GAZETTEER_STORE);
        int applied = 0;
        long inStore = 0;
        try (KeyValueIterator<String, byte[]> entries = store.all()) {
            while (entries.hasNext()) {
                KeyValue<String, byte[]> stored = entries.next();
                inStore++;
                GazetteerEntry entry = read(stored.key, stored.value, "the gazetteer store");
                if (entry != null && apply(entry, "the gazetteer store")) {
                    applied++;
                }
            }
        }
        metrics.gazetteerEntries(inStore);
        if (applied > 0) {
            log.info("applied {} gazetteer entries from the global store {}", applied, EnrichmentTopology.GAZETTEER_STORE);
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String where = where();
        String key = record.key();
        if (key == null || key.isBlank()) {
            log.warn("skipping gazetteer record {} without a key: the key must be the entity id", where);
            return;
        }
        byte[] value = record.value();
        if (value == null || value.length == 0) {
            try {
                listener.remove(key);
            } catch (RuntimeException e) {
                log.warn("gazetteer tombstone {} for {} could not be applied: {}", where, key, DeadLetters.describe(e));
            }
            if (store.delete(key) != null) {
                metrics.gazetteerEntries(metrics.gazetteerEntries() - 1);
            }
            log.info("gazetteer entry {} removed ({})", key, where);
            return;
        }
        GazetteerEntry entry = read(key, value, where);
        if (entry == null) {
            return;
        }
        if (!key.equals(entry.getId())) {
            log.warn("skipping gazetteer record {}: key '{}' is not the entry's id '{}' (a later tombstone for the key"
                    + " could not remove it)", where, key, entry.getId());
            return;
        }
        if (apply(entry, where)) {
            if (store.get(key) == null) {
                metrics.gazetteerEntries(metrics.gazetteerEntries() + 1);
            }
            store.put(key, value);
            log.info("gazetteer entry {} ({} {}) applied ({})", key, entry.getType(), entry.getName(), where);
        }
    }

    private GazetteerEntry read(String key, byte[] value, String where) {
        try {
            return deserializer.deserialize(Topics.GAZETTEER, value);
        } catch (RuntimeException e) {
            if (DeadLetters.isTransient(e)) {
                log.error("gazetteer record {} (key {}) not applied, the schema registry is unreachable: {}; it is applied"
                        + " on the next start, or publish it again", where, key, DeadLetters.describe(e));
            } else {
                log.warn("skipping unreadable gazetteer record {} (key {}): {}", where, key, DeadLetters.describe(e));
            }
            return null;
        }
    }

    private boolean apply(GazetteerEntry entry, String where) {
        try {
            listener.upsert(entry);
            return true;
        } catch (RuntimeException e) {
            log.warn("skipping gazetteer entry {} at {}: {}", entry.getId(), where, DeadLetters.describe(e));
            return false;
        }
    }

    private String where() {
        RecordMetadata m = context.recordMetadata().orElse(null);
        return m == null ? Topics.GAZETTEER : m.topic() + "-" + m.partition() + "@" + m.offset();
    }
}
