package io.newsflow.producer.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * Articles piped in ({@code -} on the command line): read to the end, then parsed in the given
 * format, or in the one its first bytes suggest ({@link InputFormat#sniff}). Articles' source is
 * {@code stdin}.
 */
public final class StdinSource implements ArticleSource {
    public static final String NAME = "stdin";

    private final InputStream in;
    private final InputFormat format;
    private final ArticleFileParser parser;

    /** @param format the format of the input, or null to tell from its first bytes */
    public StdinSource(InputStream in, InputFormat format, ArticleFileParser parser) {
        this.in = in;
        this.format = format;
        this.parser = parser;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void read(ArticleSink sink) throws IOException {
        long limit = InputFormat.JSONL.maxInputBytes(parser.maxBytes());
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (content.length > limit) {
            sink.reject(ArticleFileParser.tooLarge(NAME, content.length, limit));
            return;
        }
        if (content.length == 0) {
            sink.reject(new ArticleParseException(NAME, "empty input: nothing was piped in"));
            return;
        }
        InputFormat actual = format != null ? format : InputFormat.sniff(content);
        actual.read(content, NAME, null, null, parser, sink);
    }

    /** Standard input is read once; later polls find nothing new. */
    @Override
    public void poll(ArticleSink sink) {
    }
}
