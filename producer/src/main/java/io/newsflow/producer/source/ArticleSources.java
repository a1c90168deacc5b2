package io.newsflow.producer.source;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Picks the source for what an operator names on the command line. */
public final class ArticleSources {
    /** A {@link FolderSource} for a directory, else a {@link FileSource} (which reports a missing file itself). */
    public static ArticleSource forPath(Path path, ArticleFileParser parser) {
        return Files.isDirectory(path) ? new FolderSource(path, parser) : new FileSource(path, parser);
    }

    /**
     * {@code -} → standard input (in {@code stdinFormat}, or sniffed when null); an http(s) URL →
     * a feed or page ({@link UrlSource}); anything else → a file or folder.
     */
    public static ArticleSource forArgument(String argument, ArticleFileParser parser, PageFetcher fetcher,
                                            InputStream stdin, InputFormat stdinFormat) {
        if (argument.equals("-")) {
            return new StdinSource(stdin, stdinFormat, parser);
        }
        String lower = argument.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return new UrlSource(URI.create(argument.strip()), fetcher, parser);
        }
        return forPath(Path.of(argument), parser);
    }

    private ArticleSources() {
    }
}
