package io.newsflow.bench.recognisers;

import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.RawArticle;
import io.newsflow.bench.Corpus;
import io.newsflow.bench.EnrichmentBenchmark;
import io.newsflow.bench.EnrichmentBenchmark.Words;
import io.newsflow.processor.enrich.ArticleEnricher;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Words/s per core of each stock recogniser ({@link #recognise}, one per {@code recogniser} parameter), of the
 * project's whole enrichment ({@link #projectEnrich}) and of {@link #baselineLowercaseScan} (the same trivial pass
 * as {@link EnrichmentBenchmark}), in one run on the same articles ({@link Corpus}), one thread. A recogniser's
 * figure covers its tokenizer, tagger and NER on the body, nothing else (no linking, no figures). Models load once
 * per fork in {@link Model#load}, outside every iteration. Words/s is {@link EnrichmentBenchmark}'s aux counter.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx5g"})
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 5)
public class RecogniserBenchmark {

    private RawArticle[] articles;
    private String[] texts;
    private int[] words;
    private int next;

    /** The stock recogniser under test; loaded only by the benchmarks that take it. */
    @State(Scope.Thread)
    public static class Model {
        @Param({"nlp4j", "corenlp"})
        public String recogniser;
        Recogniser model;

        @Setup(Level.Trial)
        public void load() {
            model = Recognisers.load(recogniser);
        }
    }

    /** The project's enricher; loaded only by {@link #projectEnrich}. */
    @State(Scope.Thread)
    public static class Project {
        ArticleEnricher enricher;

        @Setup(Level.Trial)
        public void load() {
            enricher = ArticleEnricher.loadDefault();
        }
    }

    @Setup(Level.Trial)
    public void corpus() {
        Corpus corpus = Corpus.load();
        List<RawArticle> list = corpus.articles();
        articles = list.toArray(new RawArticle[0]);
        texts = list.stream().map(a -> a.getBody() == null ? "" : a.getBody()).toArray(String[]::new);
        words = corpus.wordCounts();
        next = 0;
        System.out.printf("%n# corpus: %d articles, %.1f words/article (mean) from %s%n",
                articles.length, corpus.meanWords(), corpus.origin());
    }

    private int nextArticle(Words counter) {
        int i = next;
        next = i + 1 == articles.length ? 0 : i + 1;
        counter.words += words[i];
        return i;
    }

    @Benchmark
    public List<Span> recognise(Model model, Words counter) {
        return model.model.find(texts[nextArticle(counter)]);
    }

    @Benchmark
    public EnrichedArticle projectEnrich(Project project, Words counter) {
        return project.enricher.enrich(articles[nextArticle(counter)]);
    }

    @Benchmark
    public long baselineLowercaseScan(Words counter) {
        return EnrichmentBenchmark.scan(texts[nextArticle(counter)]);
    }
}
