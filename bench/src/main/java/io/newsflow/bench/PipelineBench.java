package io.newsflow.bench;

import io.newsflow.avro.RawArticle;
import io.newsflow.processor.app.ProcessorApp;
import io.newsflow.processor.app.ProcessorConfig;
import io.newsflow.processor.enrich.ArticleEnricher;
import io.newsflow.producer.transport.ArticleProducers;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.serde.SerdeConfig;
import io.newsflow.stack.LocalStack;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * End-to-end bench of the pipeline on the embedded stack ({@link LocalStack}: KRaft broker and
 * schema registry in this JVM): articles/s and per-article latency of
 * <ol>
 *   <li><b>identity</b> — a Kafka Streams app that copies the raw record bytes from
 *       {@value #IDENTITY_IN} to {@value #IDENTITY_OUT}: the cost of Kafka itself (produce, poll,
 *       exactly-once transaction, read_committed fetch) with no work per record — the baseline;</li>
 *   <li><b>enrichment</b> — the real processor ({@link ProcessorApp} with
 *       {@link ArticleEnricher}) from {@code news.articles.raw} to {@code news.articles.enriched}
 *       (plus entities, casualties and DLQ).</li>
 * </ol>
 * Both get the same Streams configuration (the processor's defaults: exactly_once_v2,
 * commit.interval.ms=100, one stream thread), the same producer (the ingestion producer's
 * defaults: idempotent, acks=all, lz4, linger 10 ms) and the same real articles, each sent with a
 * distinct id and URL. Both apps run side by side for the whole bench; phases alternate.
 *
 * <p>Each topology gets a warm-up burst of {@code --warmup} articles (not measured; the JIT of
 * the broker, Streams and the enricher needs several seconds of load to settle), then per round:
 * <ul>
 *   <li><b>burst</b>: {@code --articles} sent as fast as the producer takes them. articles/s =
 *       articles / (last arrival − first send); latency here is mostly queueing behind the backlog.</li>
 *   <li><b>paced</b>: {@code --paced-articles} at {@code --rate} articles/s (below capacity), so
 *       the latency is that of one article through an unloaded pipeline.</li>
 * </ul>
 * Latency of an article = its arrival at a read_committed consumer of the output topic − the
 * moment just before {@code producer.send} (both {@code System.nanoTime()} in this JVM).
 *
 * <p>Bounded: at {@code --deadline} the bench reports what it has and exits non-zero; a watchdog
 * halts the JVM a minute later if closing hangs.
 */
@Command(name = "pipeline-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "End-to-end articles/s and latency: identity topology vs the enrichment processor, on the embedded stack.")
public final class PipelineBench implements Callable<Integer> {
    static final String IDENTITY_IN = "bench.identity.in";
    static final String IDENTITY_OUT = "bench.identity.out";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration HALT_GRACE = Duration.ofSeconds(60);

    @Option(names = "--articles", defaultValue = "2000", description = "articles per burst phase (default ${DEFAULT-VALUE})")
    int articles;

    @Option(names = "--paced-articles", defaultValue = "500", description = "articles per paced phase (default ${DEFAULT-VALUE})")
    int pacedArticles;

    @Option(names = "--rate", defaultValue = "50", description = "articles/s of the paced phase; 0 skips it (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--warmup", defaultValue = "10000", description = "unmeasured articles per topology before measuring (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--rounds", defaultValue = "1", description = "measured rounds, each: identity and enrichment burst, then paced (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--deadline", defaultValue = "PT10M", description = "stop and report after this long, ISO-8601 (default ${DEFAULT-VALUE})")
    Duration deadline;

    @Option(names = "--corpus", description = "directory of article files (default: ../shared/eval/dev/articles if present, else the bundled samples)")
    Path corpusDir;

    private final PrintStream out = System.out;
    private long deadlineNanos;
    private final Map<String, Sample> samples = new ConcurrentHashMap<>();
    private final AtomicInteger deadLetters = new AtomicInteger();

    public static void main(String[] args) {
        int code = new CommandLine(new PipelineBench()).execute(args);
        System.exit(code);
    }

    @Override
    public Integer call() throws Exception {
        if (articles <= 0 || pacedArticles < 0 || warmup < 0 || rounds <= 0 || rate < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "counts must be positive and --rate >= 0");
        }
        long started = System.nanoTime();
        deadlineNanos = started + deadline.toNanos();
        startWatchdog();

        Corpus corpus = corpusDir != null ? Corpus.fromDirectory(corpusDir) : Corpus.load();
        ArticleEnricher enricher = ArticleEnricher.loadDefault();
        out.printf(Locale.ROOT, "corpus: %d articles, %.0f words/article (mean), from %s%n",
                corpus.size(), corpus.meanWords(), corpus.origin());
        int outputs = 0;
        for (RawArticle article : corpus.articles()) {
            var enriched = enricher.enrich(article);
            outputs += 1 + enriched.getEntities().size() + enriched.getCasualties().size();
        }
        out.printf(Locale.ROOT, "fan-out: %.1f output records per article (1 enriched + entity mentions + casualty reports)%n",
                outputs / (double) corpus.size());
        out.printf(Locale.ROOT, "machine: %d cores (availableProcessors), max heap %d MiB, %s %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));

        Path stateDir = Files.createTempDirectory("newsflow-bench-streams");
        List<Result> results = new ArrayList<>();
        boolean complete = false;
        long t0 = System.nanoTime();
        try (LocalStack stack = LocalStack.start()) {
            out.printf(Locale.ROOT, "stack: broker %s, registry %s (started in %.1f s)%n",
                    stack.bootstrapServers(), stack.schemaRegistryUrl(), (System.nanoTime() - t0) / 1e9);
            createTopics(stack.bootstrapServers());

            Properties base = ProcessorConfig.load(null, Map.of(), Map.of(
                    StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                    SerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
                    StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()));
            Properties identityProps = withAppId(base, "newsflow-bench-identity");
            Properties enrichProps = withAppId(base, "newsflow-bench-enrichment");
            out.printf(Locale.ROOT, "streams: %s=%s, %s=%s, %s=%s (both topologies)%n",
                    StreamsConfig.PROCESSING_GUARANTEE_CONFIG, base.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG),
                    StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, base.getProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG),
                    StreamsConfig.NUM_STREAM_THREADS_CONFIG, base.getProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1"));

            Properties producerProps = new Properties();
            producerProps.setProperty("bootstrap.servers", stack.bootstrapServers());
            producerProps.setProperty(SerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
            producerProps.setProperty("client.id", "newsflow-bench-producer");

            try (Collector collector = new Collector(stack.bootstrapServers());
                 Producer<String, RawArticle> producer = ArticleProducers.create(producerProps);
                 KafkaStreamsHandle identity = KafkaStreamsHandle.start(identityTopology(), identityProps, remaining(START_TIMEOUT));
                 ProcessorApp processor = new ProcessorApp(enrichProps, enricher::enrich)) {
                processor.startAndAwaitRunning(remaining(START_TIMEOUT));
                collector.start();

                Target identityTarget = new Target("identity", IDENTITY_IN);
                Target enrichTarget = new Target("enrichment", Topics.RAW);
                Bench bench = new Bench(producer, corpus.articles());
                if (warmup > 0) {
                    out.printf(Locale.ROOT, "warm-up: %d articles through each topology (not measured)%n", warmup);
                    bench.run(identityTarget, "warmup", warmup, 0);
                    bench.run(enrichTarget, "warmup", warmup, 0);
                }
                for (int round = 1; round <= rounds; round++) {
                    String tag = rounds == 1 ? "" : "#" + round;
                    results.add(bench.run(identityTarget, "burst" + tag, articles, 0));
                    results.add(bench.run(enrichTarget, "burst" + tag, articles, 0));
                    if (rate > 0 && pacedArticles > 0) {
                        results.add(bench.run(identityTarget, "paced" + tag, pacedArticles, rate));
                        results.add(bench.run(enrichTarget, "paced" + tag, pacedArticles, rate));
                    }
                }
                complete = results.stream().allMatch(Result::complete);
                if (identity.failed() || processor.failed()) {
                    out.println("a Streams client went to ERROR during the bench (see the log)");
                    complete = false;
                }
            } catch (DeadlineException e) {
                out.println("deadline of " + deadline + " reached: " + e.getMessage());
                if (e.partial != null) {
                    results.add(e.partial);
                }
            }
        } finally {
            printTable(results);
            deleteQuietly(stateDir);
        }
        if (deadLetters.get() > 0) {
            out.printf("%d articles went to %s instead of being enriched%n", deadLetters.get(), Topics.DLQ);
            complete = false;
        }
        out.printf(Locale.ROOT, "total %.1f s%n", (System.nanoTime() - started) / 1e9);
        return complete ? 0 : 1;
    }

    /** raw bytes in, the same bytes out: no deserialization, no work. */
    static Topology identityTopology() {
        return new Topology()
                .addSource("identity-source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), IDENTITY_IN)
                .addSink("identity-sink", IDENTITY_OUT, new ByteArraySerializer(), new ByteArraySerializer(), "identity-source");
    }

    private static Properties withAppId(Properties base, String appId) {
        Properties props = new Properties();
        props.putAll(base);
        props.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        return props;
    }

    /** The identity topics, like the pipeline's: broker defaults (one partition on the embedded broker). */
    private void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(
                    new NewTopic(IDENTITY_IN, Optional.empty(), Optional.empty()),
                    new NewTopic(IDENTITY_OUT, Optional.empty(), Optional.empty())))
                    .all().get(remaining(Duration.ofSeconds(30)).toMillis(), TimeUnit.MILLISECONDS);
            ProcessorApp.ensureTopics(admin, remaining(Duration.ofSeconds(30)));
        }
    }

    private Duration remaining(Duration cap) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new DeadlineException("before start-up finished", null);
        }
        return Duration.ofNanos(Math.min(left, cap.toNanos()));
    }

    private void startWatchdog() {
        Thread watchdog = new Thread(() -> {
            long haltAt = deadlineNanos + HALT_GRACE.toNanos();
            while (System.nanoTime() < haltAt) {
                LockSupport.parkNanos(Math.max(1, Math.min(haltAt - System.nanoTime(), TimeUnit.SECONDS.toNanos(1))));
            }
            System.err.println("pipeline-bench: still running " + HALT_GRACE + " after the deadline; halting");
            Runtime.getRuntime().halt(2);
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    // ---------------------------------------------------------------- phases

    private final class Bench {
        private final Producer<String, RawArticle> producer;
        private final List<RawArticle> corpus;
        private int serial;

        Bench(Producer<String, RawArticle> producer, List<RawArticle> corpus) {
            this.producer = producer;
            this.corpus = corpus;
        }

        /** Sends {@code n} articles to the target's input ({@code rate} 0 = as fast as possible) and waits for all of them. */
        Result run(Target target, String phase, int n, double rate) {
            String prefix = "bench-" + target.name + "-" + phase.replace('#', 'r') + "-" + (serial++) + "-";
            long now = System.currentTimeMillis();
            List<RawArticle> batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                RawArticle base = corpus.get(i % corpus.size());
                String id = prefix + i;
                String url = (base.getUrl() != null ? base.getUrl() : "https://bench.newsflow.invalid/article")
                        + (base.getUrl() != null && base.getUrl().contains("?") ? "&" : "?") + "bench=" + id;
                batch.add(RawArticle.newBuilder(base).setId(id).setUrl(url).setIngestedAt(java.time.Instant.ofEpochMilli(now)).build());
            }
            CountDownLatch done = new CountDownLatch(n);
            Sample[] phaseSamples = new Sample[n];
            for (int i = 0; i < n; i++) {
                phaseSamples[i] = new Sample(done);
                samples.put(batch.get(i).getId(), phaseSamples[i]);
            }
            AtomicReference<Exception> sendError = new AtomicReference<>();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                if (rate > 0) {
                    long due = start + (long) (i * 1e9 / rate);
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                checkDeadline(target, phase, phaseSamples, start, rate);
                RawArticle article = batch.get(i);
                Sample sample = phaseSamples[i];
                sample.sentNanos = System.nanoTime();
                producer.send(new ProducerRecord<>(target.topic, null, System.currentTimeMillis(), article.getId(), article),
                        (metadata, error) -> {
                            if (error != null) {
                                sendError.compareAndSet(null, error);
                                sample.fail(done);
                            }
                        });
            }
            producer.flush();
            long sentAll = System.nanoTime();
            try {
                while (!done.await(200, TimeUnit.MILLISECONDS)) {
                    checkDeadline(target, phase, phaseSamples, start, rate);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeadlineException("interrupted", summarize(target, phase, phaseSamples, start, rate, sentAll));
            }
            for (RawArticle article : batch) {
                samples.remove(article.getId());
            }
            if (sendError.get() != null) {
                out.println("send failed: " + sendError.get());
            }
            Result result = summarize(target, phase, phaseSamples, start, rate, sentAll);
            if (!phase.startsWith("warmup")) {
                out.printf(Locale.ROOT, "  %-10s %-9s %5d articles  %8.1f articles/s  p50 %7.1f ms  p99 %7.1f ms%n",
                        target.name, phase, n, result.articlesPerSecond(), result.latency.percentileMillis(50),
                        result.latency.percentileMillis(99));
            }
            return result;
        }

        private void checkDeadline(Target target, String phase, Sample[] phaseSamples, long start, double rate) {
            if (System.nanoTime() > deadlineNanos) {
                throw new DeadlineException("during " + target.name + " " + phase,
                        summarize(target, phase, phaseSamples, start, rate, System.nanoTime()));
            }
        }
    }

    private static Result summarize(Target target, String phase, Sample[] phaseSamples, long start, double rate, long sentAll) {
        List<Long> latencies = new ArrayList<>();
        long firstSent = Long.MAX_VALUE;
        long lastArrived = Long.MIN_VALUE;
        int failed = 0;
        for (Sample s : phaseSamples) {
            if (s.sentNanos != 0) {
                firstSent = Math.min(firstSent, s.sentNanos);
            }
            if (s.failed) {
                failed++;
            } else if (s.arrivedNanos != 0 && s.sentNanos != 0) {
                latencies.add(s.arrivedNanos - s.sentNanos);
                lastArrived = Math.max(lastArrived, s.arrivedNanos);
            }
        }
        long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
        double seconds = latencies.isEmpty() ? Double.NaN : (lastArrived - firstSent) / 1e9;
        double sendSeconds = (sentAll - start) / 1e9;
        return new Result(target.name, phase, phaseSamples.length, nanos.length, failed, seconds, sendSeconds, rate,
                new LatencyStats(nanos));
    }

    private void printTable(List<Result> results) {
        if (results.isEmpty()) {
            return;
        }
        out.println();
        out.println("| topology | phase | articles | arrived | send rate/s | seconds | articles/s | p50 ms | p95 ms | p99 ms | max ms |");
        out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        results.stream().sorted(Comparator.comparing((Result r) -> r.phase).thenComparing(r -> r.topology.equals("identity") ? 0 : 1))
                .forEach(r -> out.printf(Locale.ROOT, "| %s | %s | %d | %d | %.0f | %.2f | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                        r.topology, r.rate > 0 ? r.phase + " @" + fmt(r.rate) + "/s" : r.phase, r.sent, r.arrived,
                        r.sent / r.sendSeconds, r.seconds, r.articlesPerSecond(),
                        r.latency.percentileMillis(50), r.latency.percentileMillis(95), r.latency.percentileMillis(99),
                        r.latency.maxMillis()));
        out.println();
        out.println("articles/s = articles / (last arrival - first send); latency = arrival at a read_committed consumer - producer.send().");
    }

    private static String fmt(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // best effort: it is a temp directory
        }
    }

    // ---------------------------------------------------------------- plumbing

    private record Target(String name, String topic) {
    }

    static final class Result {
        final String topology;
        final String phase;
        final int sent;
        final int arrived;
        final int failed;
        final double seconds;
        final double sendSeconds;
        final double rate;
        final LatencyStats latency;

        Result(String topology, String phase, int sent, int arrived, int failed, double seconds, double sendSeconds,
               double rate, LatencyStats latency) {
            this.topology = topology;
            this.phase = phase;
            this.sent = sent;
            this.arrived = arrived;
            this.failed = failed;
            this.seconds = seconds;
            this.sendSeconds = sendSeconds;
            this.rate = rate;
            this.latency = latency;
        }

        double articlesPerSecond() {
            return arrived / seconds;
        }

        boolean complete() {
            return arrived == sent && failed == 0;
        }
    }

    /** One article in flight. */
    private static final class Sample {
        private final CountDownLatch done;
        volatile long sentNanos;
        volatile long arrivedNanos;
        volatile boolean failed;
        private boolean counted;

        Sample(CountDownLatch done) {
            this.done = done;
        }

        synchronized void arrived(long nanos) {
            if (!counted) {
                counted = true;
                arrivedNanos = nanos;
                done.countDown();
            }
        }

        synchronized void fail(CountDownLatch latch) {
            if (!counted) {
                counted = true;
                failed = true;
                latch.countDown();
            }
        }
    }

    private static final class DeadlineException extends RuntimeException {
        final Result partial;

        DeadlineException(String message, Result partial) {
            super(message);
            this.partial = partial;
        }
    }

    /** A read_committed consumer of both outputs and the DLQ that stamps each article's arrival. */
    private final class Collector implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final Thread thread;
        private volatile boolean running = true;

        Collector(String bootstrap) {
            Map<String, Object> config = new HashMap<>();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-bench-collector");
            consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            thread = new Thread(this::loop, "bench-collector");
            thread.setDaemon(true);
        }

        void start() {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(IDENTITY_OUT, Topics.ENRICHED, Topics.DLQ)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            thread.start();
        }

        private void loop() {
            try {
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        if (record.key() == null) {
                            continue;
                        }
                        String key = new String(record.key(), StandardCharsets.UTF_8);
                        Sample sample = samples.get(key);
                        if (Topics.DLQ.equals(record.topic())) {
                            deadLetters.incrementAndGet();
                            if (sample != null) {
                                sample.fail(sample.done);
                            }
                        } else if (sample != null) {
                            sample.arrived(now);
                        }
                    }
                }
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                System.err.println("collector failed: " + e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            consumer.wakeup();
            thread.join(10_000);
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** A plain KafkaStreams client with readiness and a bounded close, for the identity topology. */
    private static final class KafkaStreamsHandle implements AutoCloseable {
        private final KafkaStreams streams;

        private KafkaStreamsHandle(KafkaStreams streams) {
            this.streams = streams;
        }

        static KafkaStreamsHandle start(Topology topology, Properties props, Duration timeout) throws Exception {
            KafkaStreams streams = new KafkaStreams(topology, props);
            CompletableFuture<Void> running = new CompletableFuture<>();
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING) {
                    running.complete(null);
                } else if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                    running.completeExceptionally(new IllegalStateException("identity app went to " + now));
                }
            });
            streams.setUncaughtExceptionHandler(e -> {
                System.err.println("identity app: " + e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            streams.start();
            try {
                running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                streams.close(Duration.ofSeconds(10));
                throw e;
            }
            return new KafkaStreamsHandle(streams);
        }

        boolean failed() {
            return streams.state() == KafkaStreams.State.ERROR;
        }

        @Override
        public void close() {
            streams.close(Duration.ofSeconds(30));
        }
    }
}
