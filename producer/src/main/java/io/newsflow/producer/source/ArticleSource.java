package io.newsflow.producer.source;

import java.io.IOException;

/**
 * Somewhere articles come from: a file, a folder, the bundled samples — later feeds, pages and
 * stdin. A source hands every article it reads to the sink, in a stable order, and reports each
 * item it cannot read through {@link ArticleSink#reject} so that one bad item never stops the rest.
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
}
