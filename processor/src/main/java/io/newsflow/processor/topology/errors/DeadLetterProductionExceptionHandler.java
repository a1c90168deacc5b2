package io.newsflow.processor.topology.errors;

import io.newsflow.processor.topology.DeadLetters;
import io.newsflow.processor.topology.OutputLimits;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import java.time.Clock;
import io.newsflow.schemas.serde.RecordSizes;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors writing the outputs. Two cases, two choices:
 *
 * <ul>
 * <li><b>Serialization</b> (before anything is sent — e.g. the registry rejects a schema as
 *     incompatible, or an output does not fit its schema): the record is the problem, so it is
 *     dead-lettered (stage PRODUCE, the source record's original bytes) and processing
 *     continues. It fails instead when the registry is unreachable, or when the failing record
 *     was itself bound for the dead-letter topic (no loops; the DLQ must work or we stop).</li>
 * <li><b>Send</b> (the broker refused or timed out): retriable errors are retried (Streams
 *     re-processes the task from its last commit). A record too large for Kafka
 *     ({@code RecordTooLargeException}) is this record's fault, but under {@code exactly_once_v2}
 *     the producer has already put the transaction into an abortable error, so no answer can save
 *     it; and for an error the broker returns, the handler's context (source position and bytes)
 *     already describes a later record. So the refused output is marked unsendable by topic and
 *     key ({@link OutputLimits#markUnsendable}) and the task fails; the replacement thread reads
 *     the article again and the topology dead-letters it (stage PRODUCE, with Kafka's message),
 *     and {@link StreamThreadExceptionHandler} does not count that replacement. (The topology
 *     measures its outputs first, so this is the net under that check, e.g. for a topic whose
 *     {@code max.message.bytes} was lowered while running.) Anything else fails: the open
 *     transaction is aborted, so failing loses nothing and writes nothing twice, and the
 *     {@link StreamThreadExceptionHandler} decides between a new thread and a stop.</li>
 * </ul>
 */
public class DeadLetterProductionExceptionHandler extends DeadLetterHandler implements ProductionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProductionExceptionHandler.class);

    /** For Streams' reflective construction; {@link #configure} supplies the registry. */
    public DeadLetterProductionExceptionHandler() {
    }

    public DeadLetterProductionExceptionHandler(SchemaRegistryClient registry, Clock clock) {
        super(registry, clock);
    }

    /** For tests: the handler as configured with these limits. */
    public DeadLetterProductionExceptionHandler(SchemaRegistryClient registry, Clock clock, OutputLimits limits) {
        super(registry, clock);
        this.limits = limits;
        this.deadLetters.limits(limits);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            log.warn("retriable error sending to {} (source {}-{}@{}), retrying the task: {}", record.topic(),
                    context.topic(), context.partition(), context.offset(), DeadLetters.describe(exception));
            return Response.retry();
        }
        if (exception instanceof RecordTooLargeException) {
            return tooLarge(record, (RecordTooLargeException) exception);
        }
        log.error("cannot send to {} (source {}-{}@{}); failing (the transaction is aborted, nothing is lost): {}",
                record.topic(), context.topic(), context.partition(), context.offset(), DeadLetters.describe(exception));
        return Response.fail();
    }

    private Response tooLarge(ProducerRecord<byte[], byte[]> record, RecordTooLargeException exception) {
        String reason = "Kafka refused the output for " + record.topic() + " ("
                + RecordSizes.bytes(record.value() == null ? 0 : record.value().length) + " value bytes; limit "
                + limits.describe() + "): " + DeadLetters.describe(exception);
        limits.markUnsendable(record.topic(), record.key(), reason, exception);
        log.error("an output for {} is too large; the transaction is lost, so the task fails and the article is"
                + " dead-lettered when it is read again: {}", record.topic(), DeadLetters.describe(exception));
        return Response.fail();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        log.error("cannot serialize the {} of a record for {} (source {}-{}@{}): {}", origin.name().toLowerCase(),
                record.topic(), context.topic(), context.partition(), context.offset(), DeadLetters.describe(exception));
        if (DeadLetters.isTransient(exception) || Topics.DLQ.equals(record.topic())) {
            return Response.fail();
        }
        try {
            Response response = Response.resume(deadLetters.of(DeadLetters.STAGE_PRODUCE, exception, context,
                    context.sourceRawKey(), context.sourceRawValue()));
            metrics.deadLettered(DeadLetters.STAGE_PRODUCE, DeadLetters.reason(exception));
            return response;
        } catch (RuntimeException e) {
            log.error("cannot write the dead letter for {}-{}@{}; failing rather than dropping it",
                    context.topic(), context.partition(), context.offset(), e);
            return Response.fail();
        }
    }
}
