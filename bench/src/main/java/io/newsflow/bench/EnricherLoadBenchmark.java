package io.newsflow.bench;

import io.newsflow.processor.enrich.ArticleEnricher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cold start of the enrichment: the time {@link ArticleEnricher#loadDefault()} takes in a fresh JVM (gazetteer,
 * knowledge base, word lists), i.e. what a processor pays before it can enrich its first article.
 *
 * <p>Single-shot: every fork is a new JVM that loads the data exactly once (the enricher is cached per process,
 * so a second call in the same fork would measure nothing). The figure is therefore cold, interpreter and
 * class loading included, as at a real start-up. Use several forks for an error estimate:
 * {@code bench/run jmh -f 5 EnricherLoadBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 5, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class EnricherLoadBenchmark {

    @Benchmark
    public ArticleEnricher load() {
        return ArticleEnricher.loadDefault();
    }
}
