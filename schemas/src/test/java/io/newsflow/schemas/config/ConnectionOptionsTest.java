package io.newsflow.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ConnectionOptionsTest {
    @TempDir
    Path dir;

    @Command(name = "any")
    static final class AnyCommand implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Override
        public Integer call() {
            return 0;
        }
    }

    private static ConnectionOptions parse(String... args) {
        AnyCommand command = new AnyCommand();
        new CommandLine(command).parseArgs(args);
        return command.connection;
    }

    @Test
    void shouldPassAnyPropertyGivenWithX() {
        Properties props = parse("-X", "security.protocol=SSL", "--property", "ssl.truststore.location=/etc/ts.jks")
                .settings(Map.of());

        assertThat(props.getProperty("security.protocol")).isEqualTo("SSL");
        assertThat(props.getProperty("ssl.truststore.location")).isEqualTo("/etc/ts.jks");
    }

    @Test
    void shouldLetNamedFlagsWinOverXAndXOverEnvironmentAndFile() throws Exception {
        Path file = Files.writeString(dir.resolve("c.properties"), "acks=0\nbootstrap.servers=file:9092\n");

        Properties props = parse("--config", file.toString(), "-X", "acks=1", "-X", "bootstrap.servers=x:9092",
                "--bootstrap-servers", "flag:9092").settings(Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092"));

        assertThat(props.getProperty("acks")).isEqualTo("1");
        assertThat(props.getProperty("bootstrap.servers")).isEqualTo("flag:9092");
    }

    @Test
    void shouldLetACommandsOwnFlagWinOverX() {
        Properties props = parse("-X", "newsflow.gazetteer.geonames=/x.zip")
                .settings(Map.of(), Map.of("newsflow.gazetteer.geonames", "/flag.zip"));

        assertThat(props.getProperty("newsflow.gazetteer.geonames")).isEqualTo("/flag.zip");
    }

    @Test
    void shouldUseTheEnvironmentWhenNoFlagIsGiven() {
        Properties props = parse().settings(Map.of("NEWSFLOW_SCHEMA_REGISTRY_URL", "http://env:8081"));

        assertThat(props.getProperty("schema.registry.url")).isEqualTo("http://env:8081");
        assertThat(props.getProperty("bootstrap.servers")).isEqualTo("localhost:9092");
    }
}
