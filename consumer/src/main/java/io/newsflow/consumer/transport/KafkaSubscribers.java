package io.newsflow.consumer.transport;

import io.newsflow.schemas.config.ClientConfigs;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.serde.AvroDeserializer;
import io.newsflow.schemas.serde.SerdeConfig;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Builds real Kafka consumers and subscribers for the pipeline's topics. */
public final class KafkaSubscribers {
    /** Prefix of the group ids made up for one-off runs. */
    public static final String FRESH_GROUP_PREFIX = "newsflow-consume-";

    /**
     * The consumer settings for following a topic: {@code config} as given, plus
     * <ul>
     *   <li>{@code group.id}: {@code groupId} when given; else a fresh one-off group
     *       ({@value #FRESH_GROUP_PREFIX}...) when reading from the beginning or when the config
     *       names none — a one-off group commits no offsets;</li>
     *   <li>{@code auto.offset.reset}: {@code earliest} when {@code fromBeginning}, else
     *       {@code latest} unless configured (a group with committed offsets resumes from them);</li>
     *   <li>{@code isolation.level=read_committed}, so records of aborted transactions of the
     *       exactly-once processor are never seen.</li>
     * </ul>
     */
    public static Properties consumerConfig(Properties config, String groupId, boolean fromBeginning) {
        Properties props = new Properties();
        props.putAll(config);
        boolean fresh = false;
        if (groupId != null && !groupId.isBlank()) {
            props.setProperty(ConsumerConfig.GROUP_ID_CONFIG, groupId.strip());
        } else if (fromBeginning || !props.containsKey(ConsumerConfig.GROUP_ID_CONFIG)) {
            props.setProperty(ConsumerConfig.GROUP_ID_CONFIG, FRESH_GROUP_PREFIX + UUID.randomUUID());
            fresh = true;
        }
        if (fromBeginning) {
            props.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        }
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.putIfAbsent(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, fresh ? "false" : "true");
        props.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-consume");
        return props;
    }

    /**
     * A {@code KafkaConsumer<String, V>} for {@code topic}: String keys, values read through the
     * registry at {@code schema.registry.url} (required in {@code config}) into {@code V}.
     */
    public static <V extends SpecificRecord> Consumer<String, V> createConsumer(NewsTopic<V> topic, Properties config) {
        Object url = config.get(SerdeConfig.SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("missing '" + SerdeConfig.SCHEMA_REGISTRY_URL + "' in the consumer config");
        }
        return createConsumer(topic, config, ClientConfigs.registry(config));
    }

    /**
     * As {@link #createConsumer(NewsTopic, Properties)}, with a registry client of the caller's. The
     * consumer gets the consumer settings of {@code config} (connection, security,
     * {@code consumer.}-prefixed ones; see {@link ClientConfigs#consumer}).
     */
    public static <V extends SpecificRecord> Consumer<String, V> createConsumer(NewsTopic<V> topic, Properties config,
                                                                                SchemaRegistryClient registry) {
        return new KafkaConsumer<>(ClientConfigs.consumer(config), new StringDeserializer(),
                new AvroDeserializer<V>(topic.valueType(), registry));
    }

    /** A subscriber for {@code topic} on a real consumer built from {@code config} (see {@link #consumerConfig}). */
    public static <V extends SpecificRecord> TopicSubscriber<V> subscriber(NewsTopic<V> topic, Properties config) {
        return new TopicSubscriber<>(createConsumer(topic, config), topic.topic());
    }

    private KafkaSubscribers() {
    }
}
