package io.newsflow.producer.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.RawArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderSourceTest {
    @TempDir
    Path dir;

    final List<RawArticle> read = new ArrayList<>();
    final List<ArticleParseException> rejected = new ArrayList<>();
    final ArticleSink sink = new ArticleSink() {
        @Override
        public void accept(RawArticle article) {
            read.add(article);
        }

        @Override
        public void reject(ArticleParseException error) {
            rejected.add(error);
        }
    };

    @Test
    void shouldReadTxtAndMdFilesInSortedOrderAndGoOnAfterABadOne() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.createDirectories(dir.resolve(".hidden"));
        Files.writeString(dir.resolve("b.md"), "# B\n\nBody b.\n");
        Files.writeString(dir.resolve("a.txt"), "# A\n\nBody a.\n");
        Files.writeString(dir.resolve("sub/c.TXT"), "# C\n\nBody c.\n");
        Files.writeString(dir.resolve("ab-empty.txt"), "# Nothing here\n");
        Files.writeString(dir.resolve("notes.pdf"), "{}");
        Files.writeString(dir.resolve(".hidden/d.txt"), "# D\n\nBody d.\n");

        new FolderSource(dir, new ArticleFileParser()).read(sink);

        assertThat(read).extracting(RawArticle::getTitle).containsExactly("A", "B", "C");
        assertThat(rejected).singleElement().satisfies(e -> assertThat(e.source()).endsWith("ab-empty.txt"));
    }

    @Test
    void shouldPickAFolderOrAFileSourceForAPath() throws Exception {
        Path file = Files.writeString(dir.resolve("a.txt"), "# A\n\nBody a.\n");

        assertThat(ArticleSources.forPath(dir, new ArticleFileParser())).isInstanceOf(FolderSource.class);
        assertThat(ArticleSources.forPath(file, new ArticleFileParser())).isInstanceOf(FileSource.class);
    }

    @Test
    void shouldReadTheBundledSample() throws Exception {
        assertThat(BundledSamples.names()).contains("d01-put-dumoi-widow.txt");

        new BundledSamples(new ArticleFileParser()).read(sink);

        assertThat(rejected).isEmpty();
        assertThat(read).anySatisfy(a -> {
            assertThat(a.getSource()).isEqualTo("classpath:samples/d01-put-dumoi-widow.txt");
            assertThat(a.getAuthors()).containsExactly("Leyla Latypova");
            assertThat(a.getId()).isEqualTo("39122f9c9171b7456653b2592eb8fde0");
        });
    }
}
