package io.newsflow.bench.recognisers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The string-identity baseline: a stock model's names become entities by their normalised exact name. */
class StringIdentityTest {

    private static Span span(String body, String text, int from, String type) {
        int start = body.indexOf(text, from);
        return new Span(start, start + text.length(), type);
    }

    @Test
    void shouldGiveEveryMentionOfOneNormalisedNameOneEntityAndOneId() {
        String body = "The Harbour Watch said so. Later Harbour Watch's chief and the harbour watch agreed.";
        List<Span> spans = List.of(
                span(body, "Harbour Watch", 0, Span.ORGANIZATION),
                span(body, "Harbour Watch's", 20, Span.ORGANIZATION),
                span(body, "the harbour watch", 0, Span.PERSON));

        List<FoundEntity> entities = StringIdentity.entities(body, spans);

        assertThat(entities).hasSize(1);
        FoundEntity e = entities.get(0);
        assertThat(e.id()).isEqualTo("str:harbour watch");
        assertThat(e.name()).isEqualTo("Harbour Watch");
        assertThat(e.type()).isEqualTo(Span.ORGANIZATION);
        assertThat(e.mentions()).hasSize(3);
    }

    @Test
    void shouldKeepDifferentSpellingsApartBecauseThatIsWhatStringIdentityMeans() {
        String body = "Put Domoi said. Put' Dumoi also said.";
        List<FoundEntity> entities = StringIdentity.entities(body, List.of(
                span(body, "Put Domoi", 0, Span.ORGANIZATION), span(body, "Put' Dumoi", 0, Span.ORGANIZATION)));

        assertThat(entities).extracting(FoundEntity::id).containsExactly("str:put domoi", "str:put dumoi");
    }

    @Test
    void shouldNormaliseLikeTheSharedScorer() {
        assertThat(StringIdentity.normalise("The U.N.’s")).isEqualTo("un");
        assertThat(StringIdentity.normalise("  Ivano-Frankivsk ")).isEqualTo("ivano-frankivsk");
        assertThat(StringIdentity.normalise("Côte d'Ivoire")).isEqualTo("côte divoire");
        assertThat(StringIdentity.normalise("—")).isEmpty();
    }

    @Test
    void shouldDropSpansThatAreOnlyPunctuation() {
        String body = "Aville — Btown";
        List<FoundEntity> entities = StringIdentity.entities(body, List.of(
                span(body, "—", 0, Span.LOCATION), span(body, "Btown", 0, Span.LOCATION)));

        assertThat(entities).extracting(FoundEntity::name).containsExactly("Btown");
    }
}
