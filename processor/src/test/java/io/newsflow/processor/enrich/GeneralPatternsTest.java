package io.newsflow.processor.enrich;

import io.newsflow.avro.CasualtyFigure;
import io.newsflow.avro.Entity;
import io.newsflow.avro.EntityType;
import io.newsflow.avro.FigureCategory;
import io.newsflow.avro.Qualifier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.newsflow.processor.enrich.EnrichFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * General patterns of wire reports found missing on the self-written held-out check set
 * (processor/src/test/resources/heldout/); each is tested on plain sentences with other names.
 */
class GeneralPatternsTest {
    // ---------------------------------------------------------------- entities

    @Test
    void partyNamedByTheRulingOrAPossessive() {
        assertThat(typeOf("Officials of the ruling Frelimo party said on Monday that the vote was fair.", "Frelimo"))
            .isEqualTo(EntityType.ORGANIZATION);
        assertThat(typeOf("Supporters of Sonko's Pastef party gathered outside the court.", "Pastef"))
            .isEqualTo(EntityType.ORGANIZATION);
        assertThat(typeOf("Volunteers from the Sea-Watch rescue group said the boat had capsized.", "Sea-Watch"))
            .isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void redCrescentIsAnOrganisation() {
        assertThat(typeOf("The Turkish Red Crescent said it had delivered tents overnight.", "Turkish Red Crescent"))
            .isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void organisationHeadBeforeOfOrFor() {
        assertThat(typeOf("The Ministry of Justice said the trial would resume.", "Ministry of Justice"))
            .isEqualTo(EntityType.ORGANIZATION);
        assertThat(typeOf("The World Organisation for Animal Health said the outbreak was contained.",
            "World Organisation for Animal Health")).isEqualTo(EntityType.ORGANIZATION);
        assertThat(typeOf("The Human Rights Commission of Malaysia said the detentions were unlawful.",
            "Human Rights Commission of Malaysia")).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void faithAdjectiveInsideAName() {
        assertThat(typeOf("Leaders of the Christian Democratic Union met in Berlin on Monday to discuss what comes next.", "Christian Democratic Union"))
            .isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void compoundLedByNamesAnOrganisation() {
        assertThat(typeOf("Medics at a Fatah-run clinic treated the wounded.", "Fatah")).isEqualTo(EntityType.ORGANIZATION);
        // a place or a people before "-backed" stays what it is
        assertThat(typeOf("Iran-backed fighters fired rockets.", "Iran")).isEqualTo(EntityType.LOCATION);
    }

    @Test
    void namesWithHyphenatedParticles() {
        Entity q = find(ents("The statement was read by Hassan al-Turabi in the capital."), "Hassan al-Turabi").orElseThrow();
        assertThat(q.getType()).isEqualTo(EntityType.PERSON);
        Entity r = find(ents("Shelling was reported in Deir ez-Zor on Sunday."), "Deir ez-Zor").orElseThrow();
        assertThat(r.getType()).isEqualTo(EntityType.LOCATION);
        assertThat(r.getGeo().getCountry()).isEqualTo("SY");
        assertThat(typeOf("Leaders of the Jamaat-e-Islami party called a strike.", "Jamaat-e-Islami")).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void abbreviatedMonthInADatelineIsNotAPlace() {
        List<Entity> es = ents("CAIRO, Oct 3 (Wire) - Egypt reopened the crossing. LIMA, Sept. 12 - Peru declared an emergency.");
        assertThat(find(es, "Oct")).isEmpty();
        assertThat(find(es, "Sept")).isEmpty();
        assertThat(find(es, "Egypt")).isPresent();
    }

    @Test
    void appositivesAndRoleCommasMarkPeople() {
        assertThat(typeOf("Police detained Zhila Karimi, a 41-year-old Baluch woman, in the city.", "Zhila Karimi"))
            .isEqualTo(EntityType.PERSON);
        assertThat(typeOf("The province's governor, Saidu Umaru, said schools would close.", "Saidu Umaru"))
            .isEqualTo(EntityType.PERSON);
        assertThat(typeOf("\"We are alarmed,\" said Thandeka Ngwenya, the World Food Programme's country director.",
            "Thandeka Ngwenya")).isEqualTo(EntityType.PERSON);
    }

    @Test
    void titlesAfterACountryOrWithADomainAreNotPartOfTheName() {
        List<Entity> es = ents("On Friday the critics said that U.K. Prime Minister Keir Starmer spoke about the economy, and that "
            + "Secretary of State Antony Blinken flew to Cairo. Senior General Than Shwe did not attend the talks in the end.");
        assertThat(find(es, "Keir Starmer").map(Entity::getType)).contains(EntityType.PERSON);
        assertThat(find(es, "Antony Blinken").map(Entity::getType)).contains(EntityType.PERSON);
        assertThat(find(es, "Than Shwe").map(Entity::getType)).contains(EntityType.PERSON);
    }

    @Test
    void arabicArticleSpelledEitherWay() {
        Entity e = find(ents("Aid convoys reached Ras el-Khaimah on Monday."), "Ras el-Khaimah").orElseThrow();
        assertThat(e.getType()).isEqualTo(EntityType.LOCATION);
        assertThat(e.getGeo().getCountry()).isEqualTo("AE");
    }

    @Test
    void countryInsideAnOrganisationNameResolvesPlaces() {
        Entity e = find(ents("Leaders of the Awami League of Bangladesh met supporters in Mymensingh on Monday to plan the march."),
            "Mymensingh").orElseThrow();
        assertThat(e.getGeo().getCountry()).isEqualTo("BD");
    }

    @Test
    void namedRefugeeCampIsAPlace() {
        assertThat(typeOf("Aid reached the Zaatari refugee camp on Monday.", "Zaatari")).isEqualTo(EntityType.LOCATION);
    }

    @Test
    void cityOutranksACountryKnownByTheSameAlternateName() {
        Entity e = find(ents("Thousands marched in Tunis on Friday."), "Tunis").orElseThrow();
        assertThat(e.getGeo().getLat()).isBetween(36.6, 37.0);
        assertThat(e.getGeo().getLon()).isBetween(10.0, 10.4);
    }

    // ---------------------------------------------------------------- figures

    private static CasualtyFigure only(String text) {
        List<CasualtyFigure> f = figs(text);
        assertThat(f).as(text).hasSize(1);
        return f.get(0);
    }

    @Test
    void commonFigurePhrases() {
        CasualtyFigure a = only("The blast left 17 people dead.");
        assertThat(a.getCategory()).isEqualTo(FigureCategory.KILLED);
        assertThat(a.getCount()).isEqualTo(17);
        CasualtyFigure b = only("Rescuers said 23 bodies were recovered from the river.");
        assertThat(b.getCategory()).isEqualTo(FigureCategory.KILLED);
        assertThat(b.getCount()).isEqualTo(23);
        CasualtyFigure c = only("Another 31 people remain unaccounted for.");
        assertThat(c.getCategory()).isEqualTo(FigureCategory.MISSING);
        CasualtyFigure d = only("Officials said 11 women were among the dead.");
        assertThat(d.getCategory()).isEqualTo(FigureCategory.KILLED);
        assertThat(d.getCount()).isEqualTo(11);
    }

    @Test
    void deathTollFarFromItsNumber() {
        CasualtyFigure f = only("The death toll from last week's landslides in the mountain villages of the remote "
            + "northern province rose to 212 on Sunday.");
        assertThat(f.getCategory()).isEqualTo(FigureCategory.KILLED);
        assertThat(f.getCount()).isEqualTo(212);
        assertThat(f.getQualifier()).isEqualTo(Qualifier.EXACT);
    }

    @Test
    void hypotheticalsAreNotFigures() {
        assertThat(figs("Experts warned the heatwave could kill up to 3,000 people.")).isEmpty();
        assertThat(figs("Up to 5,000 people could be displaced by the storm.")).isEmpty();
        assertThat(figs("Doctors fear the outbreak could sicken thousands and kill up to 900 people.")).isEmpty();
        // an estimate about the past stays a figure
        assertThat(figs("Activists said as many as 300 people may have been killed.")).hasSize(1);
    }

    @Test
    void agesAreNotFigures() {
        List<CasualtyFigure> f = figs("A 15-year-old boy and 4 other people were killed.");
        assertThat(f).extracting(CasualtyFigure::getCount).containsExactly(4L);
    }

    @Test
    void anIncludingAsideKeepsTheClauseTogether() {
        List<CasualtyFigure> f = figs("At least 57 people, including 12 children, have been killed, officials said.");
        assertThat(f).extracting(CasualtyFigure::getCount).containsExactlyInAnyOrder(57L, 12L);
        assertThat(f).allMatch(x -> x.getCategory() == FigureCategory.KILLED);
        assertThat(f.stream().filter(x -> x.getCount() == 57).findFirst().orElseThrow().getQualifier()).isEqualTo(Qualifier.AT_LEAST);
    }

    @Test
    void membersCanBeCasualties() {
        CasualtyFigure f = only("The ministry said 18 members of the police had died in the ambush.");
        assertThat(f.getCategory()).isEqualTo(FigureCategory.KILLED);
        assertThat(f.getCount()).isEqualTo(18);
    }

    @Test
    void displacementPhrases() {
        CasualtyFigure a = only("Some 45,000 people have taken refuge in schools.");
        assertThat(a.getCategory()).isEqualTo(FigureCategory.DISPLACED);
        assertThat(a.getQualifier()).isEqualTo(Qualifier.APPROXIMATE);
        CasualtyFigure b = only("More than 9,000 people have lost their homes.");
        assertThat(b.getCategory()).isEqualTo(FigureCategory.DISPLACED);
        assertThat(b.getQualifier()).isEqualTo(Qualifier.AT_LEAST);
        CasualtyFigure c = only("The fighting has forced 60,000 residents to flee.");
        assertThat(c.getCategory()).isEqualTo(FigureCategory.DISPLACED);
        assertThat(c.getCount()).isEqualTo(60000);
    }

    @Test
    void aModalAfterTheTollDoesNotDropIt() {
        CasualtyFigure f = only("The toll stood at 41 and could be higher.");
        assertThat(f.getCategory()).isEqualTo(FigureCategory.KILLED);
        assertThat(f.getCount()).isEqualTo(41);
    }
}
