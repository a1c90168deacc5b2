package io.newsflow.ops.groups;

import org.apache.kafka.common.TopicPartition;

/**
 * One partition of a group: its committed offset (null: the group never committed one there), the
 * end offset a read_committed reader sees (the last stable offset), and the lag between them.
 *
 * @param lag         offsets from the committed one to the end, or null when nothing was committed;
 *                    0 when only transaction markers (or aborted records) lie in between
 * @param markersOnly true when {@code end - committed > 0} but nothing readable lies in between
 */
public record PartitionLag(String group, TopicPartition partition, Long committed, long end, Long lag, boolean markersOnly) {
    public String topic() {
        return partition.topic();
    }

    public int partitionNumber() {
        return partition.partition();
    }
}
