package io.newsflow.processor.enrich;

import io.newsflow.avro.CasualtyFigure;
import io.newsflow.avro.Entity;

import java.util.List;

/**
 * What {@link ArticleEnricher#analyse} finds in one article: the entities (mention offsets into the body), the
 * casualty figures (offsets into the body) and the detected language (ISO 639-1, or null when unsure).
 */
public record Enrichment(List<Entity> entities, List<CasualtyFigure> casualties, String language) {
    public Enrichment {
        entities = List.copyOf(entities);
        casualties = List.copyOf(casualties);
    }

    public static Enrichment empty(String language) {
        return new Enrichment(List.of(), List.of(), language);
    }
}
