package io.newsflow.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RulesTest {

    private static Rules parse(String text) throws IOException {
        return Rules.read("test.tsv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldUseEveryListOfTheBundledRuleFilesWhenTheEnricherHasRun() {
        // given the enricher has analysed a text (every stage initialised)
        EnrichFixture.ents("Officials in Kyiv said at least 12 people were killed.");
        // then no list of the bundled rule files is dead data
        assertThat(Rules.ENTITIES.unrequested()).isEmpty();
        assertThat(Rules.CASUALTIES.unrequested()).isEmpty();
        assertThat(Rules.TOKENS.unrequested()).isEmpty();
        assertThat(Rules.ENTITIES.size() + Rules.CASUALTIES.size() + Rules.TOKENS.size()).isGreaterThan(1500);
    }

    @Test
    void shouldReadListsWithAndWithoutValuesSkippingComments() throws IOException {
        Rules r = parse("# header\n#: heads what\nheads\tforces\nheads\tparty\n\nqual\tat least\tAT_LEAST\nqual\tover\tAT_LEAST\n");
        assertThat(r.set("heads")).containsExactlyInAnyOrder("forces", "party");
        assertThat(r.map("qual")).containsEntry("at least", "AT_LEAST").hasSize(2);
    }

    @Test
    void shouldFailWhenAStageAsksForAListTheFileDoesNotHave() throws IOException {
        Rules r = parse("heads\tforces\n");
        assertThatThrownBy(() -> r.set("org-heads")).isInstanceOf(IllegalStateException.class).hasMessageContaining("org-heads");
    }

    @Test
    void shouldFailOnAMalformedLineNamingItsNumber() {
        assertThatThrownBy(() -> parse("heads\tforces\nno tab here\n"))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("test.tsv:2");
    }

    @Test
    void shouldFailWhenAValueListHasAPhraseWithoutValue() throws IOException {
        Rules r = parse("qual\tat least\tAT_LEAST\nqual\tover\n");
        assertThatThrownBy(() -> r.map("qual")).isInstanceOf(IllegalStateException.class).hasMessageContaining("over");
    }
}
