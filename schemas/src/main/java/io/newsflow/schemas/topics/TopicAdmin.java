package io.newsflow.schemas.topics;

import io.newsflow.schemas.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates and checks the pipeline's topics with Kafka's {@link Admin}: the {@link TopicSpec}s (in
 * {@code io.newsflow.schemas.Topics#SPECS}) with the {@link TopicSettings} for the cluster.
 * Creating is idempotent (existing topics are left as they are, a concurrent creator is not an
 * error); {@link #describe} says what differs from the spec. The caller owns the {@link Admin}.
 */
public final class TopicAdmin {
    private final Admin admin;
    private final Duration timeout;

    public TopicAdmin(Admin admin, Duration timeout) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The number of brokers in the cluster. */
    public int brokers() throws InterruptedException, TimeoutException {
        return get(admin.describeCluster().nodes()).size();
    }

    /** The topic configuration a spec asks for with these settings. */
    public static Map<String, String> configs(TopicSpec spec, TopicSettings.Resolved settings) {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, spec.cleanupPolicy());
        if (spec.retention() != null) {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(spec.retention().toMillis()));
        }
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(settings.minInsyncReplicas()));
        return configs;
    }

    /**
     * Creates the topics of {@code specs} that do not exist, with {@code settings}.
     *
     * @return the topics this call created (not those that existed or that someone else created meanwhile)
     */
    public Set<String> createMissing(Collection<TopicSpec> specs, TopicSettings.Resolved settings)
            throws InterruptedException, TimeoutException {
        Set<String> existing = get(admin.listTopics().names());
        List<NewTopic> missing = new ArrayList<>();
        for (TopicSpec spec : specs) {
            if (!existing.contains(spec.name())) {
                missing.add(new NewTopic(spec.name(), settings.partitions(), settings.replicationFactor())
                        .configs(configs(spec, settings)));
            }
        }
        Set<String> created = new LinkedHashSet<>();
        if (missing.isEmpty()) {
            return created;
        }
        for (Map.Entry<String, KafkaFuture<Void>> result : admin.createTopics(missing).values().entrySet()) {
            try {
                result.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                created.add(result.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + result.getKey() + ": " + e.getCause().getMessage(),
                            e.getCause());
                }
            }
        }
        return created;
    }

    /** What each topic of {@code specs} looks like, and how it differs from the spec with {@code settings}. */
    public List<TopicState> describe(Collection<TopicSpec> specs, TopicSettings.Resolved settings)
            throws InterruptedException, TimeoutException {
        Set<String> existing = get(admin.listTopics().names());
        List<String> present = specs.stream().map(TopicSpec::name).filter(existing::contains).toList();
        Map<String, TopicDescription> descriptions = present.isEmpty() ? Map.of() : get(admin.describeTopics(present).allTopicNames());
        List<ConfigResource> resources = present.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, Config> configs = resources.isEmpty() ? Map.of() : get(admin.describeConfigs(resources).all());
        List<TopicState> states = new ArrayList<>();
        for (TopicSpec spec : specs) {
            TopicDescription description = descriptions.get(spec.name());
            if (description == null) {
                states.add(TopicState.missing(spec));
                continue;
            }
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
            states.add(TopicState.of(spec, settings, description, config));
        }
        return states;
    }

    private <T> T get(KafkaFuture<T> future) throws InterruptedException, TimeoutException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalStateException("a topic disappeared while it was being described: " + e.getCause().getMessage(),
                        e.getCause());
            }
            throw new IllegalStateException(e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** One topic as found, with its differences from the spec (empty when it matches). */
    public record TopicState(TopicSpec spec, boolean exists, int partitions, int replicationFactor,
                             Map<String, String> configs, List<String> mismatches) {

        static TopicState missing(TopicSpec spec) {
            return new TopicState(spec, false, 0, 0, Map.of(), List.of("missing"));
        }

        static TopicState of(TopicSpec spec, TopicSettings.Resolved settings, TopicDescription description, Config config) {
            int partitions = description.partitions().size();
            int rf = description.partitions().isEmpty() ? 0 : description.partitions().get(0).replicas().size();
            Map<String, String> found = new HashMap<>();
            List<String> mismatches = new ArrayList<>();
            if (partitions != settings.partitions()) {
                mismatches.add("partitions " + partitions + ", expected " + settings.partitions());
            }
            if (rf != settings.replicationFactor()) {
                mismatches.add("replication factor " + rf + ", expected " + settings.replicationFactor());
            }
            TopicAdmin.configs(spec, settings).forEach((key, expected) -> {
                ConfigEntry entry = config == null ? null : config.get(key);
                String actual = entry == null ? null : entry.value();
                found.put(key, String.valueOf(actual));
                if (!expected.equals(actual)) {
                    mismatches.add(key + " " + actual + ", expected " + expected);
                }
            });
            return new TopicState(spec, true, partitions, rf, Map.copyOf(found), List.copyOf(mismatches));
        }

        public boolean matches() {
            return mismatches.isEmpty();
        }
    }
}
