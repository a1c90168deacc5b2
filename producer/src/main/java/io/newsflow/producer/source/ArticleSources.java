package io.newsflow.producer.source;

import java.nio.file.Files;
import java.nio.file.Path;

/** Picks the source for what an operator names on the command line. */
public final class ArticleSources {
    /** A {@link FolderSource} for a directory, else a {@link FileSource} (which reports a missing file itself). */
    public static ArticleSource forPath(Path path, ArticleFileParser parser) {
        return Files.isDirectory(path) ? new FolderSource(path, parser) : new FileSource(path, parser);
    }

    private ArticleSources() {
    }
}
