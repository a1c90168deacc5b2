package io.newsflow.producer.transport;

import io.newsflow.schemas.config.ClientSettings;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;

/** Which Kafka cluster a client configuration points at. */
public final class KafkaClusters {
    /** How long the producer waits for the cluster to tell its id before giving up. */
    public static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The cluster id ({@code Admin.describeCluster().clusterId()}) of the cluster at the config's
     * {@code bootstrap.servers}, with the config's security settings (the producer's {@code ssl.*},
     * {@code sasl.*}, {@code security.protocol} are admin settings too).
     *
     * @throws KafkaException naming the servers when the cluster does not answer within {@code timeout}
     */
    public static String clusterId(Properties config, Duration timeout) {
        Properties admin = new Properties();
        for (String name : AdminClientConfig.configNames()) {
            if (config.containsKey(name)) {
                admin.put(name, config.get(name));
            }
        }
        admin.putIfAbsent(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ClientSettings.DEFAULT_BOOTSTRAP_SERVERS);
        int millis = (int) timeout.toMillis();
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        admin.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-producer-cluster-id");
        String servers = String.valueOf(admin.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        try (Admin client = Admin.create(admin)) {
            String id = client.describeCluster().clusterId().get(millis, TimeUnit.MILLISECONDS);
            if (id == null || id.isBlank()) {
                throw new KafkaException("the cluster at " + servers + " has no cluster id");
            }
            return id;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while asking " + servers + " for its cluster id", e);
        } catch (ExecutionException e) {
            throw new KafkaException("cannot ask " + servers + " for its cluster id: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("no answer from " + servers + " within " + timeout.toSeconds() + " s", e);
        }
    }

    private KafkaClusters() {
    }
}
