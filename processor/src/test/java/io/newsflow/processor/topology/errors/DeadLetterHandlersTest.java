package io.newsflow.processor.topology.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.avro.DeadLetter;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryException;
import io.newsflow.schemas.serde.AvroDeserializer;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetterHandlersTest {
    private static final Instant NOW = Instant.parse("2024-03-01T12:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final SchemaRegistryException REGISTRY_DOWN =
            new SchemaRegistryException("schema registry at http://localhost:8081 unreachable", -1, -1, null);

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final StubErrorContext context = new StubErrorContext();

    @Test
    void shouldDeadLetterOutputThatCannotBeSerializedAndContinue() {
        // given
        var handler = new DeadLetterProductionExceptionHandler(registry, CLOCK);
        var output = new ProducerRecord<>(Topics.ENRICHED, "a1", (Object) "enriched");

        // when
        var response = handler.handleSerializationError(context, output,
                new SerializationException("cannot write EnrichedArticle: null in name"), SerializationExceptionOrigin.VALUE);

        // then
        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        DeadLetter letter = onlyDeadLetter(response.deadLetterQueueRecords());
        assertThat(letter.getStage()).isEqualTo("PRODUCE");
        assertThat(letter.getError()).contains("null in name");
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.RAW);
        assertThat(letter.getSourcePartition()).isEqualTo(2);
        assertThat(letter.getSourceOffset()).isEqualTo(41L);
        assertThat(bytes(letter.getOriginalKey())).isEqualTo(StubErrorContext.KEY);
        assertThat(bytes(letter.getOriginalValue())).isEqualTo(StubErrorContext.VALUE);
        assertThat(letter.getFailedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldFailWhenSerializationFailsBecauseTheRegistryIsDown() {
        var handler = new DeadLetterProductionExceptionHandler(registry, CLOCK);

        var response = handler.handleSerializationError(context, new ProducerRecord<>(Topics.ENRICHED, "a1", "v"),
                new SerializationException("cannot register", REGISTRY_DOWN), SerializationExceptionOrigin.VALUE);

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void shouldFailWhenTheDeadLetterItselfCannotBeSerialized() {
        var handler = new DeadLetterProductionExceptionHandler(registry, CLOCK);

        var response = handler.handleSerializationError(context, new ProducerRecord<>(Topics.DLQ, "a1", "v"),
                new SerializationException("boom"), SerializationExceptionOrigin.VALUE);

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
    }

    @Test
    void shouldRetryRetriableSendErrorsAndFailOthers() {
        var handler = new DeadLetterProductionExceptionHandler(registry, CLOCK);
        var sent = new ProducerRecord<>(Topics.ENRICHED, new byte[] {1}, new byte[] {2});

        assertThat(handler.handleError(context, sent, new TimeoutException("no ack")).result())
                .isEqualTo(ProductionExceptionHandler.Result.RETRY);
        assertThat(handler.handleError(context, sent, new RecordTooLargeException("too large")).result())
                .isEqualTo(ProductionExceptionHandler.Result.FAIL);
    }

    @Test
    void shouldDeadLetterUndeserializableSourceRecordAndContinue() {
        // given
        var handler = new DeadLetterDeserializationExceptionHandler(registry, CLOCK);
        var consumed = new ConsumerRecord<>(Topics.RAW, 2, 41L, new byte[] {7}, new byte[] {9, 9});

        // when
        var response = handler.handleError(context, consumed, new SerializationException("not wire format"));

        // then
        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        DeadLetter letter = onlyDeadLetter(response.deadLetterQueueRecords());
        assertThat(letter.getStage()).isEqualTo("DESERIALIZE");
        assertThat(bytes(letter.getOriginalKey())).containsExactly(7);
        assertThat(bytes(letter.getOriginalValue())).containsExactly(9, 9);
        assertThat(response.deadLetterQueueRecords().get(0).key()).containsExactly(7);
    }

    @Test
    void shouldFailDeserializationWhenTheRegistryIsDown() {
        var handler = new DeadLetterDeserializationExceptionHandler(registry, CLOCK);
        var consumed = new ConsumerRecord<>(Topics.RAW, 0, 0L, new byte[0], new byte[0]);

        assertThat(handler.handleError(context, consumed, REGISTRY_DOWN).result())
                .isEqualTo(DeserializationExceptionHandler.Result.FAIL);
    }

    @Test
    void shouldDeadLetterProcessingBugsButPassStreamsErrorsOn() {
        var handler = new DeadLetterProcessingExceptionHandler(registry, CLOCK);
        Record<Object, Object> record = new Record<>("a1", "v", 0L);

        var bug = handler.handleError(context, record, new NullPointerException("entity.getName()"));
        assertThat(bug.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(onlyDeadLetter(bug.deadLetterQueueRecords()).getStage()).isEqualTo("PROCESS");

        assertThat(handler.handleError(context, record, new StreamsException("sink failed")).result())
                .isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(handler.handleError(context, record, new RuntimeException("wrapped", REGISTRY_DOWN)).result())
                .isEqualTo(ProcessingExceptionHandler.Result.FAIL);
    }

    @Test
    void shouldRefuseToStartWithoutARegistryUrl() {
        assertThatThrownBy(() -> new DeadLetterProductionExceptionHandler().configure(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.registry.url");
    }

    private DeadLetter onlyDeadLetter(List<ProducerRecord<byte[], byte[]>> records) {
        assertThat(records).hasSize(1);
        assertThat(records.get(0).topic()).isEqualTo(Topics.DLQ);
        return new AvroDeserializer<DeadLetter>(DeadLetter.class, registry).deserialize(Topics.DLQ, records.get(0).value());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
