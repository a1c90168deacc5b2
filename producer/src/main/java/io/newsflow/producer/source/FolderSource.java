package io.newsflow.producer.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every article file ({@code .txt}, {@code .md}) under a folder and its sub-folders, in sorted
 * path order so that runs are repeatable; hidden files and folders are skipped.
 */
public final class FolderSource implements ArticleSource {
    /** File name extensions read as articles. */
    public static final Set<String> EXTENSIONS = Set.of("txt", "md");

    private final Path folder;
    private final ArticleFileParser parser;

    public FolderSource(Path folder, ArticleFileParser parser) {
        this.folder = folder;
        this.parser = parser;
    }

    @Override
    public String name() {
        return folder.toString();
    }

    /** The article files this source reads, in the order it reads them. */
    public List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> !p.equals(folder))
                    .filter(p -> !isHidden(folder.relativize(p)))
                    .filter(Files::isRegularFile)
                    .filter(FolderSource::isArticleFile)
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    @Override
    public void read(ArticleSink sink) throws IOException {
        for (Path file : files()) {
            new FileSource(file, parser).read(sink);
        }
    }

    static boolean isArticleFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
