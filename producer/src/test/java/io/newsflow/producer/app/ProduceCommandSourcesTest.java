package io.newsflow.producer.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.source.ArticleFileParser;
import io.newsflow.producer.source.FolderSource;
import io.newsflow.producer.state.SentArticles;
import io.newsflow.producer.transport.ArticlePublisher;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.serde.AvroSerializer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command over the new sources, the state file, exit codes and --follow, on a MockProducer. */
class ProduceCommandSourcesTest {
    @TempDir
    Path dir;

    MockProducer<String, RawArticle> producer = newProducer();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    String clusterId = "cluster-one";

    static MockProducer<String, RawArticle> newProducer() {
        return new MockProducer<>(true, null, new StringSerializer(), new AvroSerializer<>(new InMemorySchemaRegistryClient(), false));
    }

    int run(String stdin, String... args) {
        CommandLine cli = new CommandLine(new ProduceCommand(Map.of(ProduceCommand.ENV_STATE_DIR, dir.resolve("state").toString()),
                config -> producer, config -> clusterId, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    Path articles(int n) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("in"));
        for (int i = 1; i <= n; i++) {
            Files.writeString(folder.resolve(String.format("a%03d.md", i)),
                    "# Article " + i + "\n\nBody of article number " + i + ", which says something new.\n");
        }
        return folder;
    }

    @Test
    void shouldSkipArticlesSentInAnEarlierRunAndCountThemAsSkipped() throws Exception {
        Path folder = articles(3);
        Path state = dir.resolve("sent.ids");

        assertThat(run("", "--state", state.toString(), folder.toString())).isZero();
        assertThat(out.toString()).contains("sent 3, skipped 0 as duplicate, failed 0");

        producer = newProducer();
        out.getBuffer().setLength(0);
        Files.writeString(folder.resolve("a004.md"), "# Article 4\n\nA fourth article arrived later.\n");
        assertThat(run("", "--state", state.toString(), folder.toString())).isZero();

        assertThat(producer.history()).singleElement().satisfies(r -> assertThat(r.value().getTitle()).isEqualTo("Article 4"));
        assertThat(out.toString()).contains("skipped ", "already sent", "sent 1, skipped 3 as duplicate, failed 0");
    }

    @Test
    void shouldUseADefaultStateFileNamedAfterTheClusterId() throws Exception {
        Path folder = articles(1);
        run("", "--bootstrap-servers", "broker-1:9092", folder.toString());

        assertThat(dir.resolve("state/sent-cluster-one.ids")).exists();
        producer = newProducer();
        out.getBuffer().setLength(0);
        assertThat(run("", "--bootstrap-servers", "broker-1:9092", "--no-state", folder.toString())).isZero();
        assertThat(out.toString()).contains("sent 1, skipped 0");
    }

    @Test
    void shouldSayWhenARunSkippedEverythingAndHowToSendAgain() throws Exception {
        Path folder = articles(2);
        assertThat(run("", folder.toString())).isZero();
        producer = newProducer();
        out.getBuffer().setLength(0);

        assertThat(run("", folder.toString())).isZero();

        assertThat(producer.history()).isEmpty();
        assertThat(out.toString()).contains("sent 0, skipped 2 as duplicate, failed 0",
                "nothing new: every article found (2) was sent to Kafka cluster cluster-one before, per "
                        + dir.resolve("state/sent-cluster-one.ids"), "--no-state");
    }

    @Test
    void shouldSendEverythingToANewClusterAtTheSameAddress() throws Exception {
        Path folder = articles(2);
        assertThat(run("", "--bootstrap-servers", "localhost:25092", folder.toString())).isZero();
        producer = newProducer();
        out.getBuffer().setLength(0);

        // when the cluster at the same address is a new one (a fresh stack)
        clusterId = "cluster-two";
        assertThat(run("", "--bootstrap-servers", "localhost:25092", folder.toString())).isZero();

        assertThat(producer.history()).hasSize(2);
        assertThat(out.toString()).contains("sent 2, skipped 0").doesNotContain("nothing new");
    }

    @Test
    void shouldNoteAnOldStateFileNamedAfterTheBootstrapServersAndNotUseIt() throws Exception {
        Path folder = articles(1);
        Path old = Files.createDirectories(dir.resolve("state")).resolve("sent-localhost_9092.ids");
        Files.writeString(old, "# newsflow producer state\n" + "0".repeat(32) + "\n");

        assertThat(run("", "--bootstrap-servers", "localhost:9092", folder.toString())).isZero();

        assertThat(out.toString()).contains("sent 1");
        assertThat(err.toString()).contains("note: " + old + " is an older state file", "Delete the old file");
    }

    @Test
    void shouldStopWithFourWhenTheClusterIdCannotBeLearned() throws Exception {
        Path folder = articles(1);
        CommandLine cli = new CommandLine(new ProduceCommand(Map.of(ProduceCommand.ENV_STATE_DIR, dir.toString()),
                config -> producer, config -> {
                    throw new org.apache.kafka.common.KafkaException("no answer from localhost:1 within 30 s");
                }, new ByteArrayInputStream(new byte[0])));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute(folder.toString())).isEqualTo(ProduceResult.PRODUCER_STOPPED);
        assertThat(err.toString()).contains("cannot learn the Kafka cluster id", "no answer from localhost:1", "--no-state");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldSkipTheSameArticleReadTwiceInOneRun() throws Exception {
        Path folder = articles(1);
        Files.copy(folder.resolve("a001.md"), folder.resolve("copy.md"));

        assertThat(run("", "--no-state", folder.toString())).isZero();
        assertThat(producer.history()).hasSize(1);
        assertThat(out.toString()).contains("sent 1, skipped 1 as duplicate, failed 0");
    }

    @Test
    void shouldExitWithThreeWhenNothingIsFound() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThat(run("", empty.toString())).isEqualTo(ProduceResult.NOTHING_FOUND);
        assertThat(err.toString()).contains("warning " + empty + ": no articles found", "error: no articles found");
    }

    @Test
    void shouldExitWithFourWhenTheProducerStopsOnAFatalError() throws Exception {
        producer.sendException = new org.apache.kafka.common.errors.TimeoutException("Topic not present in metadata after 60000 ms");

        assertThat(run("", "--no-state", articles(2).toString())).isEqualTo(ProduceResult.PRODUCER_STOPPED);
        assertThat(err.toString()).contains("error: the producer stopped: TimeoutException");
    }

    @Test
    void shouldPublishJsonLinesFromStdinWithTheOutletAsFieldAndHeader() {
        String lines = "{\"title\": \"From a pipe\", \"outlet\": \"Pipe Post\", \"url\": \"https://pipe.example/1\","
                + " \"body\": \"An article that arrived on standard input.\"}\nnot json\n";

        int exit = run(lines, "--no-state", "-");

        assertThat(exit).isEqualTo(ProduceResult.SOME_FAILED);
        assertThat(err.toString()).contains("error stdin:2: malformed JSON");
        ProducerRecord<String, RawArticle> record = producer.history().get(0);
        assertThat(record.value().getTitle()).isEqualTo("From a pipe");
        assertThat(record.value().getOutlet()).isEqualTo("Pipe Post");
        assertThat(new String(record.headers().lastHeader(ArticlePublisher.OUTLET_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("Pipe Post");
    }

    @Test
    void shouldRejectBadOptionsAsUsageErrors() {
        assertThat(run("", "--interval", "soon", "x")).isEqualTo(ProduceResult.USAGE);
        assertThat(run("", "--format", "pdf", "-")).isEqualTo(ProduceResult.USAGE);
        assertThat(run("", "--state", "a", "--no-state", "x")).isEqualTo(ProduceResult.USAGE);
        assertThat(err.toString()).contains("--interval: not a duration", "--format must be");
    }

    @Test
    void shouldFollowAFolderAndPublishOnlyWhatIsNew() throws Exception {
        Path folder = articles(2);
        StringWriter lines = new StringWriter();
        ProduceRun run = new ProduceRun(producer, SentArticles.inMemory(), new PrintWriter(lines, true),
                new PrintWriter(err, true), false, ProgressBar.NONE);
        CompletableFuture<ProduceResult> result = CompletableFuture.supplyAsync(
                () -> run.follow(List.of(new FolderSource(folder, new ArticleFileParser())), Duration.ofMillis(100)));

        awaitRecords(2);
        Files.writeString(folder.resolve("a003.md"), "# Article 3\n\nA third article, written while following.\n");
        Files.setLastModifiedTime(folder.resolve("a001.md"), java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(5)));
        awaitRecords(3);
        run.stop();

        ProduceResult done = result.get(10, TimeUnit.SECONDS);
        assertThat(done).isEqualTo(new ProduceResult(3, 0, 0, false));
        assertThat(producer.history()).extracting(r -> r.value().getTitle()).containsExactly("Article 1", "Article 2", "Article 3");
        assertThat(producer.closed()).isTrue();
        assertThat(lines.toString()).contains("following 1 source(s)", "sent 3, skipped 0 as duplicate, failed 0");
    }

    @Test
    void shouldReportASourceThatFailsWithAnUncheckedIoErrorAndGoOnWithTheOthers() throws Exception {
        io.newsflow.producer.source.ArticleSource broken = new io.newsflow.producer.source.ArticleSource() {
            @Override
            public String name() {
                return "broken-folder";
            }

            @Override
            public void read(io.newsflow.producer.source.ArticleSink sink) {
                throw new java.io.UncheckedIOException(new java.nio.file.NoSuchFileException("broken-folder/x.md"));
            }
        };
        ProduceRun run = new ProduceRun(producer, SentArticles.inMemory(), new PrintWriter(out, true),
                new PrintWriter(err, true), true, ProgressBar.NONE);

        ProduceResult result = run.once(List.of(broken, new FolderSource(articles(2), new ArticleFileParser())));

        assertThat(result).isEqualTo(new ProduceResult(2, 0, 1, false));
        assertThat(err.toString()).contains("error broken-folder: cannot read: ");
        assertThat(producer.history()).hasSize(2);
    }

    private void awaitRecords(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (producer.history().size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + n + " records, got " + producer.history().size() + "; " + err);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
