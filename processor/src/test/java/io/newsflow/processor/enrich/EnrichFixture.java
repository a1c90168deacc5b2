package io.newsflow.processor.enrich;

import io.newsflow.avro.CasualtyFigure;
import io.newsflow.avro.Entity;
import io.newsflow.avro.EntityType;
import io.newsflow.avro.Mention;
import java.util.List;
import java.util.Optional;

/**
 * The enricher the enrichment tests share, loaded once per test JVM (as the processor loads it once per process),
 * and the lookups they make on its output.
 */
final class EnrichFixture {
    static final ArticleEnricher E = ArticleEnricher.loadDefault();

    private EnrichFixture() {
    }

    static List<Entity> ents(String text) {
        return E.analyse("", text).entities();
    }

    static List<CasualtyFigure> figs(String text) {
        return E.analyse("", text).casualties();
    }

    /** The entity with a mention of exactly this text. */
    static Optional<Entity> find(List<Entity> es, String mention) {
        return es.stream().filter(e -> e.getMentions().stream().anyMatch(m -> m.getText().equals(mention))).findFirst();
    }

    /** The type of the entity mentioned as {@code mention} in {@code text}, or null when there is none. */
    static EntityType typeOf(String text, String mention) {
        return find(ents(text), mention).map(Entity::getType).orElse(null);
    }

    static List<String> mentions(List<Entity> es) {
        return es.stream().flatMap(e -> e.getMentions().stream()).map(Mention::getText).toList();
    }
}
