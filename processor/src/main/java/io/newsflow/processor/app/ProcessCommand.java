package io.newsflow.processor.app;

import io.newsflow.observability.http.ServiceHttpServer;
import io.newsflow.observability.metrics.ServiceMetrics;
import io.newsflow.processor.enrich.ArticleEnricher;
import io.newsflow.processor.enrich.EnricherOptions;
import io.newsflow.processor.http.ProcessorHttpServer;
import io.newsflow.schemas.config.ConnectionOptions;
import io.newsflow.schemas.lifecycle.StopSignals;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow process}: runs the enrichment processor until Ctrl-C (or SIGTERM). Reads
 * {@code news.articles.raw}; writes {@code news.articles.enriched}, {@code news.entities},
 * {@code news.casualties} and {@code news.articles.dlq}; applies the operators' entries of
 * {@code news.gazetteer} to the enrichment as they arrive.
 *
 * <p>The enrichment models and dictionaries (with {@code --gazetteer-geonames}, the dump too) are
 * loaded once, here, before Kafka is touched — never per record. Exit code 0 after a clean
 * shutdown, 1 when the client failed or did not start in time, 2 on bad configuration.
 */
@Command(name = "process", mixinStandardHelpOptions = true,
        description = {"Run the Kafka Streams processor: enrich news.articles.raw into news.articles.enriched,",
                "news.entities and news.casualties; unreadable records go to news.articles.dlq. Runs until Ctrl-C."})
public final class ProcessCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(names = "--gazetteer-geonames", paramLabel = "FILE",
            description = {"A GeoNames dump (allCountries/cities500/cities15000/<CC>.txt, plain, .zip or .gz) that extends",
                    "the bundled places (default: env NEWSFLOW_GAZETTEER_GEONAMES, then newsflow.gazetteer.geonames in the file)"})
    Path gazetteerGeonames;

    @Option(names = "--reset",
            description = "Delete this application's local state before starting (KafkaStreams.cleanUp()); does not rewind offsets")
    boolean reset;

    @Option(names = "--startup-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Give up when not RUNNING after this many seconds (default: ${DEFAULT-VALUE})")
    long startupTimeoutSeconds;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = {"Serve /health/live, /health/ready and /metrics (Prometheus) on this port, all interfaces",
                    "(0 = any free port; default: no HTTP server)"})
    Integer httpPort;

    @Option(names = "--threads", paramLabel = "N",
            description = "Stream threads of this instance (num.stream.threads; default 1): up to the 6 partitions per topic")
    Integer threads;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = {"This instance's state directory, kept across restarts: the gazetteer store, Streams' process id",
                    "and the instance id (default: $NEWSFLOW_STATE_DIR/processor-state, else ~/.newsflow/processor-state);",
                    "each instance on a machine needs its own"})
    Path stateDir;

    @Option(names = "--standby-replicas", paramLabel = "N",
            description = "Warm copies of each task's state on other instances (num.standby.replicas; default 0)")
    Integer standbyReplicas;

    @Option(names = "--instance-id", paramLabel = "ID",
            description = {"A stable name for this instance (static membership: group.instance.id = newsflow-processor-ID);",
                    "default: made once and kept in the state directory"})
    String instanceId;

    @Spec
    CommandSpec spec;

    private final Function<EnricherOptions, ArticleEnricher> enricherFactory;
    private final Map<String, String> env;

    public ProcessCommand() {
        this(ArticleEnricher::load, System.getenv());
    }

    /** For tests: a fake enricher factory and environment. */
    ProcessCommand(Function<EnricherOptions, ArticleEnricher> enricherFactory, Map<String, String> env) {
        this.enricherFactory = enricherFactory;
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        Properties props;
        EnricherOptions options;
        try {
            props = config();
            options = EnricherOptions.fromProperties(props).validate();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("process: " + e.getMessage());
            return 2;
        }
        ArticleEnricher enricher;
        try {
            enricher = enricherFactory.apply(options);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            spec.commandLine().getErr().println("process: " + e.getMessage());
            return 2;
        }
        spec.commandLine().getErr().println("process: gazetteer " + enricher.gazetteerSummary());
        if (httpPort != null && (httpPort < 0 || httpPort > 65535)) {
            spec.commandLine().getErr().println("process: --http-port must be 0..65535, not " + httpPort);
            return 2;
        }
        if ((threads != null && threads < 1) || (standbyReplicas != null && standbyReplicas < 0)) {
            spec.commandLine().getErr().println("process: --threads must be at least 1 and --standby-replicas at least 0");
            return 2;
        }
        try (ServiceMetrics metrics = ServiceMetrics.create("processor")) {
            ProcessorApp app;
            try {
                app = new ProcessorApp(props, enricher, metrics.registry());
            } catch (org.apache.kafka.streams.errors.StreamsException | UncheckedIOException e) {
                // e.g. the state directory is locked by another instance on this machine
                spec.commandLine().getErr().println("process: " + e.getMessage()
                        + (e instanceof UncheckedIOException ? "" : " (each instance needs its own --state-dir)"));
                return 2;
            }
            try (app; StopSignals signals = StopSignals.install("process", app::close)) {
                return run(app, metrics);
            }
        }
    }

    private int run(ProcessorApp app, ServiceMetrics metrics) throws InterruptedException {
        ServiceHttpServer http = null;
        if (httpPort != null) {
            try {
                http = ProcessorHttpServer.start(httpPort, app, metrics);
            } catch (IllegalStateException e) {
                spec.commandLine().getErr().println("process: " + e.getMessage());
                return 2;
            }
            spec.commandLine().getErr().println("process: health and metrics on " + http.url()
                    + " (/health/live, /health/ready, /metrics)");
        }
        Thread hook = new Thread(app::close, "newsflow-processor-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (reset) {
                app.cleanUp();
            }
            try {
                app.startAndAwaitRunning(Duration.ofSeconds(startupTimeoutSeconds));
            } catch (TimeoutException | IllegalStateException e) {
                spec.commandLine().getErr().println("process: " + e.getMessage());
                return 1;
            }
            spec.commandLine().getErr().println("process: running; Ctrl-C to stop");
            spec.commandLine().getErr().flush();
            app.awaitTermination();
            return app.failed() ? 1 : 0;
        } finally {
            app.close();
            if (http != null) {
                http.close(); // last: readiness answers 503 while the client shuts down
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: that is how we got here
            }
        }
    }

    /** The options as configuration: flags over environment over file over defaults ({@link ConnectionOptions}). */
    Properties config() {
        Map<String, String> flags = new HashMap<>();
        flags.put(EnricherOptions.GEONAMES, gazetteerGeonames == null ? null : gazetteerGeonames.toString());
        flags.put(org.apache.kafka.streams.StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads == null ? null : threads.toString());
        flags.put(org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG, stateDir == null ? null : stateDir.toString());
        flags.put(org.apache.kafka.streams.StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG,
                standbyReplicas == null ? null : standbyReplicas.toString());
        flags.put(InstanceIdentity.INSTANCE_ID_CONFIG, instanceId);
        return ProcessorConfig.fromOptions(connection, env, flags);
    }
}
