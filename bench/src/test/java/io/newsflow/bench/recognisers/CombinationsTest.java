package io.newsflow.bench.recognisers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The two measured combinations of a stock model with the project's entities. */
class CombinationsTest {
    private static final String BODY =
            "Jane Roe of Harbour Watch spoke in Aville. Later Harbour Watch met Omar Zed in Btown.";

    private static Span at(String text, int from, String type) {
        int start = BODY.indexOf(text, from);
        return new Span(start, start + text.length(), type);
    }

    private static FoundEntity project(String id, String type, Span... mentions) {
        return new FoundEntity(id, mentions[0].text(BODY), type, List.of(mentions), null);
    }

    private final List<FoundEntity> project = List.of(
            project("nf:person:jn-r", Span.PERSON, at("Jane Roe", 0, Span.PERSON)),
            project("nf:org:hrbr-wtch", Span.PERSON, at("Harbour Watch", 0, Span.PERSON)),
            project("geonames:1", Span.LOCATION, at("Aville", 0, Span.LOCATION)));

    @Test
    void shouldAddOnlyTheModelNamesWhereTheProjectFoundNothing() {
        List<Span> model = List.of(
                at("Jane Roe of Harbour", 0, Span.PERSON),     // overlaps the project's names: dropped
                at("Harbour Watch", 40, Span.ORGANIZATION),    // same text as a project entity: its mention
                at("Omar Zed", 0, Span.PERSON),                // new
                at("Btown", 0, Span.LOCATION));                // new

        List<FoundEntity> union = Combinations.union(BODY, project, model);

        assertThat(union).extracting(FoundEntity::id).containsExactly(
                "nf:person:jn-r", "nf:org:hrbr-wtch", "geonames:1", "str:omar zed", "str:btown");
        assertThat(union.get(1).mentions()).hasSize(2);
        assertThat(union.get(1).type()).isEqualTo(Span.PERSON);
        assertThat(union.get(0).mentions()).hasSize(1);
    }

    @Test
    void shouldTakeTheModelTypeWhereMostOverlappingModelSpansDisagreeAndKeepTheProjectId() {
        List<Span> model = List.of(
                at("Harbour Watch", 0, Span.ORGANIZATION),
                at("Jane Roe", 0, Span.PERSON),
                at("Aville", 0, Span.PERSON), at("Aville", 0, Span.LOCATION));   // a tie changes nothing

        List<FoundEntity> retyped = Combinations.retype(project, model);

        assertThat(retyped).extracting(FoundEntity::id).containsExactly("nf:person:jn-r", "nf:org:hrbr-wtch", "geonames:1");
        assertThat(retyped).extracting(FoundEntity::type)
                .containsExactly(Span.PERSON, Span.ORGANIZATION, Span.LOCATION);
    }

    @Test
    void shouldLeaveTheProjectUnchangedWhenTheModelFindsNothing() {
        assertThat(Combinations.union(BODY, project, List.of())).isEqualTo(project);
        assertThat(Combinations.retype(project, List.of())).isEqualTo(project);
    }
}
