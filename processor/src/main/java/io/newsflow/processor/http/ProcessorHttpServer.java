package io.newsflow.processor.http;

import io.newsflow.observability.http.HttpRoutes;
import io.newsflow.observability.http.ServiceHttpServer;
import io.newsflow.observability.metrics.ServiceMetrics;
import io.newsflow.processor.app.ProcessorApp;
import java.util.ArrayList;
import java.util.List;

/**
 * The processor's HTTP server ({@code process --http-port P}): {@code /health/live},
 * {@code /health/ready} (the {@link ProcessorApp#health()} checks) and {@code /metrics} (the
 * service's registry: the pipeline's meters, Kafka Streams' client metrics, the JVM), plus the
 * processor's other route groups.
 *
 * <p><b>Adding routes</b> (the interactive-query API under {@code /api/}, Server-Sent Events at
 * {@code /api/stream}, the dashboard at {@code /}): implement
 * {@link io.newsflow.observability.http.HttpRoutes} in your package and add it to
 * {@link #routes(ProcessorApp)}; static files go in {@link #start} as
 * {@code builder.staticFiles("/dashboard", "/")}. The server is started after the
 * {@link ProcessorApp} is built and before its Streams client starts, so a route may keep
 * {@code app.streams()} for its queries (and must answer 503 until {@code /health/ready} is up).
 */
public final class ProcessorHttpServer {
    private ProcessorHttpServer() {
    }

    /** The processor's route groups besides health and metrics. */
    static List<HttpRoutes> routes(ProcessorApp app) {
        List<HttpRoutes> routes = new ArrayList<>();
        return routes;
    }

    /**
     * Starts serving on {@code port} (0 = a free port) on all interfaces.
     *
     * @throws IllegalStateException when the port is taken
     */
    public static ServiceHttpServer start(int port, ProcessorApp app, ServiceMetrics metrics) {
        ServiceHttpServer.Builder builder = ServiceHttpServer.builder()
                .port(port)
                .health(app.health())
                .metrics(metrics);
        routes(app).forEach(builder::routes);
        return builder.start();
    }
}
