package io.newsflow.processor.enrich;

import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.RawArticle;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static io.newsflow.processor.enrich.EnrichFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ArticleEnricherRobustnessTest {
    private static RawArticle raw(String body) {
        return RawArticle.newBuilder().setId("a1").setTitle("t").setAuthors(List.of("Jane Doe"))
            .setIngestedAt(Instant.EPOCH).setSource("test").setBody(body).build();
    }

    @Test
    void enrichCopiesTheArticleAndStampsIt() {
        RawArticle r = raw("At least 12 people were killed in Kharkiv, officials said.");
        EnrichedArticle e = E.enrich(r);
        assertThat(e.getId()).isEqualTo("a1");
        assertThat(e.getArticle()).isEqualTo(r);
        assertThat(e.getLanguage()).isEqualTo("en");
        assertThat(e.getEnricherVersion()).isEqualTo(ArticleEnricher.VERSION);
        assertThat(e.getEnrichedAt()).isNotNull();
        assertThat(e.getCasualties()).hasSize(1);
        assertThat(e.getEntities()).anyMatch(x -> x.getName().equals("Jane Doe"));
    }

    @Test
    void emptyAndBlank() {
        assertThat(E.analyse(null, null).entities()).isEmpty();
        assertThat(E.analyse("", "").casualties()).isEmpty();
        assertThat(E.analyse("Title", "   \n\n ").entities()).isEmpty();
        assertThat(E.enrich(raw("")).getEntities()).hasSize(1);   // only the author
    }

    @Test
    void hugeInputIsBoundedInTime() {
        StringBuilder b = new StringBuilder();
        String s = "At least 8 civilians were killed and 11 others wounded in Mykolaiv, the regional governor said. ";
        while (b.length() < 1_000_000) b.append(s);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Enrichment r = E.analyse("", b.toString());
            assertThat(r.entities()).isNotEmpty();
        });
    }

    @Test
    void binaryLookingAndRandomInputNeverThrows() {
        Random rnd = new Random(42);
        for (int round = 0; round < 200; round++) {
            int len = rnd.nextInt(5000);
            char[] c = new char[len];
            for (int i = 0; i < len; i++) {
                int k = rnd.nextInt(10);
                c[i] = k < 3 ? (char) rnd.nextInt(0x3000) : k < 5 ? " .,-'’()[]\n0123456789"
                    .charAt(rnd.nextInt(21)) : (char) ('A' + rnd.nextInt(58));
            }
            String body = new String(c);
            assertThatCode(() -> E.enrich(raw(body))).doesNotThrowAnyException();
        }
        byte[] bytes = new byte[100_000];
        rnd.nextBytes(bytes);
        String bin = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> E.analyse("x", bin));
    }

    @Test
    void pathologicalPatternsStayLinear() {
        String[] parts = {"1,", "A ", "A-", "[A ", "'", "at least ", "between 1 and ", "The ", "of ", "9 9 9 "};
        for (String p : parts) {
            String body = p.repeat(200_000 / p.length());
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> E.analyse("", body), p);
        }
    }

    @Test
    void nonEnglishTextIsDetectedAndDoesNotCrash() {
        assertThat(E.analyse("", "В результате обстрела Николаева погибли пять человек, сообщили местные власти.").language()).isEqualTo("ru");
        assertThat(E.analyse("", "Die Regierung hat am Montag mitgeteilt, dass die Zahl der Toten in Berlin gestiegen ist und dass sie nicht weiß, wie viele es sind.").language()).isEqualTo("de");
        assertThat(E.analyse("", "Le gouvernement a annoncé lundi que le nombre de morts à Paris avait augmenté et qu'il ne savait pas combien il y en avait.").language()).isEqualTo("fr");
        assertThat(E.analyse("", "東京で地震があり、多くの人が避難しました。").language()).isEqualTo("ja");
        assertThat(E.analyse("", "A landslide killed at least 31 people after days of heavy rain, officials said today.").language()).isEqualTo("en");
    }
}
