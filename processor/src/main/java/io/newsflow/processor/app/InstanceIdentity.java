package io.newsflow.processor.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A processor instance's stable identity, kept in its state directory, so that a restarted
 * instance is the same member of the group: Kafka Streams' static membership
 * ({@code group.instance.id} = {@code <application.id>-<instance id>}, and Streams adds the thread
 * number) lets it take its tasks back at once instead of waiting out the session timeout of the
 * member it was. The state directory also holds Streams' process id, from which the transactional
 * ids come, so one directory per instance, kept across restarts, is what makes both stable.
 *
 * <p>The id is {@code --instance-id} when given, else read from {@code <state.dir>/newsflow-instance-id},
 * else made once ({@code <host>-<8 hex>}) and written there.
 */
final class InstanceIdentity {
    private static final Logger log = LoggerFactory.getLogger(InstanceIdentity.class);

    /** The operator's name for this instance (flag {@code --instance-id}); optional. */
    static final String INSTANCE_ID_CONFIG = "newsflow.instance.id";
    static final String FILE = "newsflow-instance-id";

    private InstanceIdentity() {
    }

    /**
     * Sets the main consumer's {@code group.instance.id} from the instance id, unless the
     * configuration names one already (any prefix) or uses the streams rebalance protocol (which
     * has no static membership).
     */
    static void apply(Properties config) {
        String mainKey = StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        if (config.getProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG) != null
                || config.getProperty(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)) != null
                || config.getProperty(mainKey) != null
                || "streams".equalsIgnoreCase(config.getProperty(StreamsConfig.GROUP_PROTOCOL_CONFIG, ""))) {
            return;
        }
        Path stateDir = Path.of(config.getProperty(StreamsConfig.STATE_DIR_CONFIG));
        String id = instanceId(stateDir, config.getProperty(INSTANCE_ID_CONFIG));
        config.setProperty(mainKey, config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG) + "-" + id);
    }

    static String instanceId(Path stateDir, String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return clean(explicit);
        }
        Path file = stateDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!stored.isEmpty()) {
                    return clean(stored);
                }
            }
            String made = clean(host()) + "-" + UUID.randomUUID().toString().substring(0, 8);
            Files.createDirectories(stateDir);
            Files.writeString(file, made + "\n", StandardCharsets.UTF_8);
            log.info("this processor instance is {} (kept in {})", made, file);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the instance id in " + file + " (the state directory must be"
                    + " writable; choose another with --state-dir): " + e.getMessage(), e);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "processor";
        }
    }

    private static String clean(String id) {
        String c = id.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        return c.length() > 100 ? c.substring(0, 100) : c;
    }
}
