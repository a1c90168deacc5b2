package io.newsflow.observability.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.newsflow.observability.health.CheckResult;
import io.newsflow.observability.health.Health;
import io.newsflow.observability.metrics.ServiceMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded HTTP server of a service (Javalin 7 on Jetty 12), one per process:
 *
 * <pre>
 * GET /health/live    200 {"status":"UP",...} or 503 {"status":"DOWN","reason":"...",...}  (see {@link Health})
 * GET /health/ready   the same for readiness
 * GET /metrics        Prometheus text (version 0.0.4) of the service's {@link ServiceMetrics}
 * ...                 whatever the service's packages add: {@link HttpRoutes} and static files
 * </pre>
 *
 * Built once, before start, because Javalin takes every route up front:
 *
 * <pre>
 * ServiceHttpServer server = ServiceHttpServer.builder()
 *         .port(8080)                                  // 0 = any free port
 *         .health(health)
 *         .metrics(metrics)
 *         .routes(new StoriesApi(streams))             // the processor's /api/...
 *         .staticFiles("/dashboard", "/")              // classpath folder served at /
 *         .start();
 * </pre>
 *
 * JSON bodies of added routes ({@code ctx.json(...)}) are written by Jackson, ISO-8601 dates.
 * Errors inside a handler become a 500 with a JSON body and are logged once. {@link #close()}
 * stops the server; a service closes it last, so readiness reports the shutdown.
 */
public final class ServiceHttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServiceHttpServer.class);

    public static final String LIVE_PATH = "/health/live";
    public static final String READY_PATH = "/health/ready";
    public static final String METRICS_PATH = "/metrics";
    /** Prometheus' text exposition format. */
    public static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Javalin javalin;
    private final String host;

    private ServiceHttpServer(Javalin javalin, String host) {
        this.javalin = javalin;
        this.host = host;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port actually bound (useful when started with port 0). */
    public int port() {
        return javalin.port();
    }

    /** {@code http://localhost:<port>} (the loopback address when bound to all interfaces). */
    public String url() {
        String shown = "0.0.0.0".equals(host) || host.isBlank() ? "localhost" : host;
        return "http://" + shown + ":" + port();
    }

    /** Stops serving; idempotent. */
    @Override
    public void close() {
        javalin.stop();
    }

    /** What the server serves; see the class comment. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 0;
        private Health health = new Health();
        private ServiceMetrics metrics;
        private final List<HttpRoutes> routes = new ArrayList<>();
        private final List<String[]> staticFiles = new ArrayList<>();
        private int maxThreads = 16;

        private Builder() {
        }

        /** The interface to bind; default all ({@code 0.0.0.0}), so a container's port mapping reaches it. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("HTTP port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder health(Health health) {
            this.health = Objects.requireNonNull(health, "health");
            return this;
        }

        /** The registry {@code /metrics} scrapes; without one, {@code /metrics} is not served. */
        public Builder metrics(ServiceMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** Routes of another package (the processor's {@code /api/}, ...); call once per group. */
        public Builder routes(HttpRoutes group) {
            routes.add(Objects.requireNonNull(group, "routes"));
            return this;
        }

        /**
         * Serves the files of a classpath folder (e.g. {@code "/dashboard"} in a jar's resources) at
         * {@code hostedPath} (e.g. {@code "/"}); routes win over files of the same path.
         */
        public Builder staticFiles(String classpathFolder, String hostedPath) {
            staticFiles.add(new String[] {Objects.requireNonNull(classpathFolder, "classpathFolder"),
                    Objects.requireNonNull(hostedPath, "hostedPath")});
            return this;
        }

        /** Most request threads (default 16: health, metrics and a few API clients on a small machine). */
        public Builder maxThreads(int maxThreads) {
            if (maxThreads < 4) {
                throw new IllegalArgumentException("maxThreads must be at least 4, not " + maxThreads);
            }
            this.maxThreads = maxThreads;
            return this;
        }

        /**
         * Binds and starts serving.
         *
         * @throws IllegalStateException when the port is taken (naming it) or a route is added twice
         */
        public ServiceHttpServer start() {
            Health checks = health;
            ServiceMetrics scraped = metrics;
            ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
            QueuedThreadPool threads = new QueuedThreadPool(maxThreads, 2);
            threads.setName("newsflow-http");
            Javalin javalin = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                config.jetty.host = host;
                config.jetty.port = port;
                config.jetty.threadPool = threads;
                config.jsonMapper(new JavalinJackson(json, false));
                for (String[] files : staticFiles) {
                    config.staticFiles.add(f -> {
                        f.directory = files[0];
                        f.hostedPath = files[1];
                        f.location = Location.CLASSPATH;
                    });
                }
                config.routes.get(LIVE_PATH, ctx -> answer(ctx, checks.live()));
                config.routes.get(READY_PATH, ctx -> answer(ctx, checks.ready()));
                if (scraped != null) {
                    config.routes.get(METRICS_PATH, ctx -> ctx.contentType(PROMETHEUS_CONTENT_TYPE).result(scraped.scrape()));
                }
                config.routes.exception(Exception.class, (e, ctx) -> {
                    log.error("{} {} failed", ctx.method(), ctx.path(), e);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("error", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                    ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(body);
                });
                for (HttpRoutes group : routes) {
                    group.addTo(config.routes);
                }
            });
            try {
                javalin.start();
            } catch (RuntimeException e) {
                javalin.stop();
                throw new IllegalStateException("cannot serve HTTP on " + host + ":" + port
                        + (port != 0 ? " (port in use? choose another with --http-port)" : "") + ": " + rootMessage(e), e);
            }
            ServiceHttpServer server = new ServiceHttpServer(javalin, host);
            log.info("serving {}, {} and {} on {}", LIVE_PATH, READY_PATH, METRICS_PATH, server.url());
            return server;
        }

        private static void answer(Context ctx, Health.Report report) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", report.up() ? "UP" : "DOWN");
            if (!report.up()) {
                body.put("reason", report.reason());
            }
            Map<String, Object> checks = new LinkedHashMap<>();
            report.checks().forEach((name, result) -> checks.put(name, check(result)));
            body.put("checks", checks);
            ctx.status(report.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
        }

        private static Map<String, Object> check(CheckResult result) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("status", result.up() ? "UP" : "DOWN");
            one.put("detail", result.detail());
            return one;
        }

        private static String rootMessage(Throwable e) {
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        }
    }
}
