package io.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.RawArticle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the benchmarks run on; functional checks only, nothing here is timed. */
class CorpusTest {

    @Test
    void bundledSamplesAreTheFallbackOfACleanClone() {
        Corpus corpus = Corpus.bundled();
        assertThat(corpus.size()).isPositive();
        for (RawArticle article : corpus.articles()) {
            assertThat(article.getBody()).isNotBlank();
        }
        assertThat(corpus.meanWords()).isGreaterThan(50);
    }

    @Test
    void readsArticleFilesOfADirectoryInNameOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.txt"), "# Second\n\nTwo words here and more.\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("a.md"), "# First\n\nOne body.\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("ignored.json"), "{}", StandardCharsets.UTF_8);

        Corpus corpus = Corpus.fromDirectory(dir);

        assertThat(corpus.articles()).extracting(RawArticle::getTitle).containsExactly("First", "Second");
        assertThat(corpus.wordCounts()).containsExactly(2, 5);
    }

    @Test
    void countsWordsLikeWc() {
        assertThat(Corpus.words("")).isZero();
        assertThat(Corpus.words(null)).isZero();
        assertThat(Corpus.words("  At least 4,787 men\nwere\tkilled. ")).isEqualTo(6);
        assertThat(Corpus.words("no\u00a0break")).isEqualTo(2);
    }

    @Test
    void baselineScanSeesEveryWord() {
        long a = EnrichmentBenchmark.scan("Put' Dumoi");
        long b = EnrichmentBenchmark.scan("put' dumoi");
        assertThat(a).isEqualTo(b); // lower-cased before hashing
    }
}
