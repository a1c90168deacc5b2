package io.newsflow.producer.app;

/** What a produce run did: articles sent, and articles that failed (unreadable or not sent). */
public record ProduceResult(long sent, long failed) {
    /** 0 when every article was sent, 1 when any failed or none was found. */
    public int exitCode() {
        return failed == 0 && sent > 0 ? 0 : 1;
    }

    @Override
    public String toString() {
        return "sent " + sent + ", failed " + failed;
    }
}
