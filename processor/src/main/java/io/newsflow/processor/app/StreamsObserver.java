package io.newsflow.processor.app;

import io.newsflow.observability.health.CheckResult;
import io.newsflow.observability.health.Health;
import io.newsflow.processor.topology.EnrichmentTopology;
import io.newsflow.schemas.Topics;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.processor.TaskId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the processor tells its operators about itself: the Streams client's state changes, the
 * restoration of state stores (the gazetteer's global store first of all) and, each time the
 * client settles in RUNNING, which tasks this instance now runs — all at INFO — and the health
 * behind {@code /health/live} and {@code /health/ready}:
 *
 * <ul>
 * <li><b>live</b> ({@code streams}): down only in ERROR (the client stopped on a fatal error and
 *     the process is about to exit 1); starting, rebalancing and shutting down are alive.</li>
 * <li><b>ready</b>: {@code streams} RUNNING, and {@code gazetteer}: every partition of
 *     {@code news.gazetteer} restored into the global store, so the operators' entries are
 *     applied before the first article is enriched.</li>
 * </ul>
 */
final class StreamsObserver implements StateRestoreListener {
    private static final Logger log = LoggerFactory.getLogger(StreamsObserver.class);

    private final Map<TopicPartition, Boolean> gazetteerPartitions = new ConcurrentHashMap<>();
    private volatile KafkaStreams streams;
    private volatile KafkaStreams.State state = KafkaStreams.State.CREATED;
    private volatile String lastAssignment = "";

    /** The client whose tasks are logged; set once it exists. */
    void observe(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Called by the client's state listener. */
    void onStateChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        state = newState;
        switch (newState) {
            case REBALANCING -> log.info("processor state {} -> REBALANCING: the group is reassigning tasks ({})", oldState,
                    oldState == KafkaStreams.State.CREATED ? "joining at start" : "an instance or thread joined or left,"
                            + " or partitions changed");
            case RUNNING -> {
                log.info("processor state {} -> RUNNING", oldState);
                logAssignment();
            }
            case ERROR -> log.error("processor state {} -> ERROR: the client stopped on a fatal error (see above)", oldState);
            default -> log.info("processor state {} -> {}", oldState, newState);
        }
    }

    private void logAssignment() {
        KafkaStreams client = streams;
        if (client == null) {
            return;
        }
        try {
            Set<ThreadMetadata> threads = client.metadataForLocalThreads();
            String active = tasks(threads, true);
            String standby = tasks(threads, false);
            String assignment = "active tasks [" + active + "], standby tasks [" + standby + "] on " + threads.size()
                    + " thread(s)";
            if (!assignment.equals(lastAssignment)) {
                log.info("assignment: {}", assignment);
                lastAssignment = assignment;
            }
        } catch (RuntimeException e) {
            log.warn("cannot read this instance's assignment: {}", e.toString());
        }
    }

    private static String tasks(Set<ThreadMetadata> threads, boolean active) {
        return threads.stream()
                .flatMap(t -> (active ? t.activeTasks() : t.standbyTasks()).stream())
                .map(task -> task.taskId())
                .sorted(TaskId::compareTo)
                .map(TaskId::toString)
                .collect(Collectors.joining(", "));
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
        if (EnrichmentTopology.GAZETTEER_STORE.equals(storeName)) {
            gazetteerPartitions.put(partition, Boolean.FALSE);
        }
        log.info("restoring store {} from {} offsets {} to {} ({} records)", storeName, partition, startingOffset,
                endingOffset, Math.max(0, endingOffset - startingOffset));
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
        // per batch is too chatty for INFO; start and end are logged
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
        if (EnrichmentTopology.GAZETTEER_STORE.equals(storeName)) {
            gazetteerPartitions.put(partition, Boolean.TRUE);
        }
        log.info("restored store {} from {}: {} records", storeName, partition, totalRestored);
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String storeName, long totalRestored) {
        log.info("restoring store {} from {} suspended after {} records (the task moved to another instance)",
                storeName, partition, totalRestored);
    }

    /** The checks of this client: liveness {@code streams}, readiness {@code streams} and {@code gazetteer}. */
    Health health() {
        return new Health()
                .addLiveness("streams", this::live)
                .addReadiness("streams", this::running)
                .addReadiness("gazetteer", this::gazetteerRestored);
    }

    private CheckResult live() {
        KafkaStreams.State now = state;
        return now == KafkaStreams.State.ERROR
                ? CheckResult.down("ERROR: the Streams client stopped on a fatal error")
                : CheckResult.up(now.name());
    }

    private CheckResult running() {
        KafkaStreams.State now = state;
        return now == KafkaStreams.State.RUNNING ? CheckResult.up(now.name()) : CheckResult.down(now.name());
    }

    private CheckResult gazetteerRestored() {
        long total = gazetteerPartitions.size();
        long done = gazetteerPartitions.values().stream().filter(Boolean::booleanValue).count();
        if (total == 0) {
            return CheckResult.down(Topics.GAZETTEER + " not restored yet");
        }
        return done == total
                ? CheckResult.up(Topics.GAZETTEER + " restored (" + total + " partitions)")
                : CheckResult.down("restoring " + Topics.GAZETTEER + ": " + done + " of " + total + " partitions done");
    }
}
