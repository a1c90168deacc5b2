package io.newsflow.producer.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The kinds of input the producer reads, by file name extension or by a look at the first bytes. */
public enum InputFormat {
    /** Plain text or markdown article ({@link ArticleFileParser}). */
    TEXT("txt", "md", "markdown"),
    /** A news web page ({@link HtmlArticles}). */
    HTML("html", "htm", "xhtml"),
    /** One JSON record, an array of them, or {"articles": [...]} ({@link JsonArticles}). */
    JSON("json"),
    /** One JSON record per line ({@link JsonArticles}). */
    JSONL("jsonl", "ndjson"),
    /** An RSS or Atom feed ({@link FeedArticles}). */
    FEED("rss", "atom", "xml");

    private final String[] extensions;

    InputFormat(String... extensions) {
        this.extensions = extensions;
    }

    /** The format a file name's extension names, if any. */
    public static Optional<InputFormat> forFileName(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (InputFormat format : values()) {
            for (String e : format.extensions) {
                if (e.equals(ext)) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The format of content without a name (stdin, a URL with no useful content type): '{' starts
     * JSON lines, '[' a JSON array, markup a feed (&lt;rss&gt;, &lt;feed&gt;, &lt;rdf:RDF&gt;) or
     * else an HTML page; anything else is text.
     */
    public static InputFormat sniff(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 2048), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1).stripLeading();
        }
        if (head.startsWith("{")) {
            return JSONL;
        }
        if (head.startsWith("[")) {
            return JSON;
        }
        if (head.startsWith("<")) {
            return FeedArticles.looksLikeFeed(head) ? FEED : HTML;
        }
        return TEXT;
    }

    /** The largest input of this format read whole, for an article limit of {@code maxArticleBytes}. */
    long maxInputBytes(long maxArticleBytes) {
        return switch (this) {
            case TEXT -> maxArticleBytes;
            case HTML -> HtmlArticles.maxPageBytes(maxArticleBytes);
            case FEED -> FeedArticles.maxFeedBytes(maxArticleBytes);
            case JSON, JSONL -> Math.max(512L << 20, maxArticleBytes);
        };
    }

    /**
     * Reads the articles in {@code content} into {@code sink}.
     *
     * @param url     where the content was fetched from (resolves relative links; a page's URL), or null
     * @param charset the charset a server declared for an HTML page, or null
     */
    void read(byte[] content, String source, String url, String charset, ArticleFileParser parser, ArticleSink sink)
            throws IOException {
        switch (this) {
            case TEXT -> {
                try {
                    sink.accept(parser.parse(content, source));
                } catch (ArticleParseException e) {
                    sink.reject(e);
                }
            }
            case HTML -> {
                try {
                    sink.accept(HtmlArticles.parse(content, charset, url, source, parser));
                } catch (ArticleParseException e) {
                    sink.reject(e);
                }
            }
            case JSON -> JsonArticles.readDocument(content, source, parser, sink);
            case JSONL -> JsonArticles.readLines(content, source, parser, sink);
            case FEED -> FeedArticles.read(content, source, url, parser, sink);
            default -> throw new IllegalStateException(name());
        }
    }
}
