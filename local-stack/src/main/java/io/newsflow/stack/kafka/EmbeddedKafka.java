package io.newsflow.stack.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker + controller) running inside this
 * JVM, for the demo, development and end-to-end tests.
 *
 * <p>Why not Testcontainers: the demo and the tests must run on a machine with no Docker, and the
 * broker jars on Maven Central are the real thing — same protocol, same transaction coordinator, so
 * Kafka Streams with {@code exactly_once_v2} behaves as in production. We drive
 * {@link KafkaRaftServer} ourselves (rather than a test kit) so the client port is ours to choose:
 * 9092 for {@code newsflow stack}, a free port for tests.
 *
 * <p>What it does: formats the data directory with the KRaft storage {@link Formatter} (only when it
 * holds no {@code meta.properties} yet, so a given directory keeps its data across runs), starts the
 * server with single-node settings (every internal topic at replication factor 1, one partition, no
 * initial rebalance delay) and waits until the broker answers an Admin request.
 *
 * <p>Listeners are bound to {@code localhost} only: this is a development broker without security.
 * Broker logging is turned down to WARN by {@link QuietLogging} unless the user configured it.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String HOST = "localhost";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final boolean deleteDataDirOnClose;
    private final int port;
    private final String bootstrapServers;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, Path dataDir, boolean deleteDataDirOnClose, int port) {
        this.server = server;
        this.dataDir = dataDir;
        this.deleteDataDirOnClose = deleteDataDirOnClose;
        this.port = port;
        this.bootstrapServers = HOST + ":" + port;
    }

    /**
     * Starts a broker and returns once it serves requests.
     *
     * @param dataDir where the logs live; {@code null} for a temporary directory that is deleted on
     *                {@link #close()}. A given directory is kept, and reused on the next start.
     * @param port    the client (PLAINTEXT) port; {@code 0} picks a free one
     */
    public static EmbeddedKafka start(Path dataDir, int port) {
        return start(dataDir, port, Map.of());
    }

    /**
     * As {@link #start(Path, int)}, with extra broker properties that override the single-node
     * defaults (e.g. {@code auto.create.topics.enable=false}).
     */
    public static EmbeddedKafka start(Path dataDir, int port, Map<String, String> overrides) {
        Objects.requireNonNull(overrides, "overrides");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        // both ports are held open together while chosen, so they can never be the same one (a restart
        // on a fixed client port used to be handed that port again for the controller); a taken fixed
        // port fails here with a clear message before the broker logs a bind error
        int[] ports = reservePorts(port);
        QuietLogging.apply();
        boolean temporary = dataDir == null;
        Path dir;
        try {
            dir = temporary ? Files.createTempDirectory("newsflow-kafka-") : Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka data directory " + dataDir, e);
        }
        KafkaRaftServer server = null;
        try {
            int clientPort = ports[0];
            int controllerPort = ports[1];
            Path logDir = dir.resolve("kraft-combined-logs");
            KafkaConfig config = new KafkaConfig(brokerProperties(logDir, clientPort, controllerPort, overrides), false);
            formatIfNeeded(logDir);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            EmbeddedKafka kafka = new EmbeddedKafka(server, dir, temporary, clientPort);
            kafka.awaitReady();
            return kafka;
        } catch (RuntimeException | Error e) {
            if (server != null) {
                shutdown(server);
            }
            if (temporary) {
                deleteRecursively(dir);
            }
            throw e;
        }
    }

    /** {@code localhost:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The client port actually bound (useful when started with port 0). */
    public int port() {
        return port;
    }

    /** The directory holding the broker's logs. */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Creates the topics, skipping those that already exist (so it is safe on a persistent data
     * directory), and returns when the controller has created them.
     */
    public void createTopics(Collection<NewTopic> topics) {
        if (topics.isEmpty()) {
            return;
        }
        try (Admin admin = admin()) {
            var results = admin.createTopics(topics).values();
            for (var entry : results.entrySet()) {
                try {
                    entry.getValue().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating topics " + topics, e);
        }
    }

    /** Creates topics with one partition and replication factor 1, skipping existing ones. */
    public void createTopics(String... names) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(new NewTopic(name, 1, (short) 1));
        }
        createTopics(topics);
    }

    /** An Admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis()));
    }

    /** Stops the broker (controlled shutdown) and deletes the data directory if it was temporary. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        shutdown(server);
        if (deleteDataDirOnClose) {
            deleteRecursively(dataDir);
        }
    }

    static Map<String, String> brokerProperties(Path logDir, int clientPort, int controllerPort,
                                                Map<String, String> overrides) {
        Map<String, String> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        // static voter set: the controller endpoint is read from config on every start, so a
        // persistent data directory survives the controller port changing between runs
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("metadata.log.dir", logDir.toAbsolutePath().toString());

        // one node: every internal topic at RF 1 and ISR 1, or groups and transactions never work
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        p.put("min.insync.replicas", "1");
        p.put("default.replication.factor", "1");
        p.put("num.partitions", "1");
        // consumers and Streams should start at once, not after the 3 s "wait for more members"
        p.put("group.initial.rebalance.delay.ms", "0");
        // small footprint: the cleaner's default 128 MiB dedupe buffer is far more than a demo needs
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        p.put("log.cleaner.threads", "1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("auto.create.topics.enable", "true");
        p.putAll(overrides);
        return p;
    }

    private static void formatIfNeeded(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return; // already formatted: keep the data (and the cluster id) of earlier runs
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                    .addDirectory(logDir.toAbsolutePath().toString())
                    .setHasDynamicQuorum(false)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format KRaft storage in " + logDir, e);
        }
    }

    /**
     * Startup returns once the broker is unfenced; one Admin round trip proves the client listener
     * is reachable before anyone is told the address.
     */
    private void awaitReady() {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("broker at " + bootstrapServers + " did not become ready", e);
        }
    }

    private static void shutdown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    /**
     * Chooses the client port ({@code requested}, or a free one when 0) and a free controller port,
     * holding both sockets open at once so the two always differ. There is a short window between
     * closing them and the broker binding in which another process could take one; acceptable for
     * tests and the demo (the controller port must be known before the broker starts, because it is
     * part of the voter configuration).
     *
     * @return {client port, controller port}
     */
    static int[] reservePorts(int requested) {
        InetAddress host;
        try {
            host = InetAddress.getByName(HOST);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + HOST, e);
        }
        ServerSocket client;
        try {
            client = new ServerSocket();
            client.setReuseAddress(true);
            client.bind(new InetSocketAddress(host, requested));
        } catch (IOException e) {
            throw new IllegalStateException("Kafka port " + requested + " on " + HOST
                    + " is already in use (another broker running?); choose another port", e);
        }
        try (client; ServerSocket controller = new ServerSocket(0, 1, host)) {
            return new int[] {client.getLocalPort(), controller.getLocalPort()};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port for the Kafka controller", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort: a leftover temp file is not worth failing a shutdown for
                }
            });
        } catch (IOException ignored) {
            // best effort, as above
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers + ", " + dataDir + "]";
    }
}
