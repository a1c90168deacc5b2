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
 * A real Apache Kafka cluster (KRaft) running inside this JVM — one node by default, or several
 * ({@code newsflow stack --brokers 3}) — for the demo, development and end-to-end tests. Every
 * node is a combined broker and controller; with three, the controller quorum and every
 * partition survive one node stopped.
 *
 * <p>Why not Testcontainers: the demo and the tests must run on a machine with no Docker, and the
 * broker jars on Maven Central are the real thing — same protocol, same transaction coordinator, so
 * Kafka Streams with {@code exactly_once_v2} behaves as in production. We drive
 * {@link KafkaRaftServer} ourselves (rather than a test kit) so the ports are ours to choose:
 * 9092 for {@code newsflow stack}, free ports for tests, and the controller ports fixed on request.
 *
 * <p>What it does: formats each node's data directory with the KRaft storage {@link Formatter}
 * (only when it holds no {@code meta.properties} yet, so a given directory keeps its data across
 * runs), starts the nodes together with settings for the cluster's size (internal topics at
 * replication factor min(3, nodes) and min ISR min(2, RF), no initial rebalance delay) and waits
 * until every broker answers. {@link #stopBroker}/{@link #startBroker} stop and restart one node
 * (controlled shutdown, same ports and data), for failover tests.
 *
 * <p>Listeners are bound to {@code localhost} only: this is a development cluster without security.
 * Broker logging is turned down to WARN by {@link QuietLogging} unless the user configured it.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final String HOST = "localhost";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final List<Node> nodes;
    private final Path dataDir;
    private final boolean deleteDataDirOnClose;
    private final String bootstrapServers;
    private boolean closed;

    /** One broker+controller: its id, ports, configuration and (while running) server. */
    private static final class Node {
        final int id;
        final int clientPort;
        final int controllerPort;
        final Map<String, String> properties;
        KafkaRaftServer server;

        Node(int id, int clientPort, int controllerPort, Map<String, String> properties) {
            this.id = id;
            this.clientPort = clientPort;
            this.controllerPort = controllerPort;
            this.properties = properties;
        }
    }

    private EmbeddedKafka(List<Node> nodes, Path dataDir, boolean deleteDataDirOnClose) {
        this.nodes = nodes;
        this.dataDir = dataDir;
        this.deleteDataDirOnClose = deleteDataDirOnClose;
        StringBuilder servers = new StringBuilder();
        for (Node node : nodes) {
            servers.append(servers.length() == 0 ? "" : ",").append(HOST).append(':').append(node.clientPort);
        }
        this.bootstrapServers = servers.toString();
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
        return start(dataDir, 1, port, 0, overrides);
    }

    /**
     * Starts a cluster of {@code brokers} nodes and returns once every one serves requests.
     *
     * @param dataDir        as in {@link #start(Path, int)}; with several nodes each has a folder {@code node-<id>} in it
     * @param brokers        1 or more
     * @param port           the first node's client port, the next ones following it ({@code 0}: free ports)
     * @param controllerPort the first node's controller port, likewise ({@code 0}: free ports)
     * @param overrides      broker properties over the defaults, for every node
     * @throws IllegalStateException when a fixed port is taken (naming it) or the cluster does not start
     */
    public static EmbeddedKafka start(Path dataDir, int brokers, int port, int controllerPort, Map<String, String> overrides) {
        Objects.requireNonNull(overrides, "overrides");
        if (brokers < 1) {
            throw new IllegalArgumentException("brokers must be at least 1, not " + brokers);
        }
        checkPort(port, brokers);
        checkPort(controllerPort, brokers);
        // every port is held open while all are chosen, so none can be handed out twice (a restart on a
        // fixed client port used to get that port again for its controller); a taken fixed port fails here
        // with a clear message before a broker logs a bind error
        int[][] ports = reservePorts(brokers, port, controllerPort);
        QuietLogging.apply();
        boolean temporary = dataDir == null;
        Path dir;
        try {
            dir = temporary ? Files.createTempDirectory("newsflow-kafka-") : Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka data directory " + dataDir, e);
        }
        StringBuilder voters = new StringBuilder();
        for (int i = 0; i < brokers; i++) {
            voters.append(i == 0 ? "" : ",").append(i + 1).append('@').append(HOST).append(':').append(ports[1][i]);
        }
        List<Node> nodes = new ArrayList<>();
        String clusterId = clusterId(dir, brokers);
        for (int i = 0; i < brokers; i++) {
            Path logDir = brokers == 1 ? dir.resolve("kraft-combined-logs") : dir.resolve("node-" + (i + 1)).resolve("kraft-combined-logs");
            Map<String, String> props = brokerProperties(logDir, i + 1, brokers, ports[0][i], ports[1][i], voters.toString(),
                    overrides);
            formatIfNeeded(logDir, i + 1, clusterId);
            nodes.add(new Node(i + 1, ports[0][i], ports[1][i], props));
        }
        EmbeddedKafka kafka = new EmbeddedKafka(List.copyOf(nodes), dir, temporary);
        try {
            kafka.startAll(nodes);
            kafka.awaitReady(brokers);
            return kafka;
        } catch (RuntimeException | Error e) {
            kafka.close();
            throw e;
        }
    }

    private static void checkPort(int port, int count) {
        if (port < 0 || port + count - 1 > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** {@code localhost:<port>[,localhost:<port>...]}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The first node's client port actually bound (useful when started with port 0). */
    public int port() {
        return nodes.get(0).clientPort;
    }

    /** The number of nodes. */
    public int brokers() {
        return nodes.size();
    }

    /** The client port of each node, by node id 1..n. */
    public List<Integer> ports() {
        return nodes.stream().map(n -> n.clientPort).toList();
    }

    /** The controller port of each node, by node id 1..n. */
    public List<Integer> controllerPorts() {
        return nodes.stream().map(n -> n.controllerPort).toList();
    }

    /**
     * Stops node {@code id} (1..n) with a controlled shutdown, keeping its data and ports for
     * {@link #startBroker}. With three nodes the cluster goes on: leaders move, the quorum holds.
     */
    public synchronized void stopBroker(int id) {
        Node node = node(id);
        if (node.server == null) {
            throw new IllegalStateException("broker " + id + " is not running");
        }
        shutdown(node.server);
        node.server = null;
    }

    /** Starts node {@code id} again, on its ports and data; returns once the cluster sees it. */
    public synchronized void startBroker(int id) {
        Node node = node(id);
        if (node.server != null) {
            throw new IllegalStateException("broker " + id + " is running");
        }
        startAll(List.of(node));
        awaitReady(nodes.size());
    }

    private Node node(int id) {
        if (id < 1 || id > nodes.size()) {
            throw new IllegalArgumentException("no broker " + id + "; brokers are 1.." + nodes.size());
        }
        return nodes.get(id - 1);
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

    /** Creates topics with one partition and replication factor min(3, nodes), skipping existing ones. */
    public void createTopics(String... names) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(new NewTopic(name, 1, (short) Math.min(3, nodes.size())));
        }
        createTopics(topics);
    }

    /** An Admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis()));
    }

    /**
     * Stops the nodes and deletes the data directory if it was temporary. The nodes stop together:
     * a broker's controlled shutdown needs a controller quorum, so stopping them one after the
     * other leaves the last broker waiting minutes for a quorum that is already gone.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Thread> stopping = new ArrayList<>();
        for (Node node : nodes) {
            KafkaRaftServer server = node.server;
            node.server = null;
            if (server != null) {
                Thread thread = new Thread(() -> shutdown(server), "embedded-kafka-stop-" + node.id);
                thread.start();
                stopping.add(thread);
            }
        }
        for (Thread thread : stopping) {
            try {
                thread.join(READY_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (deleteDataDirOnClose) {
            deleteRecursively(dataDir);
        }
    }

    /** Starts the nodes at once, each on its own thread: a node's start waits for a controller quorum. */
    private void startAll(List<Node> toStart) {
        List<Thread> threads = new ArrayList<>();
        Map<Integer, Throwable> failures = new java.util.concurrent.ConcurrentHashMap<>();
        for (Node node : toStart) {
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(node.properties, false), Time.SYSTEM);
            node.server = server;
            Thread thread = new Thread(() -> {
                try {
                    server.startup();
                } catch (Throwable t) {
                    failures.put(node.id, t);
                }
            }, "embedded-kafka-start-" + node.id);
            thread.start();
            threads.add(thread);
        }
        try {
            for (Thread thread : threads) {
                thread.join(READY_TIMEOUT.toMillis());
                if (thread.isAlive()) {
                    throw new IllegalStateException("a Kafka node did not start within " + READY_TIMEOUT);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Kafka", e);
        }
        if (!failures.isEmpty()) {
            Map.Entry<Integer, Throwable> first = failures.entrySet().iterator().next();
            throw new IllegalStateException("Kafka node " + first.getKey() + " did not start: " + first.getValue(), first.getValue());
        }
    }

    static Map<String, String> brokerProperties(Path logDir, int clientPort, int controllerPort,
                                                Map<String, String> overrides) {
        return brokerProperties(logDir, 1, 1, clientPort, controllerPort, "1@" + HOST + ":" + controllerPort, overrides);
    }

    static Map<String, String> brokerProperties(Path logDir, int nodeId, int brokers, int clientPort, int controllerPort,
                                                String voters, Map<String, String> overrides) {
        Map<String, String> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId));
        // static voter set: the controller endpoints are read from config on every start, so a
        // persistent data directory survives the controller ports changing between runs
        p.put("controller.quorum.voters", voters);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("metadata.log.dir", logDir.toAbsolutePath().toString());

        // internal topics replicated as far as the cluster allows: groups and transactions work on one
        // node, and on three survive one node down (min ISR 2 of 3)
        String rf = Integer.toString(Math.min(3, brokers));
        String isr = Integer.toString(Math.min(2, Math.min(3, brokers)));
        p.put("offsets.topic.replication.factor", rf);
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", rf);
        p.put("transaction.state.log.min.isr", isr);
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", rf);
        p.put("share.coordinator.state.topic.min.isr", isr);
        p.put("share.coordinator.state.topic.num.partitions", "1");
        p.put("min.insync.replicas", "1");
        p.put("default.replication.factor", rf);
        p.put("num.partitions", "1");
        // consumers and Streams should start at once, not after the 3 s "wait for more members"
        p.put("group.initial.rebalance.delay.ms", "0");
        // small footprint: the cleaner's default 128 MiB dedupe buffer is far more than a demo needs
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        p.put("log.cleaner.threads", "1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", brokers == 1 ? "4" : "2");
        p.put("num.replica.fetchers", "1");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("auto.create.topics.enable", "true");
        p.putAll(overrides);
        return p;
    }

    /** The cluster id of a data directory: the one its first node was formatted with, or a new one. */
    private static String clusterId(Path dir, int brokers) {
        Path first = brokers == 1 ? dir.resolve("kraft-combined-logs") : dir.resolve("node-1").resolve("kraft-combined-logs");
        Path meta = first.resolve("meta.properties");
        if (Files.exists(meta)) {
            java.util.Properties props = new java.util.Properties();
            try (var in = Files.newInputStream(meta)) {
                props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + meta, e);
            }
            String id = props.getProperty("cluster.id");
            if (id != null) {
                return id;
            }
        }
        return Uuid.randomUuid().toString();
    }

    private static void formatIfNeeded(Path logDir, int nodeId, String clusterId) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return; // already formatted: keep the data (and the cluster id) of earlier runs
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
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
     * Startup returns once a broker is unfenced; Admin round trips prove the client listeners are
     * reachable and every broker registered before anyone is told the address.
     */
    private void awaitReady(int brokers) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                int seen = admin.describeCluster().nodes().get(left, TimeUnit.MILLISECONDS).size();
                if (seen >= brokers) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException(seen + " of " + brokers + " brokers registered");
                }
                TimeUnit.MILLISECONDS.sleep(100); // polling the cluster's state with a deadline
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the brokers", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not become ready: " + e.getMessage(), e);
        }
    }

    private static void shutdown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    /**
     * Chooses the client port ({@code requested}, or a free one when 0) and a free controller port,
     * holding both sockets open at once so the two always differ.
     *
     * @return {client port, controller port}
     */
    static int[] reservePorts(int requested) {
        int[][] ports = reservePorts(1, requested, 0);
        return new int[] {ports[0][0], ports[1][0]};
    }

    /**
     * Chooses {@code count} client ports and {@code count} controller ports: consecutive from
     * {@code clientBase}/{@code controllerBase} when given, free ones when 0 — holding every socket
     * open until all are chosen, so no port is handed out twice. There is a short window between
     * closing them and the brokers binding in which another process could take one; acceptable for
     * tests and the demo (the controller ports must be known before the brokers start, because they
     * are the voter configuration).
     *
     * @return {client ports, controller ports}
     */
    static int[][] reservePorts(int count, int clientBase, int controllerBase) {
        InetAddress host;
        try {
            host = InetAddress.getByName(HOST);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + HOST, e);
        }
        List<ServerSocket> held = new ArrayList<>();
        int[][] ports = new int[2][count];
        try {
            // fixed ports first, so a free port chosen for the other kind can never be one of them
            int[] order = clientBase == 0 && controllerBase != 0 ? new int[] {1, 0} : new int[] {0, 1};
            for (int kind : order) {
                int base = kind == 0 ? clientBase : controllerBase;
                String what = kind == 0 ? "Kafka port " : "Kafka controller port ";
                for (int i = 0; i < count; i++) {
                    int wanted = base == 0 ? 0 : base + i;
                    ServerSocket socket = new ServerSocket();
                    held.add(socket);
                    socket.setReuseAddress(true);
                    try {
                        socket.bind(new InetSocketAddress(host, wanted));
                    } catch (IOException e) {
                        throw new IllegalStateException(what + wanted + " on " + HOST
                                + " is already in use (another broker running?); choose another port", e);
                    }
                    ports[kind][i] = socket.getLocalPort();
                }
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find free ports for Kafka", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // a socket we only held to reserve its port
                }
            }
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
        return "EmbeddedKafka[" + bootstrapServers + ", " + nodes.size() + " node(s), " + dataDir + "]";
    }
}
