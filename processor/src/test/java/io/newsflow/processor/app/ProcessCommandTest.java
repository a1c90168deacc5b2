package io.newsflow.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.processor.enrich.ArticleEnricher;
import io.newsflow.processor.enrich.EnricherOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProcessCommandTest {
    private static final Function<EnricherOptions, ArticleEnricher> NO_ENRICHER = options -> {
        throw new AssertionError("the enricher must not be loaded in this test");
    };

    @TempDir
    Path dir;

    @Test
    void shouldLetFlagsWinOverEnvironmentAndFile() throws IOException {
        // given
        Path file = dir.resolve("p.properties");
        Files.writeString(file, "bootstrap.servers=file:9092\nschema.registry.url=http://file:8081\nnum.stream.threads=2\n");
        ProcessCommand command = new ProcessCommand(NO_ENRICHER, Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092"));

        // when
        new CommandLine(command).parseArgs("--config", file.toString(), "--schema-registry-url", "http://flag:8081");
        Properties props = command.config();

        // then
        assertThat(props.getProperty("bootstrap.servers")).isEqualTo("env:9092");
        assertThat(props.getProperty("schema.registry.url")).isEqualTo("http://flag:8081");
        assertThat(props.getProperty("num.stream.threads")).isEqualTo("2");
        assertThat(command.reset).isFalse();
    }

    @Test
    void shouldExitWithCode2OnAMissingConfigFileBeforeLoadingTheEnricher() {
        ProcessCommand command = new ProcessCommand(NO_ENRICHER, Map.of());
        CommandLine cli = new CommandLine(command);
        cli.setErr(new PrintWriter(new StringWriter()));

        int code = cli.execute("--config", dir.resolve("missing.properties").toString());

        assertThat(code).isEqualTo(2);
    }

    @Test
    void shouldDescribeItsOptionsInHelp() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ProcessCommand(NO_ENRICHER, Map.of()));
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("--bootstrap-servers", "--schema-registry-url", "--config", "--reset",
                "--gazetteer-geonames");
    }

    @Test
    void shouldPassTheGeoNamesDumpFromFlagOverEnvironmentToTheEnricher() throws IOException {
        // given
        Path fromEnv = Files.writeString(dir.resolve("env.txt"), "");
        Path fromFlag = Files.writeString(dir.resolve("cities.txt"), "");
        ProcessCommand command = new ProcessCommand(NO_ENRICHER, Map.of("NEWSFLOW_GAZETTEER_GEONAMES", fromEnv.toString()));

        // when
        new CommandLine(command).parseArgs("--gazetteer-geonames", fromFlag.toString());
        EnricherOptions options = EnricherOptions.fromProperties(command.config());

        // then
        assertThat(options.geonames()).isEqualTo(fromFlag);
        assertThat(options.geonamesMode()).isEqualTo(EnricherOptions.GeoNamesMode.EXTEND);
    }

    @Test
    void shouldTakeTheGeoNamesDumpFromTheEnvironment() throws IOException {
        Path fromEnv = Files.writeString(dir.resolve("env.txt"), "");
        ProcessCommand command = new ProcessCommand(NO_ENRICHER, Map.of("NEWSFLOW_GAZETTEER_GEONAMES", fromEnv.toString()));

        new CommandLine(command).parseArgs();

        assertThat(EnricherOptions.fromProperties(command.config()).geonames()).isEqualTo(fromEnv);
    }

    @Test
    void shouldExitWithCode2OnAMissingGeoNamesDumpBeforeLoadingTheEnricher() {
        ProcessCommand command = new ProcessCommand(NO_ENRICHER, Map.of());
        CommandLine cli = new CommandLine(command);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("--gazetteer-geonames", dir.resolve("missing.txt").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("GeoNames dump not found", "missing.txt");
    }

    @Test
    void shouldExitWithCode2WhenTheDumpIsNotInGeoNamesFormat() throws IOException {
        // given a file that exists but is not a GeoNames dump, and the real loader
        Path notADump = Files.writeString(dir.resolve("notes.txt"), "just some notes\nnothing tab-separated\n");
        ProcessCommand command = new ProcessCommand(ArticleEnricher::load, Map.of());
        CommandLine cli = new CommandLine(command);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));

        // when
        int code = cli.execute("--gazetteer-geonames", notADump.toString());

        // then
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("no usable GeoNames row");
    }
}
