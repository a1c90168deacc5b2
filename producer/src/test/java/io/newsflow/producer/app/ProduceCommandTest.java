package io.newsflow.producer.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.RawArticle;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.serde.AvroSerializer;
import io.newsflow.schemas.serde.SerdeConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProduceCommandTest {
    @TempDir
    Path dir;

    final MockProducer<String, RawArticle> producer =
            new MockProducer<>(true, null, new StringSerializer(), new AvroSerializer<>(new InMemorySchemaRegistryClient(), false));
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    Properties usedConfig;

    int run(Map<String, String> env, String... args) {
        Map<String, String> withState = new java.util.HashMap<>(env);
        withState.putIfAbsent(ProduceCommand.ENV_STATE_DIR, dir.resolve("state").toString());
        CommandLine cli = new CommandLine(new ProduceCommand(withState, config -> {
            usedConfig = config;
            return producer;
        }, config -> "test-cluster", new java.io.ByteArrayInputStream(new byte[0])));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    Path sample() throws Exception {
        Path target = dir.resolve("articles/d01-put-dumoi-widow.txt");
        Files.createDirectories(target.getParent());
        Files.copy(Path.of(URI.create(getClass().getClassLoader().getResource("d01-put-dumoi-widow.txt").toString())), target);
        return target;
    }

    @Test
    void shouldPublishEveryArticleOfAFolderAndPrintASummary() throws Exception {
        sample();
        Files.writeString(dir.resolve("articles/other.md"), "# Other\n\nBody.\n");

        int exit = run(Map.of(), dir.resolve("articles").toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).containsSubsequence(
                "published 39122f9c9171b7456653b2592eb8fde0 'Our Men Are Dying for Nothing'",
                "published ", " Other",
                "sent 2, skipped 0 as duplicate, failed 0");
        assertThat(producer.history()).extracting(ProducerRecord::key).first().isEqualTo("39122f9c9171b7456653b2592eb8fde0");
        assertThat(producer.closed()).isTrue();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void shouldReportABadFileGoOnAndExitWithOne() throws Exception {
        Path good = sample();
        Path bad = Files.write(dir.resolve("bad.txt"), new byte[] {'#', ' ', 'x', '\n', 0, 1, 2});
        Path missing = dir.resolve("missing.txt");

        int exit = run(Map.of(), bad.toString(), missing.toString(), good.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("error " + bad + ":2: binary content", "error " + missing + ": no such file");
        assertThat(out.toString()).contains("published 39122f9c9171b7456653b2592eb8fde0", "sent 1, skipped 0 as duplicate, failed 2");
    }

    @Test
    void shouldExitWithOneWhenSendsFail() throws Exception {
        producer.sendException = new org.apache.kafka.common.errors.SerializationException("registry down");

        int exit = run(Map.of(), sample().toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("error ", "d01-put-dumoi-widow.txt: not sent (39122f9c9171b7456653b2592eb8fde0): "
                + "SerializationException: registry down");
        assertThat(out.toString()).contains("sent 0, skipped 0 as duplicate, failed 1");
    }

    @Test
    void shouldPublishTheBundledSamples() {
        int exit = run(Map.of(), "--samples");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("published 39122f9c9171b7456653b2592eb8fde0", "sent 1, skipped 0 as duplicate, failed 0");
    }

    @Test
    void shouldExitWithTwoOnUsageErrors() {
        assertThat(run(Map.of())).isEqualTo(2);
        assertThat(err.toString()).contains("Name at least one FILE, DIR, URL or -");
        assertThat(run(Map.of(), "--no-such-option", "x")).isEqualTo(2);
        assertThat(run(Map.of(), "--config", dir.resolve("absent.properties").toString(), "x")).isEqualTo(2);
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldTakeSettingsFromFlagsThenEnvironmentThenFileThenDefaults() throws Exception {
        Path file = dir.resolve("producer.properties");
        Files.writeString(file, "bootstrap.servers=file:9092\nschema.registry.url=http://file:8081\nlinger.ms=77\n");

        run(Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092", "SCHEMA_REGISTRY_URL", "http://env:8081"),
                "--config", file.toString(), "--schema-registry-url", "http://flag:8081", sample().toString());

        assertThat(usedConfig).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "env:9092")
                .containsEntry(SerdeConfig.SCHEMA_REGISTRY_URL, "http://flag:8081")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "77");
    }

    @Test
    void shouldDefaultToALocalBrokerAndRegistry() throws Exception {
        run(Map.of(), sample().toString());

        assertThat(usedConfig).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092")
                .containsEntry(SerdeConfig.SCHEMA_REGISTRY_URL, "http://localhost:8081");
    }

    @Test
    void shouldPassSecuritySettingsGivenWithXToTheProducer() throws Exception {
        run(Map.of(), "-X", "security.protocol=SASL_SSL", "--property", "sasl.mechanism=PLAIN", sample().toString());

        assertThat(usedConfig).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN");
    }

    @Test
    void shouldOfferAStaticPublishForOtherCode() throws Exception {
        StringWriter lines = new StringWriter();
        ProduceResult result = ProduceCommand.publish(
                java.util.List.of(new io.newsflow.producer.source.FileSource(sample(),
                        new io.newsflow.producer.source.ArticleFileParser())),
                producer, new PrintWriter(lines, true), new PrintWriter(err, true));

        assertThat(result).isEqualTo(new ProduceResult(1, 0));
        assertThat(result.exitCode()).isZero();
        assertThat(lines.toString()).endsWith("sent 1, skipped 0 as duplicate, failed 0" + System.lineSeparator());
    }
}
