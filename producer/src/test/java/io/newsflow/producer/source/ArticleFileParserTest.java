package io.newsflow.producer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.avro.RawArticle;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFileParserTest {
    static final String SAMPLE_URL =
            "https://www.themoscowtimes.com/2023/12/29/our-men-are-dying-for-nothing-russian-soldiers-widow-makes-anti-war-plea-a83605";
    static final Instant NOW = Instant.parse("2024-01-02T03:04:05.678Z");

    final ArticleFileParser parser = new ArticleFileParser(ArticleFileParser.DEFAULT_MAX_BYTES, Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    Path tmp;

    static Path resource(String name) {
        try {
            return Path.of(ArticleFileParserTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldReadTitleAuthorsDateAndCanonicalUrlOfTheSample() throws Exception {
        RawArticle article = parser.parse(resource("d01-put-dumoi-widow.txt"));

        assertThat(article.getTitle()).isEqualTo("'Our Men Are Dying for Nothing': Russian Soldier's Widow Makes Anti-War Plea");
        assertThat(article.getAuthors()).containsExactly("Leyla Latypova");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2023-12-29T00:00:00Z"));
        assertThat(article.getUrl()).isEqualTo(SAMPLE_URL);
        assertThat(article.getSource()).endsWith("d01-put-dumoi-widow.txt");
        assertThat(article.getIngestedAt()).isEqualTo(NOW);
        assertThat(article.getLanguage()).isEqualTo("en");
        assertThat(article.getOutlet()).as("a text export names no outlet; the URL's host is not taken for one").isNull();
    }

    @Test
    void shouldGiveABodyWithoutMarkdownMarksOrRelatedArticleLines() throws Exception {
        String body = parser.parse(resource("d01-put-dumoi-widow.txt")).getBody();

        assertThat(body).doesNotContain("**", "](", "[released]", "Related article", "Original url", "By Leyla",
                "December 29, 2023", "# ");
        // the photo caption ending in its credit ("... Yevgeny Yepanchintsev / TASS") is page furniture
        assertThat(body).startsWith("Put' Dumoi (Way Home), a Russian movement").doesNotContain("Yepanchintsev / TASS");
        assertThat(body).contains("has released a video plea of a soldier's widow decrying the invasion of Ukraine.");
        assertThat(body).endsWith("At least 4,787 mobilized men have been killed in Ukraine, according to an independent"
                + " tally by Mediazona and BBC.");
        // the editor's insertions in quotes are text, not links
        assertThat(body).contains("the Zaporizhzhia [region]", "Vladimir Vladimirovich [Putin]");
        assertThat(body.split("\n\n")).hasSize(17).allSatisfy(p -> assertThat(p).isNotBlank().doesNotContain("\n"));
    }

    @Test
    void shouldGiveTheSameIdOnEveryRunFromTheCanonicalUrl() throws Exception {
        RawArticle first = parser.parse(resource("d01-put-dumoi-widow.txt"));
        RawArticle second = new ArticleFileParser().parse(resource("d01-put-dumoi-widow.txt"));

        byte[] sha = MessageDigest.getInstance("SHA-256").digest(SAMPLE_URL.getBytes(StandardCharsets.UTF_8));
        assertThat(first.getId()).isEqualTo(HexFormat.of().formatHex(sha).substring(0, 32))
                .isEqualTo("39122f9c9171b7456653b2592eb8fde0")
                .isEqualTo(second.getId());
    }

    @Test
    void shouldGiveTheSameIdWhenTheUrlCarriesTrackingParametersOrAFragment() throws Exception {
        String text = Files.readString(resource("d01-put-dumoi-widow.txt"));
        String tracked = text.replace("<https://www.themoscowtimes.com/", "<https://WWW.TheMoscowTimes.com/")
                .replace("a83605>", "a83605?utm_source=telegram&utm_medium=social&fbclid=IwAR0abc#comments>");
        assertThat(tracked).isNotEqualTo(text);

        RawArticle article = parser.parseText(tracked, "tracked.txt");

        assertThat(article.getUrl()).isEqualTo(SAMPLE_URL);
        assertThat(article.getId()).isEqualTo(parser.parse(resource("d01-put-dumoi-widow.txt")).getId());
    }

    @Test
    void shouldHashTheNormalisedBodyWhenThereIsNoUrl() throws Exception {
        RawArticle article = parser.parse(resource("fixtures/no-url.md"));

        assertThat(article.getUrl()).isNull();
        assertThat(article.getId()).hasSize(32).isEqualTo(ArticleIds.fromContent(article.getBody()));
        String rewrapped = Files.readString(resource("fixtures/no-url.md")).replace("broke on **Tuesday** night",
                "broke on   **Tuesday**\nnight");
        assertThat(parser.parseText(rewrapped, "other.md").getId()).isEqualTo(article.getId());
    }

    @Test
    void shouldReadSeveralAuthorsAnIsoDateWithOffsetAndMarkdownBlocks() throws Exception {
        RawArticle article = parser.parse(resource("fixtures/no-url.md"));

        assertThat(article.getTitle()).isEqualTo("Dam breach floods three villages");
        assertThat(article.getAuthors()).containsExactly("Jane Doe", "John Roe", "Ann Poe");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2024-03-05T12:30:00Z"));
        assertThat(article.getBody()).isEqualTo(String.join("\n\n",
                "The dam near the town of Example broke on Tuesday night, officials said. Water reached three villages"
                        + " before dawn; the snake_case_name of the gauge file stayed as it is.",
                "What we know",
                "At least 12 people were killed.\nAround 300 were displaced.",
                "\"We lost everything,\" said one resident.",
                "Rescue teams from the regional authority worked through the night."));
    }

    @Test
    void shouldAcceptAnArticleWithoutBylineAndReadAFooterUrlOnTheSameLine() throws Exception {
        RawArticle article = parser.parse(resource("fixtures/no-byline.txt"));

        assertThat(article.getTitle()).isEqualTo("Storm hits the coast");
        assertThat(article.getAuthors()).isEmpty();
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2023-12-03T00:00:00Z"));
        assertThat(article.getUrl()).isEqualTo("https://news.example.com/storm?id=7");
        assertThat(article.getBody()).isEqualTo("A storm hit the coast on Sunday, cutting power to thousands of homes."
                + "\n\nOfficials said repairs would take a week.");
    }

    @Test
    void shouldTakeAShortFirstLineAsTitleWhenThereIsNoHeading() throws Exception {
        RawArticle article = parser.parse(resource("fixtures/plain-title.txt"));

        assertThat(article.getTitle()).isEqualTo("Floods leave 40 dead in the north; thousands displaced");
        assertThat(article.getBody()).startsWith("NORTHTOWN — Floods have killed 40 people");
    }

    @Test
    void shouldReadADatelineAndDeriveTheTitleFromTheFirstSentenceWhenThereIsNone() throws Exception {
        RawArticle article = parser.parse(resource("fixtures/no-title.txt"));

        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2019-05-04T00:00:00Z"));
        assertThat(article.getTitle()).startsWith("Heavy rain killed at least 9 people").endsWith("…")
                .hasSizeLessThanOrEqualTo(120);
        assertThat(article.getBody()).startsWith("Heavy rain killed at least 9 people in the capital");
    }

    @Test
    void shouldLeavePublishedAtEmptyWhenTheDateLineNamesNoRealDay() throws Exception {
        RawArticle article = parser.parse(resource("fixtures/bad-date.txt"));

        assertThat(article.getPublishedAt()).isNull();
        assertThat(article.getBody()).isEqualTo(
                "The report was filed on a day that does not exist. The body is still worth reading.");
    }

    @Test
    void shouldRejectAnArticleWithoutBodyNamingTheFile() {
        assertThatThrownBy(() -> parser.parse(resource("fixtures/empty-body.txt")))
                .isInstanceOf(ArticleParseException.class)
                .hasMessageContaining("empty-body.txt")
                .hasMessageContaining("no article body");
    }

    @Test
    void shouldRejectAnEmptyFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("blank.txt"), "\n  \n");

        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ArticleParseException.class)
                .hasMessage(file + ": empty file: no article body");
    }

    @Test
    void shouldRejectABinaryFileNamingTheFileAndLine() throws Exception {
        Path file = tmp.resolve("image.txt");
        Files.write(file, new byte[] {'#', ' ', 'x', '\n', '\n', (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});

        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOfSatisfying(ArticleParseException.class, e -> {
                    assertThat(e.source()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(3);
                })
                .hasMessageStartingWith(file + ":3: binary content");
    }

    @Test
    void shouldRejectTextThatIsNotUtf8NamingTheFileAndLine() throws Exception {
        Path file = tmp.resolve("latin1.txt");
        Files.write(file, "# Caf\u00e9\n\nLe caf\u00e9 est ferm\u00e9.\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOfSatisfying(ArticleParseException.class, e -> assertThat(e.line()).isEqualTo(1))
                .hasMessageContaining(file + ":1: not valid UTF-8 (byte 0xe9 at offset 5)");
    }

    @Test
    void shouldRejectAFileOverTheSizeLimit() throws Exception {
        Path file = Files.writeString(tmp.resolve("big.txt"), "# Big\n\n" + "word ".repeat(400));
        ArticleFileParser small = new ArticleFileParser(1024, Clock.systemUTC());

        assertThatThrownBy(() -> small.parse(file)).isInstanceOf(ArticleParseException.class)
                .hasMessage(file + ": article is " + Files.size(file) + " bytes, over the limit of 1024 bytes");
    }

    @Test
    void shouldRejectAMissingFile() {
        Path file = tmp.resolve("missing.txt");

        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ArticleParseException.class)
                .hasMessage(file + ": no such file");
    }

    @Test
    void shouldRejectAnOriginalUrlThatIsNotHttpNamingTheLine() {
        assertThatThrownBy(() -> parser.parse(resource("fixtures/bad-url.txt")))
                .isInstanceOfSatisfying(ArticleParseException.class, e -> assertThat(e.line()).isEqualTo(7))
                .hasMessageContaining("bad-url.txt:7:");
    }

    @Test
    void shouldAcceptABomAndWindowsLineEndings() throws Exception {
        String text = "\uFEFF# Title\r\n\r\nBy Jane Doe\r\n\r\nFirst paragraph.\r\n\r\nSecond.\r\n";

        RawArticle article = parser.parse(text.getBytes(StandardCharsets.UTF_8), "crlf.txt");

        assertThat(article.getTitle()).isEqualTo("Title");
        assertThat(article.getAuthors()).containsExactly("Jane Doe");
        assertThat(article.getBody()).isEqualTo("First paragraph.\n\nSecond.");
    }

    @Test
    void shouldNotTakeASentenceStartingWithByForAByline() throws Exception {
        RawArticle article = parser.parseText("# Title\n\nBy the end of the year, 40 people had died.\n", "by.txt");

        assertThat(article.getAuthors()).isEmpty();
        assertThat(article.getBody()).isEqualTo("By the end of the year, 40 people had died.");
    }

    @Test
    void shouldReadBylineAndDateSharingOneLine() throws Exception {
        RawArticle article = parser.parseText(
                "# Title\n\nBy [Jane Doe](/authors/jd) | Friday, December 29, 2023 10:31 AM EST\n\nText.\n", "x.txt");

        assertThat(article.getAuthors()).containsExactly("Jane Doe");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2023-12-29T15:31:00Z"));
    }
}
