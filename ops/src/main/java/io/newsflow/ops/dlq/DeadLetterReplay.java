package io.newsflow.ops.dlq;

import io.newsflow.avro.DeadLetter;
import io.newsflow.schemas.Topics;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Re-publishes dead letters after a fix: for each letter of {@code news.articles.dlq} that the
 * {@link ReplayFilter} takes, its original key and value bytes go back to its source topic
 * unchanged, with the headers the letter carries (the original record's, where the processor had
 * them) plus {@value #REPLAY_HEADER} = {@code news.articles.dlq/<partition>@<offset>}, and the
 * letter's timestamp (the original record's, for event-time views). The DLQ is read with
 * read_committed up to the end it had when the replay started, so letters written while it runs
 * (an article that fails again) are left for the next one.
 *
 * <p>Not replayed, with the reason: letters without a source topic or original value, letters of
 * a compacted topic (an old {@code news.gazetteer} entry would overwrite a newer one: publish it
 * again with {@code gazetteer put}), and letters of the DLQ itself. Unreadable letters are reported
 * with their offset. Each run replays every letter it takes: a second run of the same range sends
 * them again (the processor then enriches the article again, same key); narrow it with the filter.
 */
public final class DeadLetterReplay {
    public static final String REPLAY_HEADER = "newsflow.replay.of";

    /** What a replay did. */
    public record Summary(long read, long taken, long replayed, long notReplayable, long unreadable, long failed,
                          boolean dryRun) {
        @Override
        public String toString() {
            return (dryRun ? "dry run: would replay " : "replayed ") + replayed + " of " + read + " dead letter(s) ("
                    + (read - taken - unreadable) + " not selected by --stage/--since/--until, " + notReplayable
                    + " not replayable, " + unreadable + " unreadable" + (dryRun ? "" : ", " + failed + " failed to send") + ")";
        }
    }

    private final Consumer<byte[], byte[]> dlq;
    private final Deserializer<DeadLetter> letters;
    private final Producer<byte[], byte[]> producer;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Duration timeout;

    /**
     * @param dlq      a read_committed consumer without a group (the replay assigns it; the caller closes it)
     * @param letters  reads a {@link DeadLetter} from the DLQ's value bytes
     * @param producer an idempotent producer of bytes (the caller closes it); unused in a dry run
     * @param timeout  for reading the DLQ to its end and for the sends
     */
    public DeadLetterReplay(Consumer<byte[], byte[]> dlq, Deserializer<DeadLetter> letters, Producer<byte[], byte[]> producer,
                            PrintWriter out, PrintWriter err, Duration timeout) {
        this.dlq = dlq;
        this.letters = letters;
        this.producer = producer;
        this.out = out;
        this.err = err;
        this.timeout = timeout;
    }

    private record Pending(String what, Future<RecordMetadata> sent) {
    }

    public Summary run(ReplayFilter filter, boolean dryRun) throws InterruptedException, TimeoutException {
        List<TopicPartition> partitions = dlq.partitionsFor(Topics.DLQ, timeout).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
        dlq.assign(partitions);
        dlq.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = new HashMap<>(dlq.endOffsets(partitions, timeout));
        long read = 0;
        long taken = 0;
        long notReplayable = 0;
        long unreadable = 0;
        List<Pending> pending = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        ends.entrySet().removeIf(e -> dlq.position(e.getKey()) >= e.getValue());
        while (!ends.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("did not reach the end of " + Topics.DLQ + " within " + timeout + " (left: " + ends + ")");
            }
            for (ConsumerRecord<byte[], byte[]> record : dlq.poll(Duration.ofMillis(200))) {
                Long end = ends.get(new TopicPartition(record.topic(), record.partition()));
                if (end == null || record.offset() >= end) {
                    continue;
                }
                read++;
                String at = Topics.DLQ + "/" + record.partition() + "@" + record.offset();
                Optional<DeadLetter> letter = read(record, at);
                if (letter.isEmpty()) {
                    unreadable++;
                    continue;
                }
                if (!filter.test(letter.get())) {
                    continue;
                }
                taken++;
                Optional<String> why = notReplayable(letter.get());
                if (why.isPresent()) {
                    notReplayable++;
                    out.println("not replayed " + describe(at, letter.get()) + ": " + why.get());
                    continue;
                }
                if (dryRun) {
                    out.println("would replay " + describe(at, letter.get()) + " -> " + letter.get().getSourceTopic());
                    pending.add(new Pending(at, null));
                } else {
                    pending.add(new Pending(describe(at, letter.get()), producer.send(replayOf(record, letter.get(), at))));
                }
            }
            ends.entrySet().removeIf(e -> dlq.position(e.getKey()) >= e.getValue());
        }
        long failed = dryRun ? 0 : awaitSends(pending);
        out.flush();
        err.flush();
        return new Summary(read, taken, pending.size() - failed, notReplayable, unreadable, failed, dryRun);
    }

    private Optional<DeadLetter> read(ConsumerRecord<byte[], byte[]> record, String at) {
        try {
            DeadLetter letter = record.value() == null ? null : letters.deserialize(Topics.DLQ, record.value());
            if (letter == null) {
                err.println("unreadable dead letter at " + at + ": no value");
            }
            return Optional.ofNullable(letter);
        } catch (RuntimeException e) {
            err.println("unreadable dead letter at " + at + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<String> notReplayable(DeadLetter letter) {
        String source = letter.getSourceTopic();
        if (source == null || source.isBlank()) {
            return Optional.of("the letter names no source topic");
        }
        if (letter.getOriginalValue() == null) {
            return Optional.of("the letter kept no original value");
        }
        if (Topics.DLQ.equals(source)) {
            return Optional.of("it is a dead letter of the dead-letter topic itself");
        }
        if (Topics.COMPACTED.contains(source)) {
            return Optional.of(source + " is compacted: an old entry would overwrite a newer one; publish it again"
                    + " (for the gazetteer: newsflow gazetteer put)");
        }
        return Optional.empty();
    }

    private static ProducerRecord<byte[], byte[]> replayOf(ConsumerRecord<byte[], byte[]> record, DeadLetter letter, String at) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!REPLAY_HEADER.equals(header.key())) {
                headers.add(header);
            }
        }
        headers.add(REPLAY_HEADER, at.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(letter.getSourceTopic(), null, record.timestamp(), bytes(letter.getOriginalKey()),
                bytes(letter.getOriginalValue()), headers);
    }

    private long awaitSends(List<Pending> pending) throws InterruptedException {
        producer.flush();
        long failed = 0;
        for (Pending p : pending) {
            try {
                RecordMetadata m = p.sent().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                out.println("replayed " + p.what() + " -> " + m.topic() + "/" + m.partition() + "@" + m.offset());
            } catch (ExecutionException e) {
                failed++;
                err.println("failed to replay " + p.what() + ": " + e.getCause().getMessage());
            } catch (TimeoutException e) {
                failed++;
                err.println("failed to replay " + p.what() + ": no acknowledgement within " + timeout);
            }
        }
        return failed;
    }

    private static String describe(String at, DeadLetter letter) {
        byte[] key = bytes(letter.getOriginalKey());
        return at + " (" + letter.getStage() + ", failed " + letter.getFailedAt()
                + (letter.getSourceTopic() == null ? "" : ", from " + letter.getSourceTopic() + "/" + letter.getSourcePartition()
                + "@" + letter.getSourceOffset())
                + (key == null ? "" : ", key " + new String(key, StandardCharsets.UTF_8)) + ")";
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        java.nio.ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
