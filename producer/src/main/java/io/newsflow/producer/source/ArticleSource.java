package io.newsflow.producer.source;

import java.io.IOException;

/**
 * Somewhere articles come from: a file, a folder, a feed or page URL, stdin, the bundled samples.
 * A source hands every article it reads to the sink, in a stable order, and reports each item it
 * cannot read through {@link ArticleSink#reject} so that one bad item never stops the rest.
 */
public interface ArticleSource {
    /** A name for messages: the path or URL the source reads. */
    String name();

    /**
     * Reads all articles into {@code sink}.
     *
     * @throws IOException only when the source as a whole cannot be read (a folder that vanished,
     *                     an unreachable feed); single bad items go to {@link ArticleSink#reject}
     */
    void read(ArticleSink sink) throws IOException;

    /**
     * For {@code --follow}: reads what may be new since the last {@link #read} or poll. Sources
     * that can tell skip what has not changed (a folder's unchanged files, a feed answering 304);
     * the default reads everything again, and the producer skips what it has already sent.
     */
    default void poll(ArticleSink sink) throws IOException {
        read(sink);
    }

    /** How many items a read will report, for a progress bar; -1 when unknown. */
    default long expectedItems() {
        return -1;
    }
}
