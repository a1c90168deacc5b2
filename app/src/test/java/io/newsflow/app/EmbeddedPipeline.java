package io.newsflow.app;

import io.newsflow.processor.app.ProcessorApp;
import io.newsflow.processor.app.ProcessorConfig;
import io.newsflow.processor.enrich.ArticleEnricher;
import io.newsflow.schemas.serde.SerdeConfig;
import io.newsflow.stack.LocalStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.StreamsConfig;

/** The embedded broker and registry with the real processor running on them, for end-to-end tests. */
record EmbeddedPipeline(LocalStack stack, ProcessorApp processor, Properties clientConfig) implements AutoCloseable {

    /** Starts the stack and the processor (state in {@code stateDir}) and waits until the processor runs. */
    static EmbeddedPipeline start(Path stateDir, Duration deadline) throws Exception {
        LocalStack stack = LocalStack.start();
        try {
            Properties clientConfig = new Properties();
            clientConfig.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
            clientConfig.put(SerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
            Properties streams = ProcessorConfig.load(null, Map.of(), Map.of(
                    CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                    SerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
                    StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()));
            ProcessorApp processor = new ProcessorApp(streams, ArticleEnricher.loadDefault()::enrich);
            processor.startAndAwaitRunning(deadline);
            return new EmbeddedPipeline(stack, processor, clientConfig);
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            processor.close();
        } finally {
            stack.close();
        }
    }
}
