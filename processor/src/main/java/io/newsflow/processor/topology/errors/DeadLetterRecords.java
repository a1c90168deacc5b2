package io.newsflow.processor.topology.errors;

import io.newsflow.avro.DeadLetter;
import io.newsflow.processor.topology.DeadLetters;
import io.newsflow.processor.topology.OutputLimits;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.serde.AvroSerializer;
import io.newsflow.schemas.serde.SerdeConfig;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Turns a failure seen by a Streams exception handler into the serialized DeadLetter record
 * that the handler hands back to Streams (KIP-1034), so the handlers write the same Avro shape
 * to {@code news.articles.dlq} as the topology does.
 */
final class DeadLetterRecords {
    private final AvroSerializer<DeadLetter> serializer;
    private final Clock clock;
    private volatile OutputLimits limits = OutputLimits.fromStreamsConfig(Map.of());

    DeadLetterRecords(SchemaRegistryClient registry, Clock clock) {
        this.serializer = new AvroSerializer<>(registry, false);
        this.clock = clock;
    }

    /**
     * Handlers are built reflectively by Streams; their registry client comes from the same
     * configuration ({@code schema.registry.url} with its basic auth and TLS settings).
     */
    static DeadLetterRecords fromConfig(Map<String, ?> configs) {
        Object url = configs.get(SerdeConfig.SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("the dead-letter exception handlers need '"
                    + SerdeConfig.SCHEMA_REGISTRY_URL + "' to write DeadLetter records");
        }
        return new DeadLetterRecords(SchemaRegistryClient.fromConfig(configs), Clock.systemUTC());
    }

    /** The limit the dead letters are cut to ({@link DeadLetters#fit}); Kafka's default until set. */
    void limits(OutputLimits limits) {
        this.limits = limits;
    }

    /** The one-element DLQ list for a Streams handler response; keyed by the original key bytes. */
    List<ProducerRecord<byte[], byte[]>> of(String stage, Exception error, ErrorHandlerContext context,
                                            byte[] originalKey, byte[] originalValue) {
        DeadLetter letter = DeadLetters.fit(DeadLetters.of(stage, error,
                context != null ? context.topic() : null,
                context != null && context.partition() >= 0 ? context.partition() : null,
                context != null && context.offset() >= 0 ? context.offset() : null,
                originalKey, originalValue, clock.instant()), limits.maxValueBytes());
        return List.of(new ProducerRecord<>(Topics.DLQ, null, originalKey, serializer.serialize(Topics.DLQ, letter)));
    }
}
