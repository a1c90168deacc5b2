package io.newsflow.producer.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.producer.transport.ArticleProducers;
import io.newsflow.stack.LocalStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The producer's state is kept per Kafka cluster: two real embedded stacks, one after the other
 * on the same port (as a fresh {@code ./newsflow stack} after the last one was stopped), each a
 * new cluster with a new cluster id.
 */
@Timeout(240)
class ProducerStatePerClusterTest {
    @TempDir
    Path dir;

    @Test
    void shouldSendEverythingAgainToANewClusterAtTheSameAddressButNothingTwiceToOne() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("articles"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(folder.resolve("a" + i + ".md"), "# Cluster article " + i + "\n\nBody of article " + i
                    + " about the harbour.\n\nOriginal url: <https://clusters.example/" + i + ">\n");
        }
        int kafkaPort;
        String firstCluster;

        // given a first stack that received the folder, and a re-run that found nothing new
        try (LocalStack first = LocalStack.start(null, 0, 0)) {
            kafkaPort = Integer.parseInt(first.bootstrapServers().replaceAll(".*:", ""));
            StringWriter out = new StringWriter();
            assertThat(produce(first, out, folder)).as(out.toString()).isZero();
            assertThat(out.toString()).contains("sent 3, skipped 0 as duplicate, failed 0");
            StringWriter again = new StringWriter();
            assertThat(produce(first, again, folder)).isZero();
            assertThat(again.toString()).contains("sent 0, skipped 3 as duplicate", "nothing new: every article found (3)",
                    "--no-state");
            firstCluster = again.toString().replaceAll("(?s).*sent to Kafka cluster (\\S+) before.*", "$1");
        }

        // when a new stack starts at the same address
        try (LocalStack second = LocalStack.start(null, kafkaPort, 0)) {
            assertThat(second.bootstrapServers()).endsWith(":" + kafkaPort);
            StringWriter out = new StringWriter();
            assertThat(produce(second, out, folder)).as(out.toString()).isZero();

            // then everything is sent to it, and the state file of each cluster is its own
            assertThat(out.toString()).contains("sent 3, skipped 0 as duplicate, failed 0");
            try (var files = Files.list(dir.resolve("state"))) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .hasSize(2).contains("sent-" + firstCluster + ".ids");
            }
        }
    }

    private int produce(LocalStack stack, StringWriter out, Path folder) {
        CommandLine cli = new CommandLine(new ProduceCommand(Map.of(ProduceCommand.ENV_STATE_DIR, dir.resolve("state").toString()),
                ArticleProducers::create));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute("--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url", stack.schemaRegistryUrl(),
                "--quiet", folder.toString());
    }
}
