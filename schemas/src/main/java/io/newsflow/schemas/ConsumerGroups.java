package io.newsflow.schemas;

/**
 * The consumer groups of the pipeline that operators' tools name ({@code lag}, {@code offsets
 * skip}): fixed literals, like the topic names, because offsets, transactional ids and state are
 * keyed by them.
 */
public final class ConsumerGroups {
    /** The processor's Kafka Streams {@code application.id}, and so its consumer group. */
    public static final String PROCESSOR = "newsflow-processor";

    private ConsumerGroups() {
    }
}
