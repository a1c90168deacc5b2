package io.newsflow.producer.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.RawArticle;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Photo credits leave the body but stay with the article (fixtures in src/test/resources/fixtures/credits). */
class CreditsTest {
    final ArticleFileParser parser = new ArticleFileParser(ArticleFileParser.DEFAULT_MAX_BYTES,
            Clock.fixed(Instant.parse("2024-01-02T03:04:05Z"), ZoneOffset.UTC));
    final CollectingSink sink = new CollectingSink();

    static Path fixture(String name) throws Exception {
        return Path.of(CreditsTest.class.getClassLoader().getResource("fixtures/credits/" + name).toURI());
    }

    @Test
    void shouldKeepTheCreditOfACaptionDroppedFromAMarkdownBody() throws Exception {
        RawArticle article = parser.parse(fixture("caption.md"));

        assertThat(article.getCredits()).containsExactly(
                "Ahmet Yilmaz / Anadolu Agency", "Jane Doe / AFP", "AP Photo/John Smith");
        assertThat(article.getAuthors()).containsExactly("Mara Velin");
        assertThat(article.getBody()).doesNotContain("Yilmaz", "Anadolu", "Jane Doe", "John Smith", "rubble.", "Example Wire");
        assertThat(article.getBody().split("\n\n")).containsExactly(
                "Rescue teams worked through the night in the old quarter of the city, where two apartment blocks collapsed.",
                "The regional governor said 14 people had been pulled alive from the debris since Monday.",
                "A field hospital has opened next to the stadium.");
    }

    @Test
    void shouldKeepTheCreditsOfAPlainTextArticle() throws Exception {
        RawArticle article = parser.parseText("Quake toll rises\n\n"
                + "The death toll rose to 31 on Wednesday, the disaster agency said.\n\n"
                + "Rescue workers search the rubble. Ahmet Yilmaz / Anadolu Agency\n\n"
                + "Soldiers unload aid near the border / Reuters\n\n"
                + "(AFP)\n", "quake.txt");

        assertThat(article.getCredits()).containsExactly("Ahmet Yilmaz / Anadolu Agency", "Reuters", "AFP");
        assertThat(article.getBody()).isEqualTo("The death toll rose to 31 on Wednesday, the disaster agency said.");
    }

    @Test
    void shouldTakeCreditsFromFigureCaptionsOfTheArticleOnly() throws Exception {
        RawArticle article = parser.parse(fixture("page.html"));

        assertThat(article.getCredits()).containsExactly("Tomas Eriksen / Reuters", "Nadia Okafor / AFP");
        assertThat(article.getBody()).doesNotContain("Eriksen", "Okafor", "Waves break", "Olaf Brenner");
        assertThat(article.getBody()).contains("Harbour pilots said no ship had been damaged.");
    }

    @Test
    void shouldReadCreditsFromJsonRecordsAndTheirBodies() throws Exception {
        new FileSource(fixture("records.json"), parser).read(sink);

        assertThat(sink.errors).isEmpty();
        assertThat(sink.articles).hasSize(2);
        RawArticle bridge = sink.articles.get(0);
        assertThat(bridge.getCredits()).containsExactly("Piet Kramer / EPA", "Lena Marsh / Reuters");
        assertThat(bridge.getBody()).doesNotContain("Lena Marsh");
        RawArticle harvest = sink.articles.get(1);
        assertThat(harvest.getCredits()).containsExactly("Emil Varga / Getty Images", "Rosa Lindqvist");
        assertThat(harvest.getBody()).doesNotContain("Rosa");
    }

    @Test
    void anArticleWithoutCreditsHasAnEmptyList() throws Exception {
        RawArticle article = parser.parseText("The council met on Monday to discuss the budget.", "plain.txt");

        assertThat(article.getCredits()).isEmpty();
    }

    @Test
    void shouldCleanCreditsOfLabelsParenthesesAndCaptionSentences() {
        assertThat(Boilerplate.credit("Photo: Jane Doe / AFP")).contains("Jane Doe / AFP");
        assertThat(Boilerplate.credit("(Photo by Jane Doe)")).contains("Jane Doe");
        assertThat(Boilerplate.credit("Image credit: Mika Laine")).contains("Mika Laine");
        assertThat(Boilerplate.credit("© Jane Doe / Reuters")).contains("Jane Doe / Reuters");
        assertThat(Boilerplate.credit("AFP via Getty Images")).contains("AFP via Getty Images");
        assertThat(Boilerplate.credit("Troops of the Russian Army. Yevgeny Yepanchintsev / TASS"))
                .contains("Yevgeny Yepanchintsev / TASS");
        assertThat(Boilerplate.credit("Yevgeny Yepanchintsev / TASS")).contains("Yevgeny Yepanchintsev / TASS");
        assertThat(Boilerplate.credit("The bridge in 2019. Photo: Jane Doe / AFP via Getty Images"))
                .contains("Jane Doe / AFP via Getty Images");
        // a page's copyright notice is not a picture's credit; related links and appeals are no credits at all
        assertThat(Boilerplate.credit("© 2024 Example News. All rights reserved.")).isEmpty();
        assertThat(Boilerplate.credit("Read more: Floods in the north")).isEmpty();
        assertThat(Boilerplate.credit("The photographer Jane Doe said the pictures were taken by a drone.")).isEqualTo(Optional.empty());
    }

    @Test
    void aNewsSentenceEndingInACreditLikeSlashStaysInTheBody() {
        assertThat(Boilerplate.isBoilerplate("The photographer Jane Doe said the pictures were taken by a drone.")).isFalse();
        assertThat(Boilerplate.captionCredit("Waves break over the sea wall. Photo: Tomas Eriksen")).contains("Tomas Eriksen");
        assertThat(Boilerplate.captionCredit("The harbour office was flooded.")).isEmpty();
    }
}
