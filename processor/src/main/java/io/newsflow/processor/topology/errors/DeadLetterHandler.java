package io.newsflow.processor.topology.errors;

import io.newsflow.processor.topology.OutputLimits;
import io.newsflow.processor.topology.PipelineMetrics;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.common.Configurable;

/**
 * What the three dead-letter handlers share: the DeadLetter writer, given by constructor in
 * tests or built from {@code schema.registry.url} when Streams constructs the handler
 * reflectively and configures it.
 */
abstract class DeadLetterHandler implements Configurable {
    protected DeadLetterRecords deadLetters;
    /** Counts the dead letters; the application's instance when Streams configures the handler. */
    protected PipelineMetrics metrics = PipelineMetrics.unexposed();
    /** The output limit and the unsendable-record marks; the application's instance when Streams configures the handler. */
    protected OutputLimits limits = OutputLimits.fromStreamsConfig(Map.of());

    /** For Streams' reflective construction; {@link #configure} supplies the registry. */
    protected DeadLetterHandler() {
    }

    protected DeadLetterHandler(SchemaRegistryClient registry, Clock clock) {
        this.deadLetters = new DeadLetterRecords(registry, clock);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        if (deadLetters == null) {
            deadLetters = DeadLetterRecords.fromConfig(configs);
        }
        metrics = PipelineMetrics.fromConfig(configs);
        limits = OutputLimits.fromConfig(configs);
        deadLetters.limits(limits);
    }
}
