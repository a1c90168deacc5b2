package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.producer.app.ProduceCommand;
import io.newsflow.stack.LocalStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM — what {@code kill}, {@code docker stop} and Kubernetes send — stops {@code produce --follow}
 * and {@code consume} cleanly with exit code 0, on real processes (separate JVMs) against the
 * embedded broker: the summary is printed, and what was sent is in the producer's state file.
 */
class StopSignalEndToEndTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String ARTICLE = "Title: Harbour cranes idle in Ostrohirka\n\n"
            + "The cranes of the invented port of Ostrohirka stood idle on Tuesday, the harbour office said.\n";

    static LocalStack stack;

    @TempDir
    Path dir;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    private String[] withConnection(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--bootstrap-servers";
        all[args.length + 1] = stack.bootstrapServers();
        all[args.length + 2] = "--schema-registry-url";
        all[args.length + 3] = stack.schemaRegistryUrl();
        return all;
    }

    @Test
    void shouldExitZeroAfterACleanStopWhenProduceFollowGetsSigterm() throws Exception {
        // given produce --follow on a folder with one article, past its first pass
        Path folder = Files.createDirectories(dir.resolve("articles"));
        Files.writeString(folder.resolve("ostrohirka.txt"), ARTICLE);
        Path state = dir.resolve("sent.ids");
        try (NewsflowProcess produce = NewsflowProcess.start(dir.resolve("produce"), Map.of(),
                withConnection("produce", "--follow", "--interval", "200ms", "--state", state.toString(), folder.toString()))) {
            assertThat(produce.awaitOutput(out -> out.contains("following 1 source(s)"), DEADLINE))
                    .as("produce --follow started: " + produce.stderr()).isTrue();

            // when it gets SIGTERM
            produce.terminate();
            int exit = produce.awaitExit(DEADLINE);

            // then it flushed, printed its summary and exited 0
            assertThat(exit).as("exit code; stderr: " + produce.stderr()).isZero();
            assertThat(produce.stdout()).contains("sent 1, skipped 0 as duplicate, failed 0");
            assertThat(Files.readAllLines(state)).anyMatch(line -> line.matches("[0-9a-f]{32}"));
        }
    }

    @Test
    void shouldExitZeroAfterACleanStopWhenConsumeGetsSigterm() throws Exception {
        // given an article on news.articles.raw and consume reading it
        Path folder = Files.createDirectories(dir.resolve("one"));
        Files.writeString(folder.resolve("ostrohirka.txt"), ARTICLE);
        Properties config = new Properties();
        config.put("bootstrap.servers", stack.bootstrapServers());
        config.put("schema.registry.url", stack.schemaRegistryUrl());
        StringWriter sent = new StringWriter();
        assertThat(ProduceCommand.publish(List.of(folder), config, new PrintWriter(sent), new PrintWriter(sent)).sent())
                .as(sent.toString()).isEqualTo(1);
        try (NewsflowProcess consume = NewsflowProcess.start(dir.resolve("consume"), Map.of(),
                withConnection("consume", "--topic", "raw", "--from-beginning"))) {
            assertThat(consume.awaitOutput(out -> out.contains("Harbour cranes idle in Ostrohirka"), DEADLINE))
                    .as("consume printed the article: " + consume.stderr()).isTrue();

            // when it gets SIGTERM
            consume.terminate();
            int exit = consume.awaitExit(DEADLINE);

            // then it closed the consumer, printed its summary and exited 0
            assertThat(exit).as("exit code; stderr: " + consume.stderr()).isZero();
            assertThat(consume.stderr()).containsPattern("\\d+ records from news.articles.raw");
        }
    }
}
