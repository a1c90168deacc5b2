package io.newsflow.producer.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.RawArticle;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each input format on fixtures written for these tests (src/test/resources/fixtures/sources). */
class SourceFormatsTest {
    static final Instant NOW = Instant.parse("2024-01-02T03:04:05Z");
    final ArticleFileParser parser = new ArticleFileParser(ArticleFileParser.DEFAULT_MAX_BYTES, Clock.fixed(NOW, ZoneOffset.UTC));
    final CollectingSink sink = new CollectingSink();

    @TempDir
    Path dir;

    static Path fixture(String name) throws Exception {
        return Path.of(SourceFormatsTest.class.getClassLoader().getResource("fixtures/sources/" + name).toURI());
    }

    @Test
    void shouldExtractTheArticleFromAnHtmlPageWithoutThePageFurniture() throws Exception {
        new FileSource(fixture("page.html"), parser).read(sink);

        RawArticle article = sink.only();
        assertThat(article.getTitle()).isEqualTo("Floods leave thousands homeless in the north");
        assertThat(article.getUrl()).isEqualTo("https://news.example.org/world/2023/12/29/floods-north?id=42");
        assertThat(article.getId()).isEqualTo(ArticleIds.fromUrl(article.getUrl()));
        assertThat(article.getAuthors()).containsExactly("Jane Doe", "John Roe");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2023-12-29T15:15:00Z"));
        assertThat(article.getLanguage()).isEqualTo("en");
        assertThat(article.getOutlet()).isEqualTo("The Daily Ledger");
        assertThat(article.getBody().split("\n\n")).containsExactly(
                "Heavy rain caused the river to burst its banks on Thursday, flooding more than 2,000 homes across the "
                        + "northern province, officials said.",
                "At least 12 people have been killed and 30 are missing, according to the regional emergency service.",
                "Relief effort",
                "Aid agencies said they were sending food and clean water to the worst-hit villages, where roads remain cut off.",
                "The provincial governor has declared a state of emergency until the end of January.");
    }

    @Test
    void shouldReadHtmlThroughTheFileParserToo() throws Exception {
        RawArticle article = parser.parse(fixture("page.html"));

        assertThat(article.getTitle()).isEqualTo("Floods leave thousands homeless in the north");
        assertThat(article.getBody()).doesNotContain("Reuters", "newsletter", "Donate", "Storm hits the coast", "cookies");
    }

    @Test
    void shouldReadAJsonArrayOfRecordsWithTheDocumentedFields() throws Exception {
        new FileSource(fixture("records.json"), parser).read(sink);

        assertThat(sink.errors).isEmpty();
        RawArticle first = sink.articles.get(0);
        assertThat(first.getUrl()).isEqualTo("https://example.com/a");
        assertThat(first.getTitle()).isEqualTo("First record");
        assertThat(first.getAuthors()).containsExactly("Ann Poe", "Bob Roe");
        assertThat(first.getPublishedAt()).isEqualTo(Instant.parse("2023-12-29T08:00:00Z"));
        assertThat(first.getLanguage()).isEqualTo("en");
        assertThat(first.getBody()).isEqualTo("First paragraph of the first record.\n\nSecond paragraph of the first record.");
        assertThat(first.getIngestedAt()).isEqualTo(NOW);
        assertThat(first.getOutlet()).isEqualTo("Example News");
        RawArticle second = sink.articles.get(1);
        assertThat(second.getUrl()).isNull();
        assertThat(second.getId()).isEqualTo(ArticleIds.fromContent(second.getBody()));
        assertThat(second.getAuthors()).containsExactly("Carl Doe");
        assertThat(second.getPublishedAt()).isEqualTo(Instant.parse("2023-12-29T08:00:00Z"));
        assertThat(second.getLanguage()).isEqualTo("ru");
        assertThat(second.getBody()).startsWith("Второй абзац").contains("\n\nЕщё один абзац");
    }

    @Test
    void shouldReportTheLineOfEachBadJsonLineAndReadTheRest() throws Exception {
        Path file = fixture("records.jsonl");
        new FileSource(file, parser).read(sink);

        assertThat(sink.raw()).extracting(RawArticle::getTitle).containsExactly("One", "Four");
        assertThat(sink.raw().get(1).getPublishedAt()).isEqualTo(Instant.parse("2023-12-29T07:15:00Z"));
        assertThat(sink.errors).hasSize(2);
        assertThat(sink.errors.get(0).line()).isEqualTo(2);
        assertThat(sink.errors.get(0)).hasMessageStartingWith(file + ":2: malformed JSON");
        assertThat(sink.errors.get(1).line()).isEqualTo(4);
        assertThat(sink.errors.get(1)).hasMessage(file + ":4: no article body: give 'body', 'text' or 'html'");
    }

    @Test
    void shouldReportAMalformedJsonDocumentWithItsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), "[\n {\"title\": \"A\", \"body\": \"Some text here.\"},\n {\"title\": }\n]");
        new FileSource(file, parser).read(sink);

        assertThat(sink.raw()).extracting(RawArticle::getTitle).containsExactly("A");
        assertThat(sink.errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e).hasMessageContaining("bad.json:3: malformed JSON");
        });
    }

    @Test
    void shouldReadEveryRss2ItemAndNameTheItemThatCannotBeRead() throws Exception {
        Path file = fixture("feed.rss");
        new FileSource(file, parser).read(sink);

        assertThat(sink.raw()).hasSize(2);
        RawArticle first = sink.raw().get(0);
        assertThat(first.getTitle()).isEqualTo("Ceasefire talks resume in the capital");
        assertThat(first.getUrl()).isEqualTo("https://wire.example.net/2023/12/29/ceasefire-talks");
        assertThat(first.getAuthors()).containsExactly("Mary Major");
        assertThat(first.getPublishedAt()).isEqualTo(Instant.parse("2023-12-29T15:15:00Z"));
        assertThat(first.getBody()).isEqualTo("Negotiators met again on Friday to discuss a ceasefire, diplomats said."
                + "\n\nThe talks are expected to last several days.");
        assertThat(first.getSource()).isEqualTo(file.toString());
        assertThat(first.getOutlet()).isEqualTo("Example Wire");
        RawArticle second = sink.raw().get(1);
        assertThat(second.getUrl()).isEqualTo("https://wire.example.net/2023/12/29/markets");
        assertThat(second.getAuthors()).containsExactly("Pat Minor");
        assertThat(second.getLanguage()).isEqualTo("en");
        assertThat(sink.errors).singleElement().satisfies(e -> assertThat(e).hasMessage(
                file + ": item 3 ('An item without any text'): no body: the item has neither content nor a description"));
    }

    @Test
    void shouldReadAnAtomFeed() throws Exception {
        new FileSource(fixture("feed.atom"), parser).read(sink);

        RawArticle article = sink.only();
        assertThat(article.getTitle()).isEqualTo("Election results announced");
        assertThat(article.getUrl()).isEqualTo("https://atom.example.com/news/election-results");
        assertThat(article.getAuthors()).containsExactly("Eve Editor");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2023-12-29T07:00:00Z"));
        assertThat(article.getBody()).isEqualTo("The electoral commission announced the final results on Friday morning."
                + "\n\nTurnout was 61 percent.");
        assertThat(article.getOutlet()).isEqualTo("Example Atom Desk");
    }

    @Test
    void shouldReportMalformedFeedXmlWithItsLine() throws Exception {
        Path file = fixture("malformed.rss");
        new FileSource(file, parser).read(sink);

        assertThat(sink.articles).isEmpty();
        assertThat(sink.errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isBetween(6, 8);
            assertThat(e).hasMessageStartingWith(file + ":" + e.line() + ": malformed feed XML");
        });
    }

    @Test
    void shouldRefuseFeedsWithADoctypeSoNoExternalEntityIsRead() throws Exception {
        new FileSource(fixture("xxe.rss"), parser).read(sink);

        assertThat(sink.articles).isEmpty();
        assertThat(sink.errors).singleElement().satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:"));
    }

    @Test
    void shouldReadJsonLinesFromStdin() throws Exception {
        String lines = "{\"title\": \"Piped\", \"body\": \"An article piped in on standard input, one per line.\"}\n";
        new StdinSource(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), null, parser).read(sink);

        assertThat(sink.only().getTitle()).isEqualTo("Piped");
        assertThat(sink.only().getSource()).isEqualTo("stdin");
    }

    @Test
    void shouldReadATextArticleFromStdinAndTellTheFormatFromTheFirstBytes() throws Exception {
        String text = "# Piped title\n\nBy Jane Doe\n\nThe body of an article piped in as markdown.\n";
        new StdinSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null, parser).read(sink);

        assertThat(sink.only().getTitle()).isEqualTo("Piped title");
        assertThat(sink.only().getAuthors()).containsExactly("Jane Doe");
        assertThat(InputFormat.sniff("<?xml version=\"1.0\"?><rss>".getBytes(StandardCharsets.UTF_8))).isEqualTo(InputFormat.FEED);
        assertThat(InputFormat.sniff("<!DOCTYPE html><html>".getBytes(StandardCharsets.UTF_8))).isEqualTo(InputFormat.HTML);
        assertThat(InputFormat.sniff("[{}]".getBytes(StandardCharsets.UTF_8))).isEqualTo(InputFormat.JSON);
    }

    @Test
    void shouldReportEmptyStdin() throws Exception {
        new StdinSource(new ByteArrayInputStream(new byte[0]), null, parser).read(sink);

        assertThat(sink.errors).singleElement().satisfies(e -> assertThat(e).hasMessage("stdin: empty input: nothing was piped in"));
    }

    @Test
    void shouldPickStdinUrlOrPathSourcesForArguments() {
        PageFetcher fetcher = new PageFetcher();
        assertThat(ArticleSources.forArgument("-", parser, fetcher, System.in, null)).isInstanceOf(StdinSource.class);
        assertThat(ArticleSources.forArgument("https://example.com/feed", parser, fetcher, System.in, null))
                .isInstanceOf(UrlSource.class);
        assertThat(ArticleSources.forArgument(dir.toString(), parser, fetcher, System.in, null)).isInstanceOf(FolderSource.class);
        assertThat(URI.create("https://example.com/feed")).hasHost("example.com");
    }

    @Test
    void shouldDropPageFurnitureParagraphsButKeepNewsAboutThem() {
        assertThat(Boilerplate.isBoilerplate("Photo: Reuters")).isTrue();
        assertThat(Boilerplate.isBoilerplate("Image credit: Jane Doe/AFP")).isTrue();
        assertThat(Boilerplate.isBoilerplate("Residents wade through flood water in the city. John Smith / Reuters")).isTrue();
        assertThat(Boilerplate.isBoilerplate("Please support our journalism with a donation today.")).isTrue();
        assertThat(Boilerplate.isBoilerplate("Sign up for our weekly newsletter.")).isTrue();
        assertThat(Boilerplate.isBoilerplate("Follow us on Telegram")).isTrue();
        assertThat(Boilerplate.isBoilerplate("Advertisement")).isTrue();
        assertThat(Boilerplate.isBoilerplate("Donations to the relief fund reached $2 million, the charity said.")).isFalse();
        assertThat(Boilerplate.isBoilerplate("The photo, taken by a Reuters journalist, shows the destroyed bridge.")).isFalse();
        assertThat(Boilerplate.isBoilerplate("Residents were asked to sign up for evacuation buses.")).isFalse();
    }
}
