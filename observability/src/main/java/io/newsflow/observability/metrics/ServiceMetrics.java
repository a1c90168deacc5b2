package io.newsflow.observability.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;

/**
 * One service's metrics: a Micrometer {@link PrometheusMeterRegistry} with the JVM binders
 * (memory, GC, threads, class loading, CPU, file descriptors, uptime) bound, every meter tagged
 * {@code service=<name>}. The service's own code counts through {@link #registry()} (inject it:
 * tests pass a {@code SimpleMeterRegistry} instead); {@link #scrape()} is the Prometheus text
 * that {@code GET /metrics} serves.
 *
 * <p>Micrometer names become Prometheus names by its convention: {@code newsflow.articles.enriched}
 * (a counter) is exposed as {@code newsflow_articles_enriched_total}, a timer
 * {@code newsflow.enrichment} as {@code newsflow_enrichment_seconds_*}.
 */
public final class ServiceMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;

    private ServiceMetrics(PrometheusMeterRegistry registry, JvmGcMetrics gc) {
        this.registry = registry;
        this.gc = gc;
    }

    /** A registry for the service named {@code service} ("processor", "producer"), JVM binders bound. */
    public static ServiceMetrics create(String service) {
        Objects.requireNonNull(service, "service");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("service", service);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return new ServiceMetrics(registry, gc);
    }

    /** Where the service's code registers its meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in the Prometheus text exposition format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
