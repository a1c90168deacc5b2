package io.newsflow.processor.topology.errors;

import io.newsflow.processor.topology.DeadLetters;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import java.time.Clock;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Safety net for exceptions that escape a processor. The enrichment processor dead-letters its
 * own read and enrichment failures, so what reaches this handler is either Streams' own error
 * (a sink whose production handler chose to fail — passed on unchanged, it is not this record's
 * fault), an unreachable registry (fail: retry the record later rather than dead-letter it), or
 * a bug outside the processor's try blocks, which is dead-lettered (stage PROCESS, original
 * bytes of the source record) so one bad record cannot stop the pipeline.
 */
public class DeadLetterProcessingExceptionHandler extends DeadLetterHandler implements ProcessingExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingExceptionHandler.class);

    /** For Streams' reflective construction; {@link #configure} supplies the registry. */
    public DeadLetterProcessingExceptionHandler() {
    }

    public DeadLetterProcessingExceptionHandler(SchemaRegistryClient registry, Clock clock) {
        super(registry, clock);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        log.error("processing failed in {} for record {}-{}@{}: {}", context.processorNodeId(), context.topic(),
                context.partition(), context.offset(), DeadLetters.describe(exception));
        if (DeadLetters.isStreamsInternal(exception) || DeadLetters.isTransient(exception)) {
            return Response.fail();
        }
        try {
            Response response = Response.resume(deadLetters.of(DeadLetters.STAGE_PROCESS, exception, context,
                    context.sourceRawKey(), context.sourceRawValue()));
            metrics.deadLettered(DeadLetters.STAGE_PROCESS, DeadLetters.reason(exception));
            return response;
        } catch (RuntimeException e) {
            log.error("cannot write the dead letter for {}-{}@{}; failing rather than dropping it",
                    context.topic(), context.partition(), context.offset(), e);
            return Response.fail();
        }
    }
}
