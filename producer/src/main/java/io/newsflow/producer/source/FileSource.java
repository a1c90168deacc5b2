package io.newsflow.producer.source;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One input file, read by its extension: {@code .txt}/{@code .md} article, {@code .html} page,
 * {@code .json}/{@code .jsonl} records, {@code .rss}/{@code .atom}/{@code .xml} feed. A file with
 * another extension is read as a text article.
 */
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
    public void read(ArticleSink sink) throws IOException {
        InputFormat format = InputFormat.forFileName(file.getFileName() == null ? "" : file.getFileName().toString())
                .orElse(InputFormat.TEXT);
        byte[] content;
        try {
            content = ArticleFileParser.readFile(file, format.maxInputBytes(parser.maxBytes()));
        } catch (ArticleParseException e) {
            sink.reject(e);
            return;
        }
        format.read(content, file.toString(), null, null, parser, sink);
    }
}
