package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.config.ClientConfigs;
import io.newsflow.schemas.config.ClientSettings;
import io.newsflow.schemas.config.EnvVars;
import io.newsflow.schemas.config.Redaction;
import io.newsflow.schemas.registry.SchemaRegistryClientConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The operators' pages say what works: every {@code ./newsflow} line of their shell blocks is
 * accepted by the launcher's CLI as written, every environment variable they set is one the code
 * reads, and the security example configures every client with its secrets hidden from logs.
 */
class OperationsDocTest {
    private static final Path OPERATIONS = DocumentedCommands.repo().resolve("docs/operations.md");
    private static final Path README = DocumentedCommands.repo().resolve("README.md");

    @TempDir
    Path dir;

    @Test
    void shouldParseEveryDocumentedNewsflowCommandLine() throws Exception {
        List<String> parsed = new ArrayList<>();
        for (Path page : List.of(OPERATIONS, README)) {
            for (DocumentedCommands.Line line : DocumentedCommands.commands(page)) {
                if (line.words().isEmpty() || !line.words().get(0).equals("./newsflow")) {
                    continue;
                }
                String[] args = line.words().subList(1, line.words().size()).toArray(String[]::new);
                try {
                    new CommandLine(new Newsflow()).parseArgs(args);
                } catch (CommandLine.ParameterException e) {
                    throw new AssertionError(page.getFileName() + ": `" + line.text() + "` does not parse: " + e.getMessage(), e);
                }
                parsed.add(line.text());
            }
        }

        assertThat(parsed).as("documented newsflow commands").hasSizeGreaterThan(15)
                .anyMatch(l -> l.startsWith("./newsflow dlq replay"))
                .anyMatch(l -> l.startsWith("./newsflow offsets skip"))
                .anyMatch(l -> l.startsWith("./newsflow lag"));
    }

    @Test
    void shouldSetOnlyEnvironmentVariablesTheCodeReads() throws Exception {
        List<String> names = new ArrayList<>();
        for (DocumentedCommands.Line line : DocumentedCommands.commands(OPERATIONS)) {
            line.assignments().forEach(a -> names.add(a.substring(0, a.indexOf('='))));
        }

        assertThat(names).isNotEmpty();
        assertThat(EnvVars.names()).containsAll(names);
    }

    @Test
    void shouldConfigureEveryClientFromTheSecurityExampleWithItsSecretsHidden() throws Exception {
        Path file = Files.writeString(dir.resolve("client.properties"),
                String.join("\n", DocumentedCommands.blocks(OPERATIONS, "properties")));

        Properties settings = ClientSettings.load(file, Map.of(), Map.of());

        for (Map<String, Object> client : List.of(ClientConfigs.producer(settings), ClientConfigs.consumer(settings),
                ClientConfigs.admin(settings))) {
            assertThat(client).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsKeys("sasl.jaas.config", "ssl.truststore.location", "ssl.truststore.password");
        }
        SchemaRegistryClientConfig registry = SchemaRegistryClientConfig.from(ClientConfigs.asMap(settings));
        assertThat(registry.hasBasicAuth()).isTrue();
        assertThat(registry.trustStore().location()).isEqualTo("/etc/newsflow/truststore.p12");
        assertThat(Redaction.redacted(settings)).doesNotContain("kafka-secret", "registry-secret", "truststore-secret")
                .contains("security.protocol=SASL_SSL");
    }
}
