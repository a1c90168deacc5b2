package io.newsflow.consumer.transport;

import io.newsflow.avro.CasualtyReport;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.EntityMention;
import io.newsflow.avro.GazetteerEntry;
import io.newsflow.avro.RawArticle;
import io.newsflow.schemas.Topics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * A topic a downstream service can follow, with the record type of its values — so that
 * subscribing to {@link #ENRICHED} yields {@code EnrichedArticle}s, typed. Keys are Strings on
 * every topic (article id or entity id; the dead-letter topic keeps the original key).
 */
public final class NewsTopic<V extends SpecificRecord> {
    public static final NewsTopic<EnrichedArticle> ENRICHED = new NewsTopic<>("enriched", Topics.ENRICHED, EnrichedArticle.class);
    public static final NewsTopic<EntityMention> ENTITIES = new NewsTopic<>("entities", Topics.ENTITIES, EntityMention.class);
    public static final NewsTopic<CasualtyReport> CASUALTIES = new NewsTopic<>("casualties", Topics.CASUALTIES, CasualtyReport.class);
    public static final NewsTopic<DeadLetter> DLQ = new NewsTopic<>("dlq", Topics.DLQ, DeadLetter.class);
    public static final NewsTopic<RawArticle> RAW = new NewsTopic<>("raw", Topics.RAW, RawArticle.class);
    public static final NewsTopic<GazetteerEntry> GAZETTEER = new NewsTopic<>("gazetteer", Topics.GAZETTEER, GazetteerEntry.class);

    private static final List<NewsTopic<?>> ALL = List.of(ENRICHED, ENTITIES, CASUALTIES, DLQ, RAW, GAZETTEER);

    private final String shortName;
    private final String topic;
    private final Class<V> valueType;

    private NewsTopic(String shortName, String topic, Class<V> valueType) {
        this.shortName = shortName;
        this.topic = topic;
        this.valueType = valueType;
    }

    /** Every topic, in the order the CLI lists them. */
    public static List<NewsTopic<?>> all() {
        return ALL;
    }

    /** By short name ({@code enriched}) or full topic name ({@code news.articles.enriched}), ignoring case. */
    public static Optional<NewsTopic<?>> byName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(t -> t.shortName.equals(wanted) || t.topic.equals(wanted)).findFirst();
    }

    /** The name the CLI uses: enriched, entities, casualties, dlq, raw, gazetteer. */
    public String shortName() {
        return shortName;
    }

    /** The Kafka topic. */
    public String topic() {
        return topic;
    }

    public Class<V> valueType() {
        return valueType;
    }

    @Override
    public String toString() {
        return shortName + " (" + topic + ")";
    }
}
