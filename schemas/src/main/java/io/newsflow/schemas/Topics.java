package io.newsflow.schemas;

import io.newsflow.avro.CasualtyReport;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.EntityMention;
import io.newsflow.avro.GazetteerEntry;
import io.newsflow.avro.RawArticle;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The topic names of the pipeline, in one immutable place that services and tests import.
 *
 * <pre>
 * news.articles.raw       key article id  value RawArticle
 * news.articles.enriched  key article id  value EnrichedArticle
 * news.entities           key entity id   value EntityMention
 * news.casualties         key article id  value CasualtyReport
 * news.articles.dlq       key original    value DeadLetter
 * news.gazetteer          key entity id   value GazetteerEntry (compacted)
 * </pre>
 */
public final class Topics {
    public static final String RAW = "news.articles.raw";
    public static final String ENRICHED = "news.articles.enriched";
    public static final String ENTITIES = "news.entities";
    public static final String CASUALTIES = "news.casualties";
    public static final String DLQ = "news.articles.dlq";
    public static final String GAZETTEER = "news.gazetteer";

    /**
     * How each topic is created ({@code newsflow topics create}, and by the services when it is
     * missing): compaction and retention. Partitions and replication come from the cluster
     * ({@code io.newsflow.schemas.topics.TopicSettings}). A new topic is one line here (and its
     * value schema in {@link #VALUE_SCHEMAS}).
     */
    public static final List<TopicSpec> SPECS = List.of(
            TopicSpec.deleting(RAW, Duration.ofDays(7)),
            TopicSpec.deleting(ENRICHED, Duration.ofDays(7)),
            TopicSpec.deleting(ENTITIES, Duration.ofDays(7)),
            TopicSpec.deleting(CASUALTIES, Duration.ofDays(7)),
            // dead letters wait for a fix and a replay: longer than the rest
            TopicSpec.deleting(DLQ, Duration.ofDays(30)),
            TopicSpec.compacted(GAZETTEER));

    /** Every topic the pipeline reads or writes, for tools that create them up front. */
    public static final List<String> ALL = SPECS.stream().map(TopicSpec::name).toList();

    /** Topics that keep only the latest value per key. */
    public static final List<String> COMPACTED = SPECS.stream().filter(TopicSpec::compacted).map(TopicSpec::name).toList();

    /**
     * The value schema of each topic, registered under {@code <topic>-value} and published as the
     * self-contained file {@code schemas/src/main/avro/<record name>.avsc} (Java-only properties
     * aside: see {@link PublishedSchemas}). A new topic needs an entry here; the schemas module's
     * tests check that every topic has one and that its file exists.
     */
    public static final Map<String, Schema> VALUE_SCHEMAS = valueSchemas();

    private static Map<String, Schema> valueSchemas() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        schemas.put(RAW, RawArticle.getClassSchema());
        schemas.put(ENRICHED, EnrichedArticle.getClassSchema());
        schemas.put(ENTITIES, EntityMention.getClassSchema());
        schemas.put(CASUALTIES, CasualtyReport.getClassSchema());
        schemas.put(DLQ, DeadLetter.getClassSchema());
        schemas.put(GAZETTEER, GazetteerEntry.getClassSchema());
        return java.util.Collections.unmodifiableMap(schemas);
    }

    private Topics() {
    }
}
