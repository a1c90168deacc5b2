package io.newsflow.producer.state;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The ids of the articles the broker has acknowledged, kept across runs in a small append-only
 * text file (one id per line, {@code #} comments), so that a re-run over the same folder or feed
 * skips what was sent before — to the same Kafka cluster.
 *
 * <p>The ids are kept per <b>cluster id</b> (Kafka's, from {@code Admin.describeCluster()}): a line
 * {@code @cluster <id>} starts the ids sent to that cluster, and only the ids of the cluster being
 * written to are read. A new cluster on the same address (a fresh {@code ./newsflow stack}) has a
 * new id, so nothing is skipped there. Ids before any {@code @cluster} line were written by a
 * producer that did not record the cluster: they are not used ({@link #unattributedIds()} says how
 * many), since skipping them could skip articles the current cluster never received. An id is written only after its send was acknowledged; a crash may
 * lose the last unflushed ids, which are then sent again — with the same key, so downstream sees a
 * repeat of the same record, never a different one (at-least-once). The file is locked while open:
 * two producers cannot share one state file. Thread-safe (acknowledgements arrive on the
 * producer's I/O thread).
 */
public final class SentArticles implements AutoCloseable {
    private static final String HEADER = "# newsflow producer state: ids of articles the broker acknowledged, one per line,"
            + " after the '@cluster <Kafka cluster id>' they were sent to";
    private static final String CLUSTER = "@cluster ";
    private static final int FLUSH_EVERY = 256;

    private final Path file;
    private final String clusterId;
    private final Set<String> ids;
    private final int unattributedIds;
    private final int otherClustersIds;
    private final FileChannel channel;
    private final FileLock lock;
    private final BufferedWriter writer;
    private int unflushed;
    private boolean closed;

    private SentArticles(Path file, String clusterId, Loaded loaded, FileChannel channel, FileLock lock,
                         BufferedWriter writer) {
        this.file = file;
        this.clusterId = clusterId;
        this.ids = loaded.ids;
        this.unattributedIds = loaded.unattributed;
        this.otherClustersIds = loaded.otherClusters;
        this.channel = channel;
        this.lock = lock;
        this.writer = writer;
    }

    /** State kept only in memory, for runs without a state file. */
    public static SentArticles inMemory() {
        return new SentArticles(null, null, new Loaded(), null, null, null);
    }

    /** What a state file holds for one cluster. */
    private static final class Loaded {
        final Set<String> ids = new HashSet<>();
        int unattributed;
        int otherClusters;
        String lastCluster;
    }

    /**
     * Opens (creating it and its folder when missing) and locks the state file, reading the ids
     * sent to the cluster {@code clusterId}; new ids are recorded under it.
     *
     * @throws IOException when it cannot be read or written, or another producer holds it
     */
    public static SentArticles open(Path file, String clusterId) throws IOException {
        if (clusterId == null || clusterId.isBlank() || clusterId.contains(" ")) {
            throw new IllegalArgumentException("a Kafka cluster id is required, got '" + clusterId + "'");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("state file " + file + " is in use by another newsflow producer");
        }
        try {
            Loaded loaded = new Loaded();
            boolean empty = channel.size() == 0;
            BufferedReader reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                read(line.strip(), clusterId, loaded);
            }
            channel.position(channel.size());
            BufferedWriter writer = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8));
            if (empty) {
                writer.write(HEADER);
                writer.newLine();
                writer.flush();
            } else if (!endsWithNewline(channel)) {
                writer.newLine(); // a line cut short by a crash must not swallow the next id
            }
            if (!clusterId.equals(loaded.lastCluster)) {
                writer.write(CLUSTER + clusterId);
                writer.newLine();
                writer.flush();
            }
            return new SentArticles(file, clusterId, loaded, channel, lock, writer);
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    private static void read(String line, String clusterId, Loaded into) {
        if (line.startsWith(CLUSTER)) {
            into.lastCluster = line.substring(CLUSTER.length()).strip();
        } else if (!line.isEmpty() && !line.startsWith("#") && line.indexOf(' ') < 0) {
            if (into.lastCluster == null) {
                into.unattributed++;
            } else if (into.lastCluster.equals(clusterId)) {
                into.ids.add(line);
            } else {
                into.otherClusters++;
            }
        }
    }

    private static boolean endsWithNewline(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return true;
        }
        java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) == '\n';
    }

    /** The state file, or null when kept in memory. */
    public Path file() {
        return file;
    }

    /** The Kafka cluster the ids are for, or null when kept in memory. */
    public String clusterId() {
        return clusterId;
    }

    /** Ids in the file written without a cluster (by a producer before the state was kept per cluster): not used. */
    public int unattributedIds() {
        return unattributedIds;
    }

    /** Ids in the file sent to other clusters: kept, not used for this one. */
    public int otherClustersIds() {
        return otherClustersIds;
    }

    public synchronized boolean contains(String id) {
        return ids.contains(id);
    }

    public synchronized int size() {
        return ids.size();
    }

    /** Records an acknowledged article. */
    public synchronized void record(String id) {
        if (!ids.add(id) || writer == null || closed) {
            return;
        }
        try {
            writer.write(id);
            writer.newLine();
            if (++unflushed >= FLUSH_EVERY) {
                flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + file, e);
        }
    }

    /** Writes the recorded ids through to the file. */
    public synchronized void flush() {
        if (writer == null || closed) {
            return;
        }
        try {
            writer.flush();
            unflushed = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        if (writer == null || closed) {
            return;
        }
        try {
            writer.flush();
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + file, e);
        } finally {
            closed = true;
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
