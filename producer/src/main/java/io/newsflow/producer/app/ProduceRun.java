package io.newsflow.producer.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.avro.RawArticle;
import io.newsflow.observability.health.CheckResult;
import io.newsflow.observability.health.Health;
import io.newsflow.producer.source.ArticleParseException;
import io.newsflow.producer.source.ArticleSink;
import io.newsflow.producer.source.ArticleSource;
import io.newsflow.producer.state.SentArticles;
import io.newsflow.producer.transport.ArticlePublisher;
import io.newsflow.producer.transport.PublishFailure;
import io.newsflow.producer.transport.PublishListener;
import io.newsflow.schemas.serde.RecordSizes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * One produce run: reads the sources, skips articles already sent (per the {@link SentArticles}
 * state) or seen twice, publishes the rest, prints one line per article and the summary, and
 * shuts down cleanly: {@link #stop()} (what SIGTERM and Ctrl-C call in {@code produce}) ends
 * the run like the end of the input; when the JVM exits some other way, a shutdown hook stops
 * reading, flushes the producer (so every acknowledged id reaches the state file) and waits for
 * the summary.
 *
 * <p>Lines on {@code out}: {@code published <id> <title>}, {@code skipped <id> <title> (...)}
 * (unless quiet), then the summary. Lines on {@code err}: {@code error <source>[:<line>]: <reason>}
 * for each input that could not be read or article that could not be sent.
 */
final class ProduceRun {
    private final ArticlePublisher publisher;
    private final SentArticles state;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean quiet;
    private final ProgressBar progress;
    /** Ids published, in flight or skipped by this process; a failed send leaves it, so a later poll tries again. */
    private final Set<String> handled = ConcurrentHashMap.newKeySet();
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    /** Skipped because the state says they were sent to this cluster before. */
    private final AtomicLong alreadySent = new AtomicLong();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Counter publishedCount;
    private final Counter failedCount;
    private final Counter skippedCount;
    private final Counter unreadableCount;
    private volatile boolean firstPassDone;
    private volatile String lastPass = "";

    ProduceRun(Producer<String, RawArticle> producer, SentArticles state, PrintWriter out, PrintWriter err,
               boolean quiet, ProgressBar progress) {
        this(producer, state, out, err, quiet, progress, new SimpleMeterRegistry(), RecordSizes.MAX_ARTICLE_BYTES);
    }

    /**
     * @param meters where the run counts, as {@code newsflow_articles_published_total},
     *               {@code newsflow_articles_failed_total} (sends that failed, articles refused as too large
     *               included), {@code newsflow_articles_skipped_total} (sent before) and
     *               {@code newsflow_inputs_unreadable_total} (files, items or sources that could not be read)
     * @param maxArticleBytes articles larger than this, serialized, are refused (see {@link ArticlePublisher})
     */
    ProduceRun(Producer<String, RawArticle> producer, SentArticles state, PrintWriter out, PrintWriter err,
               boolean quiet, ProgressBar progress, MeterRegistry meters, long maxArticleBytes) {
        this.publishedCount = Counter.builder("newsflow.articles.published")
                .description("Articles the broker acknowledged on news.articles.raw").register(meters);
        this.failedCount = Counter.builder("newsflow.articles.failed")
                .description("Articles that could not be sent (refused as too large, or the send failed)").register(meters);
        this.skippedCount = Counter.builder("newsflow.articles.skipped")
                .description("Articles skipped as sent before (state file) or read twice").register(meters);
        this.unreadableCount = Counter.builder("newsflow.inputs.unreadable")
                .description("Files, feed items or sources that could not be read").register(meters);
        this.state = state;
        this.out = out;
        this.err = err;
        this.quiet = quiet;
        this.progress = progress;
        this.publisher = new ArticlePublisher(producer, io.newsflow.schemas.Topics.RAW, new PublishListener() {
            @Override
            public void onSent(RawArticle article, RecordMetadata metadata) {
                publishedCount.increment();
                state.record(article.getId());
                if (!quiet) {
                    print(out, "published " + article.getId() + " " + article.getTitle());
                }
            }

            @Override
            public void onFailed(RawArticle article, PublishFailure failure) {
                failedCount.increment();
                handled.remove(article.getId());
                print(err, "error " + failure);
            }
        }, maxArticleBytes);
    }

    /** Reads every source once, publishes, flushes and closes. */
    ProduceResult once(List<? extends ArticleSource> sources) {
        return run(sources, null);
    }

    /** Reads every source, then polls them every {@code interval} until Ctrl-C or a fatal producer error. */
    ProduceResult follow(List<? extends ArticleSource> sources, Duration interval) {
        return run(sources, interval);
    }

    /**
     * Liveness {@code producer}: down once the producer stopped on a fatal error (the run then ends and
     * the command exits 4). Readiness {@code sources}: the first pass over the sources is done.
     */
    Health health() {
        return new Health()
                .addLiveness("producer", () -> publisher.fatalError()
                        .map(reason -> CheckResult.down("stopped: " + reason))
                        .orElseGet(() -> CheckResult.up(publisher.isClosed() ? "closed" : "sending")))
                .addReadiness("sources", () -> firstPassDone
                        ? CheckResult.up("following; last pass " + lastPass + ": " + counts())
                        : CheckResult.down("reading the sources for the first time"));
    }

    /** Asks a running run to stop: reading stops, what was read is flushed, the summary printed. */
    void stop() {
        stop.countDown();
    }

    /**
     * What Ctrl-C does (the shutdown hook runs it): stops reading, flushes and closes the producer
     * (so every acknowledged id reaches the state file), flushes the state file, and waits up to
     * 15 s for the run to print its summary and return.
     */
    void shutdown() {
        stop.countDown();
        publisher.close(Duration.ofSeconds(10));
        state.flush();
        try {
            done.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ProduceResult run(List<? extends ArticleSource> sources, Duration interval) {
        Thread hook = new Thread(this::shutdown, "newsflow-produce-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        ProduceResult result;
        try {
            long found = pass(sources, false);
            markPass();
            if (found == 0 && interval == null) {
                print(err, "error: no articles found");
            }
            if (interval != null) {
                publisher.flush();
                state.flush();
                print(out, "following " + sources.size() + " source(s), polling every " + format(interval)
                        + " (Ctrl-C to stop); so far: " + counts());
                String before = counts();
                while (stop.getCount() > 0 && !publisher.isClosed() && publisher.fatalError().isEmpty()) {
                    if (stop.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                        break;
                    }
                    pass(sources, true);
                    markPass();
                    publisher.flush();
                    state.flush();
                    String now = counts();
                    if (!now.equals(before)) {
                        print(out, "poll " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + ": " + now);
                        before = now;
                    }
                }
            }
            publisher.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            publisher.close();
            progress.finish();
            try {
                state.close();
            } catch (RuntimeException e) {
                print(err, "error: " + e.getMessage());
            }
            result = new ProduceResult(publisher.sent(), skipped.get(), publisher.failed() + unreadable.get(),
                    publisher.fatalError().isPresent());
            if (result.aborted()) {
                print(err, "error: the producer stopped: " + publisher.fatalError().get());
            }
            print(out, result.toString());
            if (result.sent() == 0 && result.failed() == 0 && alreadySent.get() > 0 && alreadySent.get() == result.skipped()) {
                print(out, "nothing new: every article found (" + alreadySent.get() + ") was sent to Kafka cluster "
                        + state.clusterId() + " before, per " + state.file() + "; to send them again use --no-state"
                        + " or delete that file");
            }
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
        }
        return result;
    }

    /** One pass over the sources; returns the number of items they reported. */
    private long pass(List<? extends ArticleSource> sources, boolean poll) {
        long found = 0;
        Set<String> thisPass = new HashSet<>();
        for (ArticleSource source : sources) {
            CountingSink sink = new CountingSink(thisPass);
            try {
                if (poll) {
                    source.poll(sink);
                } else {
                    source.read(sink);
                }
            } catch (IOException | UncheckedIOException e) {
                // a source that cannot be read is reported; the other sources (and, following, later polls) go on
                unreadable.incrementAndGet();
                unreadableCount.increment();
                print(err, "error " + source.name() + ": cannot read: " + e.getMessage());
            } catch (Stopped e) {
                found += sink.count;
                break;
            }
            if (sink.count == 0 && !poll) {
                print(err, "warning " + source.name() + ": no articles found");
            }
            found += sink.count;
        }
        return found;
    }

    private void markPass() {
        lastPass = LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        firstPassDone = true;
    }

    private String counts() {
        return "sent " + publisher.sent() + ", skipped " + skipped.get() + ", failed " + (publisher.failed() + unreadable.get());
    }

    private void print(PrintWriter writer, String line) {
        progress.clear();
        synchronized (writer) {
            writer.println(line);
            writer.flush();
        }
    }

    private static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** Thrown out of a source's read loop once Ctrl-C closed the publisher. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private final class CountingSink implements ArticleSink {
        private final Set<String> thisPass;
        long count;

        CountingSink(Set<String> thisPass) {
            this.thisPass = thisPass;
        }

        @Override
        public void accept(RawArticle article) {
            count++;
            progress.step();
            if (publisher.isClosed() || stop.getCount() == 0) {
                throw new Stopped();
            }
            String id = article.getId();
            if (!thisPass.add(id)) {
                skip(article, "the same article was read earlier in this run");
                return;
            }
            if (handled.contains(id)) {
                return; // handled by an earlier poll of this process: nothing new
            }
            handled.add(id);
            if (state.contains(id)) {
                alreadySent.incrementAndGet();
                skip(article, state.file() == null ? "already sent"
                        : "already sent to cluster " + state.clusterId() + " (" + state.file() + ")");
                return;
            }
            publisher.publish(article);
        }

        private void skip(RawArticle article, String why) {
            skipped.incrementAndGet();
            skippedCount.increment();
            if (!quiet) {
                print(out, "skipped " + article.getId() + " " + article.getTitle() + ": " + why);
            }
        }

        @Override
        public void reject(ArticleParseException error) {
            count++;
            progress.step();
            unreadable.incrementAndGet();
            unreadableCount.increment();
            print(err, "error " + error.getMessage());
        }
    }
}
