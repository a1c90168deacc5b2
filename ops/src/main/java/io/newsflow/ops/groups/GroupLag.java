package io.newsflow.ops.groups;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * A group's lag per partition: every partition of every topic the group reads (its committed
 * offsets, its members' assignment, a Streams group's source topics), with the committed offset,
 * the read_committed end offset and the lag; partitions whose only unread offsets are transaction
 * markers count 0 ({@link MarkerProbe}).
 */
public final class GroupLag {
    private GroupLag() {
    }

    public static List<PartitionLag> of(GroupInspector inspector, GroupInfo group, MarkerProbe probe)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, Long> committed = inspector.committed(group);
        Set<String> topics = new HashSet<>(group.topics());
        committed.keySet().forEach(tp -> topics.add(tp.topic()));
        Set<TopicPartition> partitions = inspector.partitions(topics);
        partitions.addAll(committed.keySet());
        Map<TopicPartition, Long> ends = inspector.endOffsets(partitions);

        Map<TopicPartition, long[]> behind = new HashMap<>();
        for (TopicPartition tp : partitions) {
            Long offset = committed.get(tp);
            long end = ends.getOrDefault(tp, 0L);
            if (offset != null && end > offset) {
                behind.put(tp, new long[] {offset, end});
            }
        }
        Set<TopicPartition> markersOnly = probe == null ? Set.of() : probe.markersOnly(behind);

        List<PartitionLag> lags = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            Long offset = committed.get(tp);
            long end = ends.getOrDefault(tp, 0L);
            Long lag = offset == null ? null : markersOnly.contains(tp) ? 0L : Math.max(0, end - offset);
            lags.add(new PartitionLag(group.groupId(), tp, offset, end, lag, markersOnly.contains(tp)));
        }
        lags.sort(Comparator.comparing(PartitionLag::topic).thenComparingInt(PartitionLag::partitionNumber));
        return lags;
    }

    /** The sum of the known lags. */
    public static long total(List<PartitionLag> lags) {
        return lags.stream().filter(l -> l.lag() != null).mapToLong(PartitionLag::lag).sum();
    }

    /** Partitions the group never committed. */
    public static List<TopicPartition> uncommitted(List<PartitionLag> lags) {
        return lags.stream().filter(l -> l.committed() == null).map(PartitionLag::partition).collect(Collectors.toList());
    }
}
