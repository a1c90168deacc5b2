package io.newsflow.schemas;

import java.util.List;

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

    /** Every topic the pipeline reads or writes, for tools that create them up front. */
    public static final List<String> ALL = List.of(RAW, ENRICHED, ENTITIES, CASUALTIES, DLQ, GAZETTEER);

    /** Topics that keep only the latest value per key. */
    public static final List<String> COMPACTED = List.of(GAZETTEER);

    private Topics() {
    }
}
