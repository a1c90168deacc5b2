package io.newsflow.processor.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.observability.health.Health;
import io.newsflow.avro.RawArticle;
import io.newsflow.processor.enrich.ArticleEnricher;
import io.newsflow.processor.topology.EnrichmentTopology;
import io.newsflow.processor.topology.GazetteerListener;
import io.newsflow.processor.topology.OutputLimits;
import io.newsflow.processor.topology.PipelineMetrics;
import io.newsflow.processor.topology.errors.StreamThreadExceptionHandler;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.topics.TopicAdmin;
import io.newsflow.schemas.topics.TopicSettings;
import io.newsflow.schemas.config.ClientConfigs;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running processor: {@link EnrichmentTopology} in a {@link KafkaStreams} client, with the
 * uncaught-exception handler, a state listener for readiness and a clean close. Reads
 * {@code news.articles.raw}; writes {@code news.articles.enriched}, {@code news.entities},
 * {@code news.casualties} and {@code news.articles.dlq}; reads the compacted {@code news.gazetteer}
 * into a global store whose entries go to the enricher (shapes in {@link EnrichmentTopology}).
 *
 * <p>Reusable by the CLI ({@link ProcessCommand}), the demo and end-to-end tests:
 * <pre>
 * try (ProcessorApp app = new ProcessorApp(props, ArticleEnricher.load(options))) {
 *     app.startAndAwaitRunning(Duration.ofSeconds(60));
 *     ...
 * }
 * </pre>
 * Readiness is awaited through the state listener, never a sleep. One instance runs once: after
 * {@link #close()} build a new one.
 */
public final class ProcessorApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProcessorApp.class);

    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);

    private final Properties config;
    private final KafkaStreams streams;
    private final PipelineMetrics metrics;
    private final OutputLimits limits;
    private final KafkaStreamsMetrics streamsMetrics;
    private final StreamsObserver observer = new StreamsObserver();
    private final CompletableFuture<Void> running = new CompletableFuture<>();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile boolean started;

    /**
     * The processor around an {@link ArticleEnricher}: it enriches the articles and receives the
     * operators' entries of {@code news.gazetteer}, so an entry changes the next article without a
     * restart. The registry client is built from {@code schema.registry.url} in {@code config}.
     */
    public ProcessorApp(Properties config, ArticleEnricher enricher) {
        this(config, enricher, ClientConfigs.registry(withDefaults(config)));
    }

    public ProcessorApp(Properties config, ArticleEnricher enricher, SchemaRegistryClient registry) {
        this(config, enricher, registry, new SimpleMeterRegistry());
    }

    /**
     * As {@link #ProcessorApp(Properties, ArticleEnricher)}, counting into {@code meters} (the
     * service's Prometheus registry): the pipeline's meters, the enricher's truncations and every
     * Kafka Streams client metric ({@link KafkaStreamsMetrics}).
     */
    public ProcessorApp(Properties config, ArticleEnricher enricher, MeterRegistry meters) {
        this(config, enricher, ClientConfigs.registry(withDefaults(config)), meters);
    }

    public ProcessorApp(Properties config, ArticleEnricher enricher, SchemaRegistryClient registry, MeterRegistry meters) {
        this(config, Objects.requireNonNull(enricher, "enricher")::enrich,
                GazetteerListener.of(enricher::upsert, enricher::remove), registry, meters);
        FunctionCounter.builder("newsflow.enrichment.truncated", enricher, ArticleEnricher::truncatedByLength)
                .description("Articles analysed only in part: cut at " + ArticleEnricher.MAX_CHARS
                        + " characters (cause=length) or stopped at the " + ArticleEnricher.BUDGET_MILLIS
                        + " ms budget (cause=time)")
                .tag("cause", "length")
                .register(meters);
        FunctionCounter.builder("newsflow.enrichment.truncated", enricher, ArticleEnricher::truncatedByTime)
                .tag("cause", "time")
                .register(meters);
    }

    /**
     * Any enrichment function; {@code news.gazetteer} is read but its entries change nothing (use
     * {@link #ProcessorApp(Properties, ArticleEnricher)} to apply them). The registry client is
     * built from {@code schema.registry.url} in {@code config}.
     */
    public ProcessorApp(Properties config, Function<RawArticle, EnrichedArticle> enricher) {
        this(config, enricher, ClientConfigs.registry(withDefaults(config)));
    }

    /** See {@link #ProcessorApp(Properties, Function)}. */
    public ProcessorApp(Properties config, Function<RawArticle, EnrichedArticle> enricher, SchemaRegistryClient registry) {
        this(config, enricher, GazetteerListener.NONE, registry);
    }

    /**
     * @param enricher  the enrichment of each article (thread-safe)
     * @param gazetteer receives the operators' entries of {@code news.gazetteer} (thread-safe, idempotent)
     */
    public ProcessorApp(Properties config, Function<RawArticle, EnrichedArticle> enricher, GazetteerListener gazetteer,
                        SchemaRegistryClient registry) {
        this(config, enricher, gazetteer, registry, new SimpleMeterRegistry());
    }

    /**
     * @param meters where the pipeline's meters ({@link PipelineMetrics}) and the Streams client's
     *               metrics are registered; the service's Prometheus registry behind {@code /metrics}
     */
    public ProcessorApp(Properties config, Function<RawArticle, EnrichedArticle> enricher, GazetteerListener gazetteer,
                        SchemaRegistryClient registry, MeterRegistry meters) {
        this.config = copy(Objects.requireNonNull(config, "config"));
        ProcessorConfig.applyDefaults(this.config);
        InstanceIdentity.apply(this.config);
        if (gazetteer == GazetteerListener.NONE) {
            log.info("{} is read but its entries are not applied: no gazetteer listener", Topics.GAZETTEER);
        }
        this.metrics = PipelineMetrics.of(Objects.requireNonNull(meters, "meters"));
        this.limits = OutputLimits.fromStreamsConfig(this.config);
        Topology topology = EnrichmentTopology.build(enricher, gazetteer, registry, java.time.Clock.systemUTC(), metrics,
                limits);
        // objects for the exception handlers, which Streams builds by reflection and configures with these configs
        Properties streamsConfig = copy(this.config);
        streamsConfig.put(PipelineMetrics.CONFIG, metrics);
        streamsConfig.put(OutputLimits.CONFIG, limits);
        this.streams = new KafkaStreams(topology, streamsConfig);
        streams.setUncaughtExceptionHandler(new StreamThreadExceptionHandler(limits));
        streams.setStateListener(this::onStateChange);
        streams.setGlobalStateRestoreListener(observer);
        observer.observe(streams);
        this.streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(meters);
    }

    /**
     * Deletes this application's local state directory ({@code KafkaStreams.cleanUp()}); only
     * before start, and only when the operator asked for it ({@code --reset}). It does not
     * rewind the input: for that, use Kafka's {@code kafka-streams-application-reset} tool.
     */
    public void cleanUp() {
        if (started) {
            throw new IllegalStateException("cleanUp() must be called before start");
        }
        log.warn("--reset: deleting local state of {} in {}", config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG),
                config.getProperty(StreamsConfig.STATE_DIR_CONFIG));
        streams.cleanUp();
    }

    /**
     * Creates the pipeline's topics if missing ({@link #ensureTopics(Admin, TopicSettings, Duration)}), starts
     * the client and returns once it is RUNNING.
     *
     * @throws TimeoutException      when the topics or RUNNING are not reached within {@code timeout};
     *                               the client is left as it is, call {@link #close()}
     * @throws IllegalStateException when the client fails (ERROR) or is closed before RUNNING
     */
    public void startAndAwaitRunning(Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Admin admin = Admin.create(adminConfig(config));
        try {
            ensureTopics(admin, TopicSettings.fromProperties(config), timeout);
            lowerLimitsToTopics(admin, timeout);
        } catch (TimeoutException e) {
            throw new TimeoutException("no answer from the Kafka cluster at "
                    + config.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG) + " within " + timeout
                    + " (listing/creating topics); is it running?");
        } finally {
            // no wait: after a timeout a pending call would otherwise hold close() for default.api.timeout.ms
            admin.close(Duration.ZERO);
        }
        start();
        long left = Math.max(0, deadline - System.nanoTime());
        try {
            running.get(left, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("processor did not start: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new TimeoutException("processor not RUNNING within " + timeout + " (state " + streams.state() + ")");
        }
        log.info("processor {} running", config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
    }

    /** The output topics' {@code max.message.bytes} lower the output limit when they accept less than the producer. */
    private void lowerLimitsToTopics(Admin admin, Duration timeout) throws InterruptedException, TimeoutException {
        List<ConfigResource> outputs = List.of(Topics.ENRICHED, Topics.ENTITIES, Topics.CASUALTIES, Topics.DLQ).stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                .collect(Collectors.toList());
        try {
            Map<ConfigResource, Config> configs = admin.describeConfigs(outputs).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            configs.forEach((topic, config) -> {
                ConfigEntry max = config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                if (max != null && max.value() != null) {
                    limits.lowerTo(Long.parseLong(max.value()), TopicConfig.MAX_MESSAGE_BYTES_CONFIG + " of " + topic.name());
                }
            });
        } catch (ExecutionException e) {
            log.warn("cannot read the output topics' {} ({}); outputs are limited to {}", TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                    e.getCause().toString(), limits.describe());
        }
    }

    /** Starts the client without waiting; see {@link #startAndAwaitRunning}. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        log.info("starting processor with config:\n{}", ProcessorConfig.redacted(config));
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** True once the client has shut down on an error (e.g. the uncaught-exception handler's SHUTDOWN_CLIENT). */
    public boolean failed() {
        return streams.state() == KafkaStreams.State.ERROR;
    }

    /** Blocks until the client stops: {@link #close()} (e.g. from a shutdown hook) or an ERROR. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /** @return true if the client stopped within the timeout */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Closes the client, waiting up to {@link #CLOSE_TIMEOUT} for it to commit and leave the
     * consumer group; idempotent. Leaving (Streams' default is to stay until the session times
     * out) hands the partitions to the other instances, or to this one restarted, at once instead
     * of after {@code session.timeout.ms}: the tasks have no local state worth waiting for.
     */
    @Override
    public void close() {
        boolean clean = streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
        if (!clean) {
            log.warn("processor did not close within {}", CLOSE_TIMEOUT);
        }
        streamsMetrics.close();
        running.completeExceptionally(new IllegalStateException("closed"));
        terminated.countDown();
    }

    /**
     * Liveness and readiness of this processor, for {@code /health/live} and {@code /health/ready}:
     * live unless the client is in ERROR; ready when RUNNING with {@code news.gazetteer} restored.
     */
    public Health health() {
        return observer.health();
    }

    /** How large an output may be, as found at start; see {@link OutputLimits}. */
    public OutputLimits limits() {
        return limits;
    }

    /** The pipeline's meters of this processor (articles enriched, dead letters, ...). */
    public PipelineMetrics metrics() {
        return metrics;
    }

    /** The underlying client, for metrics or interactive checks; do not start or close it directly. */
    public KafkaStreams streams() {
        return streams;
    }

    /**
     * Creates the pipeline's topics ({@link Topics#SPECS}) that do not exist yet, never with the
     * broker's defaults: 6 partitions, replication factor min(3, brokers), min.insync.replicas
     * min(2, RF), each topic's retention or compaction (or the {@link TopicSettings} in the
     * configuration). Existing topics are left alone; what differs from the spec is logged as a
     * warning, except a compacted topic that is not compacted, which is refused: its entries
     * would be deleted with age. Safe to race with another service doing the same.
     *
     * @return the topics this call created
     * @throws IllegalStateException when a compacted topic exists with another cleanup policy, or
     *                               the settings do not fit the cluster
     */
    public static Set<String> ensureTopics(Admin admin, TopicSettings settings, Duration timeout)
            throws InterruptedException, TimeoutException {
        TopicAdmin topics = new TopicAdmin(admin, timeout);
        TopicSettings.Resolved resolved;
        try {
            resolved = settings.resolve(topics.brokers());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot create the pipeline's topics: " + e.getMessage(), e);
        }
        Set<String> created = topics.createMissing(Topics.SPECS, resolved);
        if (!created.isEmpty()) {
            log.info("created topics {} with {}", created, resolved);
        }
        for (TopicAdmin.TopicState state : topics.describe(Topics.SPECS, resolved)) {
            if (!state.exists()) {
                continue;
            }
            if (state.spec().compacted() && !"compact".equals(state.configs().get(TopicConfig.CLEANUP_POLICY_CONFIG))) {
                throw new IllegalStateException(state.spec().name() + " exists with cleanup.policy="
                        + state.configs().get(TopicConfig.CLEANUP_POLICY_CONFIG) + " but must be compacted (its entries would"
                        + " be deleted with age): fix it with kafka-configs.sh --alter --add-config cleanup.policy=compact, or"
                        + " delete it and run newsflow topics create");
            }
            if (!state.matches()) {
                log.warn("topic {} differs from what newsflow topics create makes: {} (see newsflow topics describe)",
                        state.spec().name(), String.join("; ", state.mismatches()));
            }
        }
        return created;
    }

    /** {@link #ensureTopics(Admin, TopicSettings, Duration)} with the default settings. */
    public static Set<String> ensureTopics(Admin admin, Duration timeout) throws InterruptedException, TimeoutException {
        return ensureTopics(admin, TopicSettings.defaults(), timeout);
    }

    public static Set<String> ensureTopics(Admin admin) throws InterruptedException, TimeoutException {
        return ensureTopics(admin, TOPIC_TIMEOUT);
    }

    /** {@code ./newsflow process} without the launcher: same options as {@link ProcessCommand}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new ProcessCommand()).execute(args));
    }

    private void onStateChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        observer.onStateChange(newState, oldState);
        switch (newState) {
            case RUNNING:
                running.complete(null);
                break;
            case ERROR:
                running.completeExceptionally(new IllegalStateException("Kafka Streams went to ERROR (see the log above)"));
                terminated.countDown();
                break;
            case PENDING_SHUTDOWN:
                running.completeExceptionally(new IllegalStateException("Kafka Streams is shutting down"));
                break;
            case NOT_RUNNING:
                running.completeExceptionally(new IllegalStateException("Kafka Streams stopped"));
                terminated.countDown();
                break;
            default:
                break;
        }
    }

    /** The admin client gets the connection and security settings, plus any {@code admin.}-prefixed ones. */
    static Map<String, Object> adminConfig(Properties config) {
        Map<String, Object> admin = ClientConfigs.admin(config);
        admin.remove(AdminClientConfig.CLIENT_ID_CONFIG);
        return admin;
    }

    /** The configuration with the processor's defaults, so the registry client finds its URL as Streams does. */
    private static Properties withDefaults(Properties config) {
        Properties copy = copy(config);
        ProcessorConfig.applyDefaults(copy);
        return copy;
    }

    private static Properties copy(Properties source) {
        Properties copy = new Properties();
        for (String key : source.stringPropertyNames()) {
            copy.setProperty(key, source.getProperty(key));
        }
        return copy;
    }
}
