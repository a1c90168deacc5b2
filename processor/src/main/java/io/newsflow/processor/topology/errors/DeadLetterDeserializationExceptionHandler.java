package io.newsflow.processor.topology.errors;

import io.newsflow.processor.topology.DeadLetters;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Safety net for records a source node cannot deserialize. The enrichment topology reads raw
 * bytes and routes unreadable values itself, so this only fires if a source with a real
 * deserializer is added later. It logs topic/partition/offset and writes a DeadLetter (stage
 * DESERIALIZE) with the original bytes, then continues; it fails instead when the registry is
 * unreachable (the bytes are probably fine) or when the dead letter itself cannot be written,
 * so that no record is dropped silently.
 */
public class DeadLetterDeserializationExceptionHandler extends DeadLetterHandler implements DeserializationExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationExceptionHandler.class);

    /** For Streams' reflective construction; {@link #configure} supplies the registry. */
    public DeadLetterDeserializationExceptionHandler() {
    }

    public DeadLetterDeserializationExceptionHandler(SchemaRegistryClient registry, Clock clock) {
        super(registry, clock);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        log.error("cannot deserialize record {}-{}@{} (processor {}): {}", record.topic(), record.partition(),
                record.offset(), context.processorNodeId(), DeadLetters.describe(exception));
        if (DeadLetters.isTransient(exception)) {
            log.error("schema registry unavailable: failing the task so the record is read again, not dead-lettered");
            return Response.fail();
        }
        try {
            Response response = Response.resume(deadLetters.of(DeadLetters.STAGE_DESERIALIZE, exception, context,
                    record.key(), record.value()));
            metrics.deadLettered(DeadLetters.STAGE_DESERIALIZE, DeadLetters.reason(exception));
            return response;
        } catch (RuntimeException e) {
            log.error("cannot write the dead letter for {}-{}@{}; failing rather than dropping it",
                    record.topic(), record.partition(), record.offset(), e);
            return Response.fail();
        }
    }
}
