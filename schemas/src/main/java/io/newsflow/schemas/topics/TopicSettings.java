package io.newsflow.schemas.topics;

import java.util.Map;
import java.util.Properties;

/**
 * Partitions, replication and {@code min.insync.replicas} of the pipeline's topics, as the operator
 * asked or by default for the cluster at hand:
 *
 * <pre>
 * partitions            6            (room for six processor threads or instances)
 * replication factor    min(3, brokers)
 * min.insync.replicas   min(2, replication factor)   (acks=all survives one broker down)
 * </pre>
 *
 * Services read the same settings from their configuration ({@link #fromProperties}), so a topic
 * they create when it is missing is the topic {@code newsflow topics create} would have made.
 *
 * @param partitions         null for the default
 * @param replicationFactor  null for the default
 * @param minInsyncReplicas  null for the default
 */
public record TopicSettings(Integer partitions, Short replicationFactor, Integer minInsyncReplicas) {
    public static final int DEFAULT_PARTITIONS = 6;
    public static final String PARTITIONS_CONFIG = "newsflow.topics.partitions";
    public static final String REPLICATION_FACTOR_CONFIG = "newsflow.topics.replication.factor";
    public static final String MIN_INSYNC_REPLICAS_CONFIG = "newsflow.topics.min.insync.replicas";

    public TopicSettings {
        if (partitions != null && partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, not " + partitions);
        }
        if (replicationFactor != null && replicationFactor < 1) {
            throw new IllegalArgumentException("the replication factor must be at least 1, not " + replicationFactor);
        }
        if (minInsyncReplicas != null && minInsyncReplicas < 1) {
            throw new IllegalArgumentException("min.insync.replicas must be at least 1, not " + minInsyncReplicas);
        }
    }

    /** All defaults. */
    public static TopicSettings defaults() {
        return new TopicSettings(null, null, null);
    }

    /** From {@value #PARTITIONS_CONFIG}, {@value #REPLICATION_FACTOR_CONFIG}, {@value #MIN_INSYNC_REPLICAS_CONFIG}. */
    public static TopicSettings fromProperties(Map<?, ?> props) {
        return new TopicSettings(integer(props, PARTITIONS_CONFIG),
                integer(props, REPLICATION_FACTOR_CONFIG) == null ? null : integer(props, REPLICATION_FACTOR_CONFIG).shortValue(),
                integer(props, MIN_INSYNC_REPLICAS_CONFIG));
    }

    public static TopicSettings fromProperties(Properties props) {
        return fromProperties((Map<?, ?>) props);
    }

    private static Integer integer(Map<?, ?> props, String key) {
        Object value = props.get(key);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not '" + value + "'");
        }
    }

    /**
     * The settings for a cluster of {@code brokers}.
     *
     * @throws IllegalArgumentException when the cluster cannot hold them (replication factor over the
     *                                  brokers, or min.insync.replicas over the replication factor)
     */
    public Resolved resolve(int brokers) {
        int p = partitions != null ? partitions : DEFAULT_PARTITIONS;
        short rf = replicationFactor != null ? replicationFactor : (short) Math.max(1, Math.min(3, brokers));
        if (rf > brokers) {
            throw new IllegalArgumentException("replication factor " + rf + " needs at least " + rf + " brokers; the cluster has "
                    + brokers);
        }
        int isr = minInsyncReplicas != null ? minInsyncReplicas : Math.min(2, rf);
        if (isr > rf) {
            throw new IllegalArgumentException("min.insync.replicas " + isr + " is more than the replication factor " + rf
                    + ": no write with acks=all could succeed");
        }
        return new Resolved(p, rf, isr);
    }

    /** Concrete settings for one cluster. */
    public record Resolved(int partitions, short replicationFactor, int minInsyncReplicas) {
        @Override
        public String toString() {
            return partitions + " partitions, replication factor " + replicationFactor + ", min.insync.replicas "
                    + minInsyncReplicas;
        }
    }
}
