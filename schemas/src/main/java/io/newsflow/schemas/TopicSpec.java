package io.newsflow.schemas;

import java.time.Duration;
import java.util.Objects;

/**
 * What an operator should get for one topic of the pipeline, besides its partitions and
 * replication (which depend on the cluster): compacted or not, and how long records are kept.
 *
 * @param name      the topic
 * @param compacted {@code cleanup.policy=compact} (latest value per key, kept forever) instead of {@code delete}
 * @param retention {@code retention.ms} of a deleting topic; null for a compacted one
 */
public record TopicSpec(String name, boolean compacted, Duration retention) {
    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (compacted == (retention != null)) {
            throw new IllegalArgumentException(name + ": a compacted topic has no retention, a deleting one needs one");
        }
    }

    /** A topic that deletes records older than {@code retention}. */
    public static TopicSpec deleting(String name, Duration retention) {
        return new TopicSpec(name, false, Objects.requireNonNull(retention, "retention"));
    }

    /** A compacted topic: the latest value per key, kept forever; a null value (tombstone) deletes the key. */
    public static TopicSpec compacted(String name) {
        return new TopicSpec(name, true, null);
    }

    /** {@code cleanup.policy}: {@code compact} or {@code delete}. */
    public String cleanupPolicy() {
        return compacted ? "compact" : "delete";
    }

    /** The same topic kept for another time; only for deleting topics. */
    public TopicSpec withRetention(Duration newRetention) {
        if (compacted) {
            throw new IllegalArgumentException(name + " is compacted: it keeps the latest value per key, not a time");
        }
        return deleting(name, newRetention);
    }
}
