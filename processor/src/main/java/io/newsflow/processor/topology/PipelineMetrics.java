package io.newsflow.processor.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipeline's own meters, counted by the topology's processors and the Streams exception
 * handlers into one injected Micrometer registry (the service's Prometheus registry in
 * production, a {@link SimpleMeterRegistry} in tests). Prometheus names:
 *
 * <pre>
 * newsflow_articles_enriched_total                articles enriched and forwarded to the sinks
 * newsflow_dead_letters_total{stage,reason}       records sent to news.articles.dlq; stage DESERIALIZE, PROCESS or
 *                                                 PRODUCE; reason a short, bounded code (see {@link DeadLetters#reason})
 * newsflow_enrichment_seconds_{bucket,count,sum,max}   time to enrich one article (histogram)
 * newsflow_gazetteer_entries                      operators' entries applied from news.gazetteer (the global store)
 * </pre>
 *
 * ({@code newsflow_enrichment_truncated_total} comes from the enricher itself; see {@code ProcessorApp}.)
 * Thread-safe: every stream thread, the global thread and the handlers share one instance.
 */
public final class PipelineMetrics {
    /**
     * Streams configuration key under which {@code ProcessorApp} hands this object to the exception
     * handlers, which Streams builds by reflection and configures with the application's configs.
     */
    public static final String CONFIG = "newsflow.internal.pipeline-metrics";

    /** Histogram buckets of the enrichment time: from a short article to the 2 s budget and past it. */
    private static final Duration[] ENRICHMENT_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)};

    private final MeterRegistry registry;
    private final Counter enriched;
    private final Timer enrichment;
    private final AtomicLong gazetteerEntries = new AtomicLong();

    private PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.enriched = Counter.builder("newsflow.articles.enriched")
                .description("Articles enriched and forwarded to news.articles.enriched, news.entities and news.casualties")
                .register(registry);
        this.enrichment = Timer.builder("newsflow.enrichment")
                .description("Time to enrich one article")
                .serviceLevelObjectives(ENRICHMENT_BUCKETS)
                .register(registry);
        Gauge.builder("newsflow.gazetteer.entries", gazetteerEntries, AtomicLong::get)
                .description("Operators' entries of news.gazetteer applied to the enrichment")
                .register(registry);
    }

    /** Meters in {@code registry}. */
    public static PipelineMetrics of(MeterRegistry registry) {
        return new PipelineMetrics(Objects.requireNonNull(registry, "registry"));
    }

    /** Meters nobody scrapes (a private {@link SimpleMeterRegistry}): for tests and tools that do not expose them. */
    public static PipelineMetrics unexposed() {
        return new PipelineMetrics(new SimpleMeterRegistry());
    }

    /** The instance {@code ProcessorApp} put into the Streams configuration, or an unexposed one when there is none. */
    public static PipelineMetrics fromConfig(Map<String, ?> configs) {
        Object metrics = configs.get(CONFIG);
        return metrics instanceof PipelineMetrics ? (PipelineMetrics) metrics : unexposed();
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void articleEnriched() {
        enriched.increment();
    }

    public void enrichmentTook(long nanos) {
        enrichment.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One record dead-lettered; {@code reason} must come from a small, fixed set (it is a label). */
    public void deadLettered(String stage, String reason) {
        Counter.builder("newsflow.dead.letters")
                .description("Records written to news.articles.dlq, by stage and reason")
                .tag("stage", stage)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    public void gazetteerEntries(long entries) {
        gazetteerEntries.set(entries);
    }

    public long gazetteerEntries() {
        return gazetteerEntries.get();
    }

    @Override
    public String toString() {
        return "PipelineMetrics[" + registry.getClass().getSimpleName() + "]";
    }
}
