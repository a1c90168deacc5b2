package io.newsflow.bench.recognisers;

import io.newsflow.avro.CasualtyFigure;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.RawArticle;
import io.newsflow.processor.enrich.ArticleEnricher;
import java.util.List;

/**
 * One option measured for issue 8, by name:
 * <ul>
 *   <li>{@code project} — the project's own enrichment ({@link ArticleEnricher#enrich}, what {@code ./newsflow
 *       enrich --json} prints);</li>
 *   <li>{@code nlp4j}, {@code corenlp} — a stock recogniser alone, ids by {@link StringIdentity};</li>
 *   <li>{@code union:MODEL} — {@link Combinations#union} of the project and the model;</li>
 *   <li>{@code retype:MODEL} — {@link Combinations#retype}: the project's entities with the model's types.</li>
 * </ul>
 * Loading (the constructor) is the cold start that {@code bench/run recognisers load} times.
 */
public final class Option {
    /** The ways of using a model's spans, as option-name prefixes ({@code nlp4j}, {@code union:nlp4j}, ...). */
    public enum Mode {
        MODEL(""), UNION("union:"), RETYPE("retype:"), PROJECT("project");

        final String prefix;

        Mode(String prefix) {
            this.prefix = prefix;
        }

        public String optionName(String model) {
            return this == PROJECT ? prefix : prefix + model;
        }
    }

    /** What one article gave: the entities to print and the project's casualty figures (none for a model alone). */
    public record Result(List<FoundEntity> entities, List<CasualtyFigure> casualties) {
    }

    private final String name;
    private final Mode mode;
    private final Recogniser model;
    private final ArticleEnricher enricher;

    public Option(String name) {
        this.name = name;
        if (name.equals("project")) {
            mode = Mode.PROJECT;
        } else if (name.startsWith(Mode.UNION.prefix)) {
            mode = Mode.UNION;
        } else if (name.startsWith(Mode.RETYPE.prefix)) {
            mode = Mode.RETYPE;
        } else {
            mode = Mode.MODEL;
        }
        String modelName = mode == Mode.PROJECT ? null : name.substring(mode.prefix.length());
        model = modelName == null ? null : Recognisers.load(modelName);
        enricher = mode == Mode.MODEL ? null : ArticleEnricher.loadDefault();
    }

    public String name() {
        return name;
    }

    public Result run(RawArticle article) {
        String body = article.getBody() == null ? "" : article.getBody();
        List<Span> spans = model == null ? List.of() : model.find(body);
        EnrichedArticle enriched = enricher == null ? null : enricher.enrich(article);
        return result(mode, body, spans, enriched);
    }

    /**
     * The output of {@code mode} for one article, from the model's spans and the project's enrichment (null for
     * {@link Mode#MODEL}), so one run of each can feed every mode.
     */
    public static Result result(Mode mode, String body, List<Span> spans, EnrichedArticle enriched) {
        if (mode == Mode.MODEL) {
            return new Result(StringIdentity.entities(body, spans), List.of());
        }
        List<FoundEntity> project = enriched.getEntities().stream().map(FoundEntity::of).toList();
        List<FoundEntity> entities = switch (mode) {
            case PROJECT -> project;
            case UNION -> Combinations.union(body, project, spans);
            case RETYPE -> Combinations.retype(project, spans);
            case MODEL -> throw new IllegalStateException("handled above");
        };
        return new Result(entities, enriched.getCasualties());
    }
}
