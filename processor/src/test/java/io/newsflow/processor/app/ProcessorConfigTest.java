package io.newsflow.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.processor.topology.errors.DeadLetterDeserializationExceptionHandler;
import io.newsflow.processor.topology.errors.DeadLetterProcessingExceptionHandler;
import io.newsflow.processor.topology.errors.DeadLetterProductionExceptionHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessorConfigTest {
    @TempDir
    Path dir;

    @Test
    void shouldApplyDefaultsWhenNothingIsGiven() {
        Properties props = ProcessorConfig.load(null, Map.of(), Map.of());

        assertThat(props.getProperty("application.id")).isEqualTo("newsflow-processor");
        assertThat(props.getProperty("bootstrap.servers")).isEqualTo("localhost:9092");
        assertThat(props.getProperty("schema.registry.url")).isEqualTo("http://localhost:8081");
        assertThat(props.getProperty("processing.guarantee")).isEqualTo("exactly_once_v2");
        assertThat(props.getProperty("commit.interval.ms")).isEqualTo("100");
        // kept across restarts and reboots, so the process id and the instance id are: not under the temp dir
        assertThat(props.getProperty("state.dir"))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".newsflow", "processor-state").toString());
        assertThat(ProcessorConfig.load(null, Map.of("NEWSFLOW_STATE_DIR", "/var/lib/newsflow"), Map.of())
                .getProperty("state.dir")).isEqualTo("/var/lib/newsflow/processor-state");
        assertThat(props.getProperty(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterDeserializationExceptionHandler.class.getName());
        assertThat(props.getProperty(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterProcessingExceptionHandler.class.getName());
        assertThat(props.getProperty(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterProductionExceptionHandler.class.getName());
        new StreamsConfig(props); // Streams accepts it as it is
    }

    @Test
    void shouldLetStreamsBuildTheDeadLetterHandlersFromTheSameProperties() {
        StreamsConfig config = new StreamsConfig(ProcessorConfig.load(null, Map.of(), Map.of()));

        assertThat(config.deserializationExceptionHandler()).isInstanceOf(DeadLetterDeserializationExceptionHandler.class);
        assertThat(config.processingExceptionHandler()).isInstanceOf(DeadLetterProcessingExceptionHandler.class);
        assertThat(config.productionExceptionHandler()).isInstanceOf(DeadLetterProductionExceptionHandler.class);
    }

    @Test
    void shouldLetFileOverrideDefaults() throws IOException {
        Path file = file("bootstrap.servers=file:9092\ncommit.interval.ms=1000\nnum.stream.threads=2\n");

        Properties props = ProcessorConfig.load(file, Map.of(), Map.of());

        assertThat(props.getProperty("bootstrap.servers")).isEqualTo("file:9092");
        assertThat(props.getProperty("commit.interval.ms")).isEqualTo("1000");
        assertThat(props.getProperty("num.stream.threads")).isEqualTo("2");
        assertThat(props.getProperty("schema.registry.url")).isEqualTo("http://localhost:8081");
    }

    @Test
    void shouldReadTheGeoNamesDumpFromTheEnvironmentLikeEveryOtherSetting() {
        Properties props = ProcessorConfig.load(null, Map.of("NEWSFLOW_GAZETTEER_GEONAMES", "/data/cities500.zip"), Map.of());

        assertThat(props.getProperty("newsflow.gazetteer.geonames")).isEqualTo("/data/cities500.zip");
    }

    private Path file(String content) throws IOException {
        Path file = dir.resolve("processor.properties");
        Files.writeString(file, content);
        return file;
    }
}
