package io.newsflow.ops.groups;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells a real lag from transaction markers. In a topic written transactionally (every output
 * of the exactly-once processor), each commit leaves a marker that takes an offset but is no
 * record: a group that has read everything but committed before its consumer stepped over the
 * last marker is one offset "behind" per partition for ever. This reads forward from the
 * committed offset with a read_committed consumer (no group, nothing committed) until the first
 * record or the end offset: no record means nothing is left to read.
 */
public final class MarkerProbe {
    private final Consumer<byte[], byte[]> consumer;
    private final Duration deadline;

    /** @param consumer a read_committed consumer without a group; the probe assigns it and does not close it */
    public MarkerProbe(Consumer<byte[], byte[]> consumer, Duration deadline) {
        this.consumer = consumer;
        this.deadline = deadline;
    }

    /**
     * @param ranges from (committed) → end offset, per partition
     * @return the partitions whose range holds only markers or aborted records; a partition not
     *         decided within the deadline counts as holding records
     */
    public Set<TopicPartition> markersOnly(Map<TopicPartition, long[]> ranges) {
        Set<TopicPartition> markersOnly = new HashSet<>();
        if (ranges.isEmpty()) {
            return markersOnly;
        }
        Map<TopicPartition, long[]> open = new HashMap<>(ranges);
        consumer.assign(open.keySet());
        open.forEach((tp, range) -> consumer.seek(tp, range[0]));
        long end = System.nanoTime() + deadline.toNanos();
        while (!open.isEmpty() && System.nanoTime() < end) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                long[] range = open.get(tp);
                if (range != null && record.offset() < range[1]) {
                    open.remove(tp); // a readable record: a real lag
                }
            }
            for (TopicPartition tp : Set.copyOf(open.keySet())) {
                if (consumer.position(tp) >= open.get(tp)[1]) {
                    open.remove(tp);
                    markersOnly.add(tp);
                }
            }
            Set<TopicPartition> decided = new HashSet<>(ranges.keySet());
            decided.removeAll(open.keySet());
            consumer.pause(decided);
        }
        consumer.unsubscribe();
        return markersOnly;
    }
}
