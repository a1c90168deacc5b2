package io.newsflow.producer.source;

/**
 * An article that cannot be read: names the file (or other source) and, where it applies, the
 * line, so an operator can find and fix it. The message reads like a compiler's:
 * {@code articles/x.txt:12: not valid UTF-8 (byte 0xe9 at offset 345)}.
 */
public class ArticleParseException extends Exception {
    private final String source;
    private final int line;

    public ArticleParseException(String source, String reason) {
        this(source, 0, reason, null);
    }

    public ArticleParseException(String source, int line, String reason) {
        this(source, line, reason, null);
    }

    public ArticleParseException(String source, int line, String reason, Throwable cause) {
        super(source + (line > 0 ? ":" + line : "") + ": " + reason, cause);
        this.source = source;
        this.line = line;
    }

    /** The file, URL or other origin of the article. */
    public String source() {
        return source;
    }

    /** The 1-based line the problem is on, or 0 when it concerns the whole input. */
    public int line() {
        return line;
    }
}
