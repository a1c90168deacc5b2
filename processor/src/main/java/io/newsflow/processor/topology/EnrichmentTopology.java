package io.newsflow.processor.topology;

import io.newsflow.avro.CasualtyReport;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.EntityMention;
import io.newsflow.avro.RawArticle;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.serde.RecordSizes;
import io.newsflow.schemas.serde.AvroSerializer;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The processor's Kafka Streams topology: enrich each raw article and fan the result out.
 *
 * <pre>
 * in   news.articles.raw       article id (bytes)  → RawArticle (wire-format bytes, read inside the topology)
 * out  news.articles.enriched  article id (String) → EnrichedArticle
 *      news.entities           entity id (String)  → EntityMention    one per entity of the article
 *      news.casualties         article id (String) → CasualtyReport   one per figure, places = the LOCATION entities
 *      news.articles.dlq       original key bytes  → DeadLetter       stage DESERIALIZE, PROCESS, or PRODUCE when
 *                                                                     the outputs are larger than Kafka accepts
 * global news.gazetteer        entity id (String)  → GazetteerEntry (wire-format bytes; null = remove), compacted
 *                              → global store gazetteer-store, each entry handed to the {@link GazetteerListener}
 * </pre>
 *
 * <p>The source reads raw bytes rather than RawArticles so that a record nobody can read is
 * routed to the dead-letter topic, with its bytes and offset, by the topology itself instead of
 * killing the stream thread or being dropped by a deserialization handler; the Streams handlers
 * (see {@code topology.errors}) stay a safety net. A tombstone (null or empty value) is
 * dead-lettered, not skipped: {@code news.articles.raw} is not compacted, so a null value is a
 * producer bug that an operator should see.
 *
 * <p>The plain {@link Topology} API is used because one processor emits four value types, each
 * sink with its own serializer. Every node and the store have a fixed name ({@link #SOURCE} ...)
 * that tests pin against {@code describe()}. The article path is stateless (no repartition
 * topics, no changelogs); the only state is the global, in-memory gazetteer store, which is
 * rebuilt from the compacted topic on every start (see {@link GazetteerProcessor}).
 *
 * <p>Operators' entries reach the enrichment through the listener, on the global thread, while
 * stream threads enrich; an entry applies to the articles enriched after it was read. There is no
 * ordering between the two topics: an article already being enriched, or read before the entry,
 * is not enriched again.
 *
 * <p>{@link #build} only builds: the enrichment comes in as a function and the registry as a
 * client, so tests run it in {@code TopologyTestDriver} with a fake enricher and an in-memory
 * registry. Per record there is no I/O beyond the serdes' cached registry lookups.
 */
public final class EnrichmentTopology {
    public static final String SOURCE = "raw-articles-source";
    public static final String ENRICH_PROCESSOR = "enrich-articles";
    public static final String ENRICHED_SINK = "enriched-articles-sink";
    public static final String ENTITIES_SINK = "entity-mentions-sink";
    public static final String CASUALTIES_SINK = "casualty-reports-sink";
    public static final String DEAD_LETTER_SINK = "dead-letter-sink";
    public static final String GAZETTEER_SOURCE = "gazetteer-source";
    public static final String GAZETTEER_PROCESSOR = "apply-gazetteer-entries";
    /** The global store of applied gazetteer entries: entity id → GazetteerEntry wire-format bytes. */
    public static final String GAZETTEER_STORE = "gazetteer-store";

    private EnrichmentTopology() {
    }

    /**
     * The topology with dead letters stamped by the system clock and the gazetteer read but not
     * applied ({@link GazetteerListener#NONE}).
     */
    public static Topology build(Function<RawArticle, EnrichedArticle> enricher, SchemaRegistryClient registry) {
        return build(enricher, GazetteerListener.NONE, registry, Clock.systemUTC());
    }

    /** The topology with the gazetteer not applied ({@link GazetteerListener#NONE}). */
    public static Topology build(Function<RawArticle, EnrichedArticle> enricher, SchemaRegistryClient registry,
                                 Clock clock) {
        return build(enricher, GazetteerListener.NONE, registry, clock);
    }

    /** The topology with dead letters stamped by the system clock. */
    public static Topology build(Function<RawArticle, EnrichedArticle> enricher, GazetteerListener gazetteer,
                                 SchemaRegistryClient registry) {
        return build(enricher, gazetteer, registry, Clock.systemUTC());
    }

    /**
     * @param enricher  the enrichment, pure and thread-safe (it runs on every stream thread);
     *                  whatever it throws for a record dead-letters that record (stage PROCESS)
     * @param gazetteer receives the entries of {@code news.gazetteer} on the global thread; usually
     *                  the same enricher's dictionary, so an entry changes the next article
     * @param registry  the schema registry behind every Avro serde of the topology
     * @param clock     stamps {@code DeadLetter.failedAt}
     */
    public static Topology build(Function<RawArticle, EnrichedArticle> enricher, GazetteerListener gazetteer,
                                 SchemaRegistryClient registry, Clock clock) {
        return build(enricher, gazetteer, registry, clock, PipelineMetrics.unexposed(),
                OutputLimits.of(RecordSizes.KAFKA_DEFAULT_MAX_REQUEST_SIZE, "Kafka's default max.request.size"));
    }

    /**
     * As {@link #build(Function, GazetteerListener, SchemaRegistryClient, Clock)}, counting into
     * {@code metrics} (articles enriched, dead letters, enrichment time, gazetteer entries), with
     * outputs larger than {@code limits} dead-lettered (stage PRODUCE) instead of sent.
     */
    public static Topology build(Function<RawArticle, EnrichedArticle> enricher, GazetteerListener gazetteer,
                                 SchemaRegistryClient registry, Clock clock, PipelineMetrics metrics,
                                 OutputLimits limits) {
        Objects.requireNonNull(enricher, "enricher");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(gazetteer, "gazetteer");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(clock, "clock");
        StringSerializer ids = new StringSerializer();
        // persistent (RocksDB in the state directory) and without changelog (a global store's changelog is its
        // source topic): a restart reads news.gazetteer only from its checkpoint, GazetteerProcessor.init hands
        // the stored entries to the listener again. Being persistent also makes Kafka Streams keep its process
        // id in the state directory (it does only for topologies with a persistent store), so a restarted
        // instance has the same transactional ids and fences its dead predecessor's open transaction at once
        // instead of leaving read_committed readers waiting for it to time out.
        StoreBuilder<KeyValueStore<String, byte[]>> gazetteerStore = Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(GAZETTEER_STORE), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled();
        return new Topology()
                .addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), Topics.RAW)
                .addProcessor(ENRICH_PROCESSOR, () -> new EnrichArticleProcessor(enricher, registry, clock, metrics, limits), SOURCE)
                .addSink(ENRICHED_SINK, Topics.ENRICHED, ids,
                        new AvroSerializer<EnrichedArticle>(registry, false), ENRICH_PROCESSOR)
                .addSink(ENTITIES_SINK, Topics.ENTITIES, ids,
                        new AvroSerializer<EntityMention>(registry, false), ENRICH_PROCESSOR)
                .addSink(CASUALTIES_SINK, Topics.CASUALTIES, ids,
                        new AvroSerializer<CasualtyReport>(registry, false), ENRICH_PROCESSOR)
                .addSink(DEAD_LETTER_SINK, Topics.DLQ, new ByteArraySerializer(),
                        new AvroSerializer<DeadLetter>(registry, false), ENRICH_PROCESSOR)
                // bytes, decoded in the processor: an unreadable entry is logged and skipped there
                // instead of reaching the deserialization handler, whose dead letters a global
                // thread cannot send
                .addGlobalStore(gazetteerStore, GAZETTEER_SOURCE, new StringDeserializer(), new ByteArrayDeserializer(),
                        Topics.GAZETTEER, GAZETTEER_PROCESSOR, () -> new GazetteerProcessor(gazetteer, registry, metrics));
    }
}
