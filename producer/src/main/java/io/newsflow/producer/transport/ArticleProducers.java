package io.newsflow.producer.transport;

import io.newsflow.avro.RawArticle;
import io.newsflow.schemas.TopicSpec;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.config.ClientConfigs;
import io.newsflow.schemas.topics.TopicAdmin;
import io.newsflow.schemas.topics.TopicSettings;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.serde.AvroSerializer;
import io.newsflow.schemas.serde.SerdeConfig;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** Builds the real Kafka producer for {@link ArticlePublisher}. */
public final class ArticleProducers {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleProducers.class);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The producer settings: {@code config} as given, with defaults for what it leaves out —
     * idempotence on, {@code acks=all}, lz4 compression, a 10 ms linger to batch bulk loads.
     * {@code schema.registry.url} is kept here and taken out again by {@link #create}.
     */
    public static Properties withDefaults(Properties config) {
        Properties props = new Properties();
        props.putAll(config);
        props.putIfAbsent(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        props.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-producer");
        return props;
    }

    /**
     * A {@code KafkaProducer<String, RawArticle>}: String keys, values in the Confluent Avro wire
     * format through the registry at {@code schema.registry.url} (required in {@code config}; its
     * basic auth and TLS settings too, see {@link ClientConfigs#registry}).
     */
    public static Producer<String, RawArticle> create(Properties config) {
        Object url = config.get(SerdeConfig.SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("missing '" + SerdeConfig.SCHEMA_REGISTRY_URL + "' in the producer config");
        }
        return create(config, ClientConfigs.registry(config));
    }

    /**
     * As {@link #create(Properties)}, with a registry client of the caller's. The producer gets the
     * producer settings of {@code config} (connection, security, {@code producer.}-prefixed ones;
     * see {@link ClientConfigs#producer}).
     */
    /**
     * As {@link #create(Properties)}, after making sure {@code news.articles.raw} exists with the
     * pipeline's settings ({@link io.newsflow.schemas.Topics#SPECS}, {@link TopicSettings} from the
     * configuration): otherwise the broker would auto-create it on the first send with its own
     * defaults (one partition), behind the operator's back. When the cluster does not answer within
     * 30 s the producer is still built and reports the broker's error on its first send.
     */
    public static Producer<String, RawArticle> createEnsuringTopic(Properties config) {
        Properties settings = withDefaults(config);
        try (Admin admin = Admin.create(ClientConfigs.admin(settings))) {
            TopicAdmin topics = new TopicAdmin(admin, TOPIC_TIMEOUT);
            List<TopicSpec> raw = Topics.SPECS.stream().filter(spec -> spec.name().equals(Topics.RAW)).toList();
            Set<String> created = topics.createMissing(raw, TopicSettings.fromProperties(settings).resolve(topics.brokers()));
            if (!created.isEmpty()) {
                LOG.info("created topic {}", created);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            LOG.warn("could not check topic {} within {}: {}", Topics.RAW, TOPIC_TIMEOUT, e.toString());
        }
        return create(config);
    }

    public static Producer<String, RawArticle> create(Properties config, SchemaRegistryClient registry) {
        return new KafkaProducer<>(ClientConfigs.producer(withDefaults(config)), new StringSerializer(),
                new AvroSerializer<RawArticle>(registry, false));
    }

    private ArticleProducers() {
    }
}
