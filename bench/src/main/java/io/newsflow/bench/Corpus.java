package io.newsflow.bench;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.source.ArticleFileParser;
import io.newsflow.producer.source.ArticleParseException;
import io.newsflow.producer.source.ArticleSink;
import io.newsflow.producer.source.BundledSamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The articles the benchmarks run on: real news articles, parsed by the producer's
 * {@link ArticleFileParser} exactly as ingestion would.
 *
 * <p>Where they come from, first match wins:
 * <ol>
 *   <li>the directory in system property {@value #PROPERTY} or environment variable {@value #ENV};</li>
 *   <li>the evaluation articles of the shared workspace, {@code ../shared/eval/dev/articles} seen from
 *       the project root (looked up from the working directory and its parents) — read in place,
 *       never copied into the project;</li>
 *   <li>the sample articles bundled in the producer jar, so the benchmarks run on a clean clone.</li>
 * </ol>
 */
public final class Corpus {
    public static final String PROPERTY = "newsflow.bench.corpus";
    public static final String ENV = "NEWSFLOW_BENCH_CORPUS";
    static final Path SHARED_EVAL = Path.of("..", "shared", "eval", "dev", "articles");

    private final List<RawArticle> articles;
    private final String origin;

    Corpus(List<RawArticle> articles, String origin) {
        if (articles.isEmpty()) {
            throw new IllegalStateException("no articles in " + origin);
        }
        this.articles = List.copyOf(articles);
        this.origin = origin;
    }

    /** The corpus per the lookup order above. */
    public static Corpus load() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENV);
        }
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured.trim());
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(PROPERTY + "/" + ENV + " is not a directory: " + dir.toAbsolutePath());
            }
            return fromDirectory(dir);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; dir != null && up < 4; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve(SHARED_EVAL).normalize();
            if (Files.isDirectory(candidate) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return fromDirectory(candidate);
            }
        }
        return bundled();
    }

    /** Every {@code *.txt} and {@code *.md} file of {@code dir}, in name order. */
    public static Corpus fromDirectory(Path dir) {
        ArticleFileParser parser = new ArticleFileParser();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".txt") || p.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        List<RawArticle> articles = new ArrayList<>();
        for (Path file : files) {
            try {
                articles.add(parser.parse(file));
            } catch (ArticleParseException e) {
                throw new IllegalStateException("cannot parse benchmark article " + file + ": " + e.getMessage(), e);
            }
        }
        return new Corpus(articles, dir.toAbsolutePath().normalize().toString());
    }

    /** The producer's bundled samples. */
    public static Corpus bundled() {
        List<RawArticle> articles = new ArrayList<>();
        try {
            new BundledSamples(new ArticleFileParser()).read(new ArticleSink() {
                @Override
                public void accept(RawArticle article) {
                    articles.add(article);
                }

                @Override
                public void reject(ArticleParseException error) {
                    throw new IllegalStateException("cannot parse a bundled sample: " + error.getMessage(), error);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled samples", e);
        }
        return new Corpus(articles, "bundled samples (classpath:samples/)");
    }

    public List<RawArticle> articles() {
        return Collections.unmodifiableList(articles);
    }

    public int size() {
        return articles.size();
    }

    /** Where the articles were read from, for the report. */
    public String origin() {
        return origin;
    }

    /** Words of each body: maximal runs of non-whitespace characters. */
    public int[] wordCounts() {
        return articles.stream().mapToInt(a -> words(a.getBody())).toArray();
    }

    /** Mean words per article body. */
    public double meanWords() {
        return java.util.Arrays.stream(wordCounts()).average().orElse(0);
    }

    /** Maximal runs of non-whitespace characters, the same count as {@code wc -w}. */
    public static int words(CharSequence text) {
        if (text == null) {
            return 0;
        }
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i)) || Character.isSpaceChar(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
