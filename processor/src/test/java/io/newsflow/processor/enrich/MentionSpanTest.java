package io.newsflow.processor.enrich;

import io.newsflow.avro.Entity;
import io.newsflow.avro.EntityType;
import io.newsflow.avro.Mention;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.newsflow.processor.enrich.EnrichFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mention spans stay whole and clean: hyphenated compounds are never cut, editorial brackets are balanced, and a
 * translation gloss in parentheses is a mention of the name it follows. Invented sentences.
 */
class MentionSpanTest {
    @Test
    void acronymCompoundBeforeRoleNounAndPersonStaysWhole() {
        for (String role : List.of("spokesperson", "lawyer", "spokesman")) {
            List<Entity> es = ents("He quoted KRN-Watch " + role + " Ivan Orlov on the arrests.");
            assertThat(find(es, "KRN-Watch").map(Entity::getType)).as(role).contains(EntityType.ORGANIZATION);
            assertThat(mentions(es)).as(role).doesNotContain("KRN", "Watch");
            assertThat(find(es, "Ivan Orlov").map(Entity::getType)).as(role).contains(EntityType.PERSON);
        }
        // a word-initial compound is not cut either, and both uses are one entity
        List<Entity> es = ents("A statement by Memorial-Plus spokesman Ivan Orlov followed. The group Memorial-Plus said on Monday.");
        Entity org = find(es, "Memorial-Plus").orElseThrow();
        assertThat(org.getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(org.getMentions()).hasSize(2);
        assertThat(mentions(es)).doesNotContain("Memorial", "Plus");
        // a place before an acronym still splits off as a place ("US-NATO talks")
        assertThat(find(ents("He spoke after the US-NATO talks ended."), "US").map(Entity::getType))
            .contains(EntityType.LOCATION);
    }

    @Test
    void editorialBracketIsClosedInTheMention() {
        String body = "\u201CWe hope that Boris Nikolaevich [Vetrov] and those responsible will answer,\u201D she said.";
        Entity p = find(ents(body), "Boris Nikolaevich [Vetrov]").orElseThrow();
        assertThat(p.getType()).isEqualTo(EntityType.PERSON);
        for (Mention m : p.getMentions()) {
            assertThat(body.substring(m.getStart(), m.getEnd())).isEqualTo(m.getText());
            assertThat(m.getText().chars().filter(ch -> ch == '[').count())
                .isEqualTo(m.getText().chars().filter(ch -> ch == ']').count());
        }
    }

    @Test
    void parenthesisedTranslationIsAMentionOfTheName() {
        String body = "Domoi Vsem (Home for All), a movement of soldiers' mothers, said it would march. "
            + "Later Home for All said the march was off.";
        List<Entity> es = ents(body);
        Entity org = find(es, "Domoi Vsem").orElseThrow();
        assertThat(org.getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(org.getMentions()).extracting(Mention::getText).containsExactly("Domoi Vsem", "Home for All", "Home for All");
        for (Mention m : org.getMentions()) assertThat(body.substring(m.getStart(), m.getEnd())).isEqualTo(m.getText());
        assertThat(es).hasSize(1);

        List<Entity> two = ents("Sdelano (Built Here), a civic group, said it had been raided. Built Here said police took its files.");
        Entity s = find(two, "Sdelano").orElseThrow();
        assertThat(s.getMentions()).extracting(Mention::getText).containsExactly("Sdelano", "Built Here", "Built Here");
    }

    @Test
    void asidesInParenthesesAreNoGlosses() {
        List<Entity> es = ents("Oleh Marchenko (pictured) said on Monday that Narodna Rada (Ukraine) would vote. "
            + "Vostok Alliance (2022) and the Stepova Alliance (Reuters) were named. Marko Danylko (Democrat) spoke.");
        assertThat(find(es, "Oleh Marchenko").orElseThrow().getMentions()).hasSize(1);
        assertThat(find(es, "Ukraine").map(Entity::getType)).contains(EntityType.LOCATION);
        assertThat(find(es, "Ukraine").map(Entity::getId)).isNotEqualTo(find(es, "Narodna Rada").map(Entity::getId));
        assertThat(find(es, "Stepova Alliance").orElseThrow().getMentions()).extracting(Mention::getText)
            .containsExactly("Stepova Alliance");
        assertThat(find(es, "Marko Danylko").orElseThrow().getMentions()).hasSize(1);
        assertThat(mentions(es)).doesNotContain("pictured", "2022", "Democrat");
    }
}
