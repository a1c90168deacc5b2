package io.newsflow.stack;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import io.newsflow.stack.kafka.EmbeddedKafka;
import io.newsflow.stack.registry.EmbeddedSchemaRegistry;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The whole local infrastructure of the pipeline in one object — an embedded KRaft broker and the
 * embedded schema registry on top of it — so {@code newsflow demo}, {@code newsflow stack} and
 * end-to-end tests start what docker-compose would, in-process and without Docker.
 *
 * <p>Starts the broker, then the registry (which keeps its state in the broker), then creates the
 * topics it was given; {@link #close()} stops them in reverse order. With a data directory the
 * broker's logs — and with them the registered schemas and their ids — persist across runs.
 */
public final class LocalStack implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;
    private boolean closed;

    private LocalStack(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /** A throw-away stack: temporary data directory, free ports. */
    public static LocalStack start() {
        return start(null, 0, 0, List.of());
    }

    /**
     * Starts a stack.
     *
     * @param dataDir      the broker's data directory; {@code null} for a temporary one deleted on close
     * @param kafkaPort    the broker's client port; {@code 0} picks a free one
     * @param registryPort the registry's HTTP port; {@code 0} picks a free one
     */
    public static LocalStack start(Path dataDir, int kafkaPort, int registryPort) {
        return start(dataDir, kafkaPort, registryPort, List.of());
    }

    /** As {@link #start(Path, int, int)}, then creates {@code topics} (existing ones are left alone). */
    public static LocalStack start(Path dataDir, int kafkaPort, int registryPort, Collection<NewTopic> topics) {
        return start(dataDir, 1, kafkaPort, 0, registryPort, topics);
    }

    /**
     * A stack on a cluster of {@code brokers} KRaft nodes (the registry's {@code _schemas} topic at
     * replication factor min(3, brokers)).
     *
     * @param kafkaPort      the first broker's client port, the others following ({@code 0}: free ports)
     * @param controllerPort the first controller port, likewise ({@code 0}: free ports)
     */
    public static LocalStack start(Path dataDir, int brokers, int kafkaPort, int controllerPort, int registryPort,
                                   Collection<NewTopic> topics) {
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, brokers, kafkaPort, controllerPort, java.util.Map.of());
        EmbeddedSchemaRegistry registry = null;
        try {
            registry = new EmbeddedSchemaRegistry(kafka.bootstrapServers(), registryPort);
            kafka.createTopics(topics);
            return new LocalStack(kafka, registry);
        } catch (RuntimeException | Error e) {
            if (registry != null) {
                registry.close();
            }
            kafka.close();
            throw e;
        }
    }

    /** For {@code bootstrap.servers}, e.g. {@code localhost:9092}. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** For {@code schema.registry.url}, e.g. {@code http://localhost:8081}. */
    public String schemaRegistryUrl() {
        return registry.url();
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedSchemaRegistry schemaRegistry() {
        return registry;
    }

    /** Stops the registry, then the broker; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            registry.close();
        } finally {
            kafka.close();
        }
    }
}
