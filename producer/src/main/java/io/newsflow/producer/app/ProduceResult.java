package io.newsflow.producer.app;

/**
 * What a produce run did.
 *
 * @param sent    articles the broker acknowledged
 * @param skipped articles not sent because they were sent before (the state file) or appeared
 *                twice in this run
 * @param failed  inputs that could not be read and articles that could not be sent
 * @param aborted the producer stopped on a fatal error (broker unreachable, not authorised, ...),
 *                so later articles were not tried
 */
public record ProduceResult(long sent, long skipped, long failed, boolean aborted) {
    /** Exit code: every article was sent or skipped as already sent. */
    public static final int OK = 0;
    /** Exit code: some input could not be read or some article could not be sent; the rest were. */
    public static final int SOME_FAILED = 1;
    /** Exit code: usage error (picocli's). */
    public static final int USAGE = 2;
    /** Exit code: the sources held no article at all. */
    public static final int NOTHING_FOUND = 3;
    /** Exit code: the Kafka producer could not start, or stopped on a fatal error. */
    public static final int PRODUCER_STOPPED = 4;

    public ProduceResult(long sent, long failed) {
        this(sent, 0, failed, false);
    }

    public ProduceResult(long sent, long skipped, long failed) {
        this(sent, skipped, failed, false);
    }

    /** See the constants: 0 all sent or skipped, 1 some failed, 3 nothing found, 4 producer stopped. */
    public int exitCode() {
        if (aborted) {
            return PRODUCER_STOPPED;
        }
        if (failed > 0) {
            return SOME_FAILED;
        }
        return sent + skipped == 0 ? NOTHING_FOUND : OK;
    }

    @Override
    public String toString() {
        return "sent " + sent + ", skipped " + skipped + " as duplicate, failed " + failed
                + (aborted ? " (the producer stopped on a fatal error)" : "");
    }
}
