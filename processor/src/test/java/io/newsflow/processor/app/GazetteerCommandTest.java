package io.newsflow.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.EntityType;
import io.newsflow.avro.GazetteerEntry;
import io.newsflow.schemas.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GazetteerCommandTest {
    private final MockProducer<String, GazetteerEntry> producer =
            new MockProducer<>(true, null, new StringSerializer(), (topic, entry) -> new byte[0]);
    private final List<Properties> configs = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        GazetteerCommand command = new GazetteerCommand(config -> {
            configs.add(config);
            return producer;
        }, config -> { }, Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092"));
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void shouldPublishAnEntryKeyedByItsId() {
        // when
        int code = run("put", "--id", "nf:test:hwc", "--name", "Harbour Watch Collective", "--type", "organization",
                "--alias", "HWC", "--alias", "Harbour Watch", "--schema-registry-url", "http://flag:8081");

        // then
        assertThat(code).as(err.toString()).isZero();
        assertThat(producer.history()).hasSize(1);
        ProducerRecord<String, GazetteerEntry> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo(Topics.GAZETTEER);
        assertThat(sent.key()).isEqualTo("nf:test:hwc");
        assertThat(sent.value().getName()).isEqualTo("Harbour Watch Collective");
        assertThat(sent.value().getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(sent.value().getAliases()).containsExactly("HWC", "Harbour Watch");
        assertThat(sent.value().getGeo()).isNull();
        assertThat(out.toString()).contains("put nf:test:hwc", Topics.GAZETTEER);
        // and the connection settings follow the usual precedence
        assertThat(configs.get(0).getProperty("bootstrap.servers")).isEqualTo("env:9092");
        assertThat(configs.get(0).getProperty("schema.registry.url")).isEqualTo("http://flag:8081");
    }

    @Test
    void shouldPublishAPlaceWithItsCoordinates() {
        int code = run("put", "--id", "nf:test:ostrohirka", "--name", "Ostrohirka", "--type", "LOCATION",
                "--lat", "47.41", "--lon", "35.91", "--country", "ua");

        assertThat(code).as(err.toString()).isZero();
        GazetteerEntry sent = producer.history().get(0).value();
        assertThat(sent.getGeo().getLat()).isEqualTo(47.41);
        assertThat(sent.getGeo().getLon()).isEqualTo(35.91);
        assertThat(sent.getGeo().getCountry()).isEqualTo("UA");
    }

    @Test
    void shouldPublishATombstoneOnDelete() {
        int code = run("delete", "--id", "nf:test:hwc");

        assertThat(code).as(err.toString()).isZero();
        assertThat(producer.history()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("nf:test:hwc");
            assertThat(r.value()).isNull();
        });
    }

    @Test
    void shouldRejectBadInputWithCode2AndSendNothing() {
        assertThat(run("put", "--id", "x", "--name", "X", "--type", "PLANET")).isEqualTo(2);
        assertThat(err.toString()).contains("--type must be one of");
        assertThat(run("put", "--id", "x", "--name", "X", "--type", "LOCATION", "--lat", "47.4")).isEqualTo(2);
        assertThat(run("put", "--id", "x", "--name", "X", "--type", "LOCATION", "--lat", "147", "--lon", "1")).isEqualTo(2);
        assertThat(run("put", "--name", "X", "--type", "LOCATION")).isEqualTo(2);
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldFailWithCode1WhenTheBrokerRejectsTheRecord() {
        MockProducer<String, GazetteerEntry> failing =
                new MockProducer<>(true, null, new StringSerializer(), (topic, entry) -> new byte[0]);
        failing.sendException = new org.apache.kafka.common.errors.RecordTooLargeException("too large");
        GazetteerCommand command = new GazetteerCommand(config -> failing, config -> { }, Map.of());
        CommandLine cli = new CommandLine(command);
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("delete", "--id", "nf:test:hwc");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("failed", "too large");
    }
}
