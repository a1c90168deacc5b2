package io.newsflow.ops.groups;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.TopicPartition;

/**
 * The last resort for a record that stops a group: moves the group's committed offset of one
 * partition to just past it ({@code offset + 1}). Refuses — with the reason, and without
 * touching anything — when the group has active members (the broker would refuse too, and a
 * running instance would overwrite the offset on its next commit), when the group or the offset
 * does not exist, and when the group's committed offset is below the record: that would skip the
 * records in between too, unless {@code force}.
 */
public final class OffsetSkip {
    /** What was done, or why not. */
    public record Outcome(boolean done, boolean refused, String message) {
        static Outcome done(String message) {
            return new Outcome(true, false, message);
        }

        static Outcome nothingToDo(String message) {
            return new Outcome(false, false, message);
        }

        static Outcome refused(String message) {
            return new Outcome(false, true, message);
        }
    }

    private final GroupInspector inspector;

    public OffsetSkip(GroupInspector inspector) {
        this.inspector = inspector;
    }

    public Outcome skip(String groupId, TopicPartition partition, long offset, boolean force, boolean dryRun)
            throws InterruptedException, ExecutionException, TimeoutException {
        Optional<GroupInfo> found = inspector.describe(groupId);
        if (found.isEmpty()) {
            return Outcome.refused("no consumer group '" + groupId + "' on this cluster (check --group; `lag` lists none either)");
        }
        GroupInfo group = found.get();
        if (group.active()) {
            return Outcome.refused("group '" + groupId + "' has " + group.members().size() + " active member(s) ("
                    + String.join(", ", group.members()) + "), state " + group.state()
                    + ": stop every instance of it first (for the processor: every `newsflow process`), then run this again");
        }
        if (inspector.partitions(List.of(partition.topic())).stream().noneMatch(partition::equals)) {
            return Outcome.refused("no partition " + partition + " on this cluster");
        }
        long start = inspector.startOffsets(List.of(partition)).getOrDefault(partition, 0L);
        long end = inspector.endOffsets(List.of(partition)).getOrDefault(partition, 0L);
        if (offset < start || offset >= end) {
            return Outcome.refused("offset " + offset + " is not in " + partition + " (its records span " + start + ".."
                    + (end - 1) + ")");
        }
        Long committed = inspector.committed(group).get(partition);
        String from = committed == null ? "none" : String.valueOf(committed);
        if (committed != null && committed > offset) {
            return Outcome.nothingToDo("group '" + groupId + "' is already past offset " + offset + " of " + partition
                    + " (committed " + committed + "); nothing changed");
        }
        if (committed != null && committed < offset && !force) {
            return Outcome.refused("group '" + groupId + "' has committed " + committed + " on " + partition
                    + ": moving to " + (offset + 1) + " would skip records " + committed + ".." + offset
                    + ", not only " + offset + "; pass --force to skip them all");
        }
        String what = "group '" + groupId + "' on " + partition + ": committed " + from + " -> " + (offset + 1)
                + " (record " + offset + " skipped" + (committed != null && committed < offset
                ? ", with records " + committed + ".." + (offset - 1) : "") + ")";
        if (dryRun) {
            return Outcome.nothingToDo("dry run, would set " + what);
        }
        inspector.alter(group, Map.of(partition, offset + 1));
        return Outcome.done("set " + what);
    }
}
