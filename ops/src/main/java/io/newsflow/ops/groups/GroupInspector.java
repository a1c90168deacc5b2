package io.newsflow.ops.groups;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListStreamsGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.StreamsGroupDescription;
import org.apache.kafka.clients.admin.StreamsGroupSubtopologyDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Group and offset questions to the cluster through the {@link Admin} client, the same for a
 * consumer group (classic or new protocol; Kafka Streams' default) and a Streams group (KIP-1071):
 * which groups exist, who is in one, what it committed, where the partitions end. Every call waits
 * at most the timeout it was built with.
 */
public final class GroupInspector {
    private final Admin admin;
    private final Duration timeout;

    public GroupInspector(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** The ids and types of every group the cluster knows, sorted by id. */
    public Map<String, GroupType> groups() throws InterruptedException, ExecutionException, TimeoutException {
        Collection<GroupListing> listings = get(admin.listGroups().all());
        Map<String, GroupType> groups = new TreeMap<>();
        for (GroupListing listing : listings) {
            groups.put(listing.groupId(), listing.type().orElse(GroupType.CLASSIC));
        }
        return groups;
    }

    /** The group, or empty when the cluster does not know it (never used, or its offsets expired). */
    public Optional<GroupInfo> describe(String groupId) throws InterruptedException, ExecutionException, TimeoutException {
        GroupType type = groups().get(groupId);
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(type == GroupType.STREAMS ? describeStreams(groupId) : describeConsumer(groupId, type));
    }

    private GroupInfo describeConsumer(String groupId, GroupType type)
            throws InterruptedException, ExecutionException, TimeoutException {
        ConsumerGroupDescription d = get(admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId));
        Set<TopicPartition> assigned = new HashSet<>();
        List<String> members = d.members().stream().map(m -> {
            assigned.addAll(m.assignment().topicPartitions());
            return m.clientId() + " " + m.host();
        }).collect(Collectors.toList());
        Set<String> topics = assigned.stream().map(TopicPartition::topic).collect(Collectors.toSet());
        return new GroupInfo(groupId, type, String.valueOf(d.groupState()), members, assigned, topics);
    }

    private GroupInfo describeStreams(String groupId) throws InterruptedException, ExecutionException, TimeoutException {
        StreamsGroupDescription d = get(admin.describeStreamsGroups(List.of(groupId)).describedGroups().get(groupId));
        List<String> members = d.members().stream().map(m -> m.clientId() + " " + m.clientHost())
                .collect(Collectors.toList());
        Set<String> topics = new HashSet<>();
        for (StreamsGroupSubtopologyDescription sub : d.subtopologies()) {
            topics.addAll(sub.sourceTopics());
        }
        return new GroupInfo(groupId, GroupType.STREAMS, String.valueOf(d.groupState()), members, Set.of(), topics);
    }

    /** The group's committed offsets (partitions it never committed are absent). */
    public Map<TopicPartition, Long> committed(GroupInfo group) throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> offsets = group.streamsGroup()
                ? get(admin.listStreamsGroupOffsets(Map.of(group.groupId(), new ListStreamsGroupOffsetsSpec()))
                        .partitionsToOffsetAndMetadata(group.groupId()))
                : get(admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((tp, om) -> {
            if (om != null) {
                committed.put(tp, om.offset());
            }
        });
        return committed;
    }

    /** Sets the group's committed offsets; the broker refuses while the group has members. */
    public void alter(GroupInfo group, Map<TopicPartition, Long> offsets)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> metadata = new HashMap<>();
        offsets.forEach((tp, offset) -> metadata.put(tp, new OffsetAndMetadata(offset)));
        if (group.streamsGroup()) {
            get(admin.alterStreamsGroupOffsets(group.groupId(), metadata).all());
        } else {
            get(admin.alterConsumerGroupOffsets(group.groupId(), metadata).all());
        }
    }

    /** Every partition of the topics (a topic that does not exist is left out). */
    public Set<TopicPartition> partitions(Collection<String> topics) throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = get(admin.listTopics().names());
        List<String> known = topics.stream().filter(existing::contains).collect(Collectors.toList());
        Set<TopicPartition> partitions = new HashSet<>();
        if (known.isEmpty()) {
            return partitions;
        }
        Map<String, TopicDescription> described = get(admin.describeTopics(known).allTopicNames());
        described.forEach((topic, d) -> d.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        return partitions;
    }

    /**
     * The end offsets a read_committed reader sees — the last stable offset: records of a
     * transaction still open are not counted as readable, commit markers before it are.
     */
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions)
            throws InterruptedException, ExecutionException, TimeoutException {
        return offsets(partitions, OffsetSpec.latest());
    }

    /** The first offsets still in the log (after retention or compaction removed older ones). */
    public Map<TopicPartition, Long> startOffsets(Collection<TopicPartition> partitions)
            throws InterruptedException, ExecutionException, TimeoutException {
        return offsets(partitions, OffsetSpec.earliest());
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, Long> result = new HashMap<>();
        if (request.isEmpty()) {
            return result;
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> infos =
                get(admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all());
        infos.forEach((tp, info) -> result.put(tp, info.offset()));
        return result;
    }

    private <T> T get(KafkaFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
