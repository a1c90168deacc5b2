package io.newsflow.processor.topology;

import io.newsflow.avro.CasualtyFigure;
import io.newsflow.avro.CasualtyReport;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.Entity;
import io.newsflow.avro.EntityMention;
import io.newsflow.avro.EntityType;
import io.newsflow.avro.RawArticle;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.serde.AvroDeserializer;
import io.newsflow.schemas.serde.Subjects;
import io.newsflow.schemas.serde.WireFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one raw record, enriches it and forwards the outputs to the sinks by name; a record
 * that cannot be read or enriched becomes one DeadLetter instead.
 *
 * <p>The outputs are all built before the first one is forwarded, so a failure while building
 * them dead-letters the record without half of its outputs already sent. Forwarding stays
 * outside the try: an error there comes from the sinks (serialization, production) and belongs
 * to the production handler, not to this record's PROCESS stage.
 *
 * <p><b>A registry that is down or slow.</b> Reading a record needs its writer schema, fetched
 * once per schema id from the registry. When that fetch fails for the registry's sake (no
 * response, 5xx, 429, too slow), the record is probably fine, so it is not dead-lettered at once:
 * {@link WriterSchemaFetcher} retries a bounded number of times with backoff, within a bounded
 * time (3 attempts in 5 s by default, each a client call with its own retries; see its settings).
 * Only then does the record become a DeadLetter, stage DESERIALIZE, error class
 * {@link WriterSchemaUnavailableException}, its message naming the schema id and "after N
 * attempts", with the original bytes — to be replayed once the registry is back — and the stream
 * moves on. Records whose schema id was fetched before keep flowing during the outage (the client
 * caches ids), so one unreadable record does not stop the others.
 *
 * <p>Why not fail the task and let Streams retry, as before? A stream thread that dies is replaced
 * at most three times (see {@code StreamThreadExceptionHandler}) and then the whole client stops:
 * a registry outage of a few minutes would take the processor down, and a record whose schema stays
 * unfetchable would stop its partition for good. Why not wait for as long as it takes? Blocking the
 * stream thread beyond a few seconds outlives the exactly-once transaction that may be open
 * (Streams' default {@code transaction.timeout.ms} is 10 s, hence the cap at half of it) and holds
 * up every other partition of the thread. Bounded retries, then a replayable dead letter, keep both
 * the pipeline and the record.
 *
 * <p>The dead letter itself must be written, which needs the DeadLetter schema's id. It is
 * registered in the background when the processor starts, so the id is cached before an outage;
 * if it still cannot be registered (the registry down since start), the sink's serialization
 * fails, the production handler fails the task, and under {@code exactly_once_v2} nothing of the
 * record is committed: it is read again after the thread is replaced, never dropped. A registry
 * error that escapes after the writer schema was fetched is rethrown the same way.
 */
final class EnrichArticleProcessor implements Processor<byte[], byte[], Object, Object> {
    private static final Logger log = LoggerFactory.getLogger(EnrichArticleProcessor.class);

    private final Function<RawArticle, EnrichedArticle> enricher;
    private final SchemaRegistryClient registry;
    private final AvroDeserializer<RawArticle> deserializer;
    private final Clock clock;
    private final PipelineMetrics metrics;
    private final OutputLimits limits;
    private ProcessorContext<Object, Object> context;
    private WriterSchemaFetcher writerSchemas;

    EnrichArticleProcessor(Function<RawArticle, EnrichedArticle> enricher, SchemaRegistryClient registry, Clock clock,
                           PipelineMetrics metrics, OutputLimits limits) {
        this.enricher = enricher;
        this.metrics = metrics;
        this.limits = limits;
        this.registry = registry;
        // one deserializer per processor instance (per task): its reader cache is not shared across threads
        this.deserializer = new AvroDeserializer<>(RawArticle.class, registry);
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.writerSchemas = WriterSchemaFetcher.fromConfig(registry, context.appConfigs());
        // the DeadLetter schema's id must be known before the registry fails, or no dead letter can be written then
        WriterSchemaFetcher.registerInBackground(registry, Subjects.topicName(Topics.DLQ, false), DeadLetter.getClassSchema());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(null);
        byte[] value = record.value();
        if (value == null || value.length == 0) {
            deadLetter(record, DeadLetters.STAGE_DESERIALIZE,
                    (value == null ? "null value (tombstone)" : "empty value")
                            + ": a record on " + topic + " must carry a RawArticle; the topic is not compacted,"
                            + " so there is nothing to delete",
                    null, value == null ? DeadLetters.REASON_TOMBSTONE : DeadLetters.REASON_EMPTY);
            return;
        }

        RawArticle raw;
        try {
            // bounded retries while the registry is unavailable (class comment); cached ids cost nothing
            writerSchemas.fetch(WireFormat.schemaId(topic, value), topic);
            raw = deserializer.deserialize(topic, value);
        } catch (WriterSchemaUnavailableException e) {
            deadLetter(record, DeadLetters.STAGE_DESERIALIZE, e);
            return;
        } catch (StreamsException e) {
            throw e; // interrupted: the thread is stopping, the record is read again later
        } catch (RuntimeException e) {
            if (DeadLetters.isTransient(e)) {
                throw e;
            }
            deadLetter(record, DeadLetters.STAGE_DESERIALIZE, e);
            return;
        }

        Outputs outputs;
        long start = System.nanoTime();
        try {
            outputs = enrich(raw);
            metrics.enrichmentTook(System.nanoTime() - start);
        } catch (RuntimeException | StackOverflowError e) {
            // StackOverflowError: a regex-heavy enrichment can overflow on one pathological text;
            // that is a property of the record, so it is dead-lettered like any other PROCESS error.
            if (DeadLetters.isTransient(e)) {
                throw e;
            }
            deadLetter(record, DeadLetters.STAGE_PROCESS, e);
            return;
        }

        Optional<OutputLimits.Unsendable> refused = refused(outputs);
        if (refused.isPresent()) {
            // read again after Kafka refused one of its outputs and the thread was replaced (see OutputLimits)
            deadLetter(record, DeadLetters.STAGE_PRODUCE, refused.get().reason(),
                    refused.get().error().getClass().getName(), DeadLetters.REASON_TOO_LARGE);
            return;
        }
        Optional<String> tooLarge = OutputSizes.tooLarge(outputs.enriched, outputs.mentions, outputs.reports, limits);
        if (tooLarge.isPresent()) {
            // the producer would refuse it and, under exactly-once, fail the whole transaction (see OutputLimits)
            deadLetter(record, DeadLetters.STAGE_PRODUCE, tooLarge.get(), RecordTooLargeException.class.getName(),
                    DeadLetters.REASON_TOO_LARGE);
            return;
        }

        long ts = record.timestamp();
        context.forward(new Record<>(outputs.id, outputs.enriched, ts, record.headers()), EnrichmentTopology.ENRICHED_SINK);
        for (EntityMention mention : outputs.mentions) {
            context.forward(new Record<>(mention.getEntity().getId(), mention, ts, record.headers()),
                    EnrichmentTopology.ENTITIES_SINK);
        }
        for (CasualtyReport report : outputs.reports) {
            context.forward(new Record<>(outputs.id, report, ts, record.headers()), EnrichmentTopology.CASUALTIES_SINK);
        }
        metrics.articleEnriched();
    }

    /** Kafka's refusal of one of these outputs, noted by the production handler before the thread was replaced. */
    private Optional<OutputLimits.Unsendable> refused(Outputs outputs) {
        if (!limits.anyUnsendable()) {
            return Optional.empty();
        }
        Optional<OutputLimits.Unsendable> mark = limits.takeUnsendable(Topics.ENRICHED, outputs.id);
        if (mark.isEmpty() && !outputs.reports.isEmpty()) {
            mark = limits.takeUnsendable(Topics.CASUALTIES, outputs.id);
        }
        for (int i = 0; mark.isEmpty() && i < outputs.mentions.size(); i++) {
            mark = limits.takeUnsendable(Topics.ENTITIES, outputs.mentions.get(i).getEntity().getId());
        }
        return mark;
    }

    private Outputs enrich(RawArticle raw) {
        EnrichedArticle enriched = enricher.apply(raw);
        if (enriched == null) {
            throw new IllegalStateException("the enricher returned null for article " + raw.getId());
        }
        String id = enriched.getId();
        if (id == null || id.isEmpty()) {
            throw new IllegalStateException("the enricher returned an article without id for raw article " + raw.getId());
        }
        RawArticle article = enriched.getArticle() != null ? enriched.getArticle() : raw;
        List<Entity> entities = enriched.getEntities() != null ? enriched.getEntities() : List.of();
        List<CasualtyFigure> figures = enriched.getCasualties() != null ? enriched.getCasualties() : List.of();

        List<EntityMention> mentions = new ArrayList<>(entities.size());
        List<Entity> places = new ArrayList<>();
        for (Entity entity : entities) {
            if (entity.getId() == null || entity.getId().isEmpty()) {
                throw new IllegalStateException("the enricher returned an entity without id in article " + id
                        + ": " + entity.getName());
            }
            // the builders check required fields, so a malformed entity fails here (PROCESS) and not in a sink
            mentions.add(EntityMention.newBuilder()
                    .setEntity(entity)
                    .setArticleId(id)
                    .setArticleTitle(article.getTitle())
                    .setArticleUrl(article.getUrl())
                    .setPublishedAt(article.getPublishedAt())
                    .build());
            if (entity.getType() == EntityType.LOCATION) {
                places.add(entity);
            }
        }
        List<CasualtyReport> reports = new ArrayList<>(figures.size());
        for (CasualtyFigure figure : figures) {
            reports.add(CasualtyReport.newBuilder()
                    .setArticleId(id)
                    .setArticleTitle(article.getTitle())
                    .setArticleUrl(article.getUrl())
                    .setPublishedAt(article.getPublishedAt())
                    .setFigure(figure)
                    .setPlaces(places)
                    .build());
        }
        return new Outputs(id, enriched, mentions, reports);
    }

    private void deadLetter(Record<byte[], byte[]> record, String stage, Throwable error) {
        deadLetter(record, stage, DeadLetters.describe(error), error.getClass().getName(), DeadLetters.reason(error));
    }

    private void deadLetter(Record<byte[], byte[]> record, String stage, String error, String errorClass, String reason) {
        RecordMetadata source = context.recordMetadata().orElse(null);
        String topic = source != null ? source.topic() : null;
        Integer partition = source != null ? source.partition() : null;
        Long offset = source != null ? source.offset() : null;
        log.warn("dead-lettering record {}-{}@{} at stage {}: {}", topic, partition, offset, stage, error);
        byte[] original = record.value();
        if (limits.anyUnsendable() && limits.takeUnsendable(Topics.DLQ, record.key()).isPresent()) {
            // Kafka refused this dead letter once already: keep only the position of the original
            original = null;
            error = error + " [originalValue left out: Kafka refused this dead letter with it; the record is at "
                    + topic + "-" + partition + "@" + offset + "]";
        }
        DeadLetter letter = DeadLetters.fit(DeadLetters.of(stage, error, errorClass, topic, partition, offset,
                record.key(), original, clock.instant()), limits.maxValueBytes());
        context.forward(new Record<>(record.key(), letter,
                        record.timestamp(), record.headers()),
                EnrichmentTopology.DEAD_LETTER_SINK);
        metrics.deadLettered(stage, reason);
    }

    private static final class Outputs {
        final String id;
        final EnrichedArticle enriched;
        final List<EntityMention> mentions;
        final List<CasualtyReport> reports;

        Outputs(String id, EnrichedArticle enriched, List<EntityMention> mentions, List<CasualtyReport> reports) {
            this.id = id;
            this.enriched = enriched;
            this.mentions = mentions;
            this.reports = reports;
        }
    }
}
