package io.newsflow.producer.source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * The input files this source reads, in the order it reads them. A file or sub-folder that
     * disappears while the folder is listed (a writer's temporary file renamed into place, a
     * deleted file) is left out rather than failing the listing.
     */
    public List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return dir.equals(folder) || !isHidden(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                boolean regular = attributes.isRegularFile() || (attributes.isSymbolicLink() && Files.isRegularFile(file));
                if (regular && !file.equals(folder) && !isHidden(file) && isArticleFile(file)) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException && !file.equals(folder)) {
                    return FileVisitResult.CONTINUE; // gone since the folder was listed
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException && !dir.equals(folder))) {
                    throw e;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
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

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
