package io.newsflow.bench;

import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.RawArticle;
import io.newsflow.processor.enrich.ArticleEnricher;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the Kafka-free enrichment, {@link ArticleEnricher#enrich}, on real articles
 * ({@link Corpus}: parsed by the producer's parser, cycled in order), single-threaded.
 *
 * <ul>
 *   <li>{@link #enrich} — one article enriched per operation: entities, geocoding, casualty figures.</li>
 *   <li>{@link #baselineLowercaseScan} — the same articles, one trivial pass over the body's characters per
 *       operation (lower-case each char, count word starts, fold into a checksum). It puts the
 *       enrichment in proportion ("N times the cost of reading the text once") and, being run in
 *       the same fork, shows how noisy the machine was.</li>
 * </ul>
 *
 * <p>Words per second: each operation adds its article's word count (whitespace-separated runs,
 * counted once at setup) to the {@link Words} auxiliary counter, which JMH reports as
 * {@code ·words} in ops/s, i.e. words/s, with its own error. Over whole cycles of the corpus this
 * equals ops/s × mean words per article. One thread, so the figure is per core.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar -f 1 -wi 3 -i 5 -t 1 EnrichmentBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
// the enricher is a lot of code: on 2 cores C2 needs ~20-25 s to settle, hence 3 x 10 s of warm-up
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 5)
public class EnrichmentBenchmark {

    private ArticleEnricher enricher;
    private RawArticle[] articles;
    private String[] texts;
    private int[] words;
    private int next;

    /** Words processed, reported by JMH as a rate (words/s) next to the primary ops/s. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Words {
        public long words;

        @Setup(Level.Iteration)
        public void reset() {
            words = 0;
        }
    }

    @Setup(Level.Trial)
    public void load() {
        Corpus corpus = Corpus.load();
        List<RawArticle> list = corpus.articles();
        articles = list.toArray(new RawArticle[0]);
        texts = list.stream().map(a -> a.getBody() == null ? "" : a.getBody()).toArray(String[]::new);
        words = corpus.wordCounts();
        enricher = ArticleEnricher.loadDefault();
        // the first call loads lazily-initialised tables, if any; not part of any iteration
        for (RawArticle a : articles) {
            enricher.enrich(a);
        }
        next = 0;
        System.out.printf("%n# corpus: %d articles, %.1f words/article (mean) from %s%n",
                articles.length, corpus.meanWords(), corpus.origin());
    }

    @Benchmark
    public EnrichedArticle enrich(Words counter) {
        int i = next;
        next = i + 1 == articles.length ? 0 : i + 1;
        counter.words += words[i];
        return enricher.enrich(articles[i]);
    }

    @Benchmark
    public long baselineLowercaseScan(Words counter) {
        int i = next;
        next = i + 1 == articles.length ? 0 : i + 1;
        counter.words += words[i];
        return scan(texts[i]);
    }

    /** Lower-cases every char and counts word starts; the checksum keeps the JIT from dropping the work. */
    public static long scan(String text) {
        long hash = 17;
        int wordStarts = 0;
        boolean inWord = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            boolean letter = Character.isLetterOrDigit(c);
            if (letter && !inWord) {
                wordStarts++;
            }
            inWord = letter;
            hash = 31 * hash + c;
        }
        return hash + wordStarts;
    }
}
