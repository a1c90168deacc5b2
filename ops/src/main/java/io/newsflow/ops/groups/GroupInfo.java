package io.newsflow.ops.groups;

import java.util.List;
import java.util.Set;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker says of one group: its type (a classic or new-protocol consumer group — Kafka
 * Streams' default is classic — or a Streams group), its state, its active members and the
 * topics it reads.
 *
 * @param members  one line per active member: client id and host
 * @param assigned partitions assigned to the members now (empty for an idle group)
 * @param topics   the topics the group reads, as far as the broker knows (assignments, and a
 *                 Streams group's source topics)
 */
public record GroupInfo(String groupId, GroupType type, String state, List<String> members, Set<TopicPartition> assigned,
                        Set<String> topics) {
    public GroupInfo {
        members = List.copyOf(members);
        assigned = Set.copyOf(assigned);
        topics = Set.copyOf(topics);
    }

    public boolean active() {
        return !members.isEmpty();
    }

    public boolean streamsGroup() {
        return type == GroupType.STREAMS;
    }
}
