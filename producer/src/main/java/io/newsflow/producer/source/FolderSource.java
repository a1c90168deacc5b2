package io.newsflow.producer.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every input file under a folder and its sub-folders — articles ({@code .txt}, {@code .md}),
 * pages ({@code .html}, {@code .htm}), records ({@code .json}, {@code .jsonl}), feeds
 * ({@code .rss}, {@code .atom}, {@code .xml}) — in sorted path order so that runs are repeatable;
 * hidden files and folders are skipped. {@link #poll} reads only files that are new or changed
 * (size or modification time) since this source last read them.
 */
public final class FolderSource implements ArticleSource {
    /** File name extensions read. */
    public static final Set<String> EXTENSIONS = Set.of("txt", "md", "markdown", "html", "htm", "xhtml", "json",
            "jsonl", "ndjson", "rss", "atom", "xml");

    private final Path folder;
    private final ArticleFileParser parser;
    private final Map<Path, Stamp> seen = new HashMap<>();

    private record Stamp(long size, long modified) {
    }

    public FolderSource(Path folder, ArticleFileParser parser) {
        this.folder = folder;
        this.parser = parser;
    }

    @Override
    public String name() {
        return folder.toString();
    }

    /** The input files this source reads, in the order it reads them. */
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
        read(sink, false);
    }

    @Override
    public void poll(ArticleSink sink) throws IOException {
        read(sink, true);
    }

    @Override
    public long expectedItems() {
        try {
            return files().size();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private void read(ArticleSink sink, boolean onlyChanged) throws IOException {
        for (Path file : files()) {
            Stamp stamp = stamp(file);
            if (onlyChanged && stamp != null && stamp.equals(seen.get(file))) {
                continue;
            }
            new FileSource(file, parser).read(sink);
            if (stamp != null) {
                seen.put(file, stamp);
            }
        }
    }

    private static Stamp stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.size(), attributes.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return null; // gone or unreadable: FileSource reports it
        }
    }

    static boolean isArticleFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
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
