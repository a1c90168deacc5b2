package io.newsflow.producer.source;

import java.nio.file.Path;

/** One article file. */
public final class FileSource implements ArticleSource {
    private final Path file;
    private final ArticleFileParser parser;

    public FileSource(Path file, ArticleFileParser parser) {
        this.file = file;
        this.parser = parser;
    }

    @Override
    public String name() {
        return file.toString();
    }

    @Override
    public void read(ArticleSink sink) {
        try {
            sink.accept(parser.parse(file));
        } catch (ArticleParseException e) {
            sink.reject(e);
        }
    }
}
