package io.newsflow.processor.enrich;

import io.newsflow.avro.CasualtyFigure;
import io.newsflow.avro.FigureCategory;
import io.newsflow.avro.Qualifier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.newsflow.processor.enrich.EnrichFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

class CasualtyExtractorTest {
    private static CasualtyFigure one(String text) {
        List<CasualtyFigure> f = figs(text);
        assertThat(f).as(text).hasSize(1);
        return f.get(0);
    }

    @Test
    void digitsWithSeparatorsAndQualifier() {
        CasualtyFigure f = one("At least 1,204 soldiers have been killed in the region, according to a count by the Kyiv Independent.");
        assertThat(f.getCategory()).isEqualTo(FigureCategory.KILLED);
        assertThat(f.getCount()).isEqualTo(1204);
        assertThat(f.getQualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(f.getSubject()).isEqualTo("soldiers");
        assertThat(f.getAttribution()).isEqualTo("Kyiv Independent");
        String text = "At least 1,204 soldiers have been killed";
        assertThat(f.getText()).isEqualTo(text);
        assertThat(f.getStart()).isZero();
        assertThat(f.getEnd()).isEqualTo(text.length());
    }

    @Test
    void spaceAndDotGroupSeparators() {
        assertThat(one("Some 12 500 people were displaced by the fighting.").getCount()).isEqualTo(12500);
        assertThat(one("Officials said 1.250.000 residents were evacuated.").getCount()).isEqualTo(1250000);
        assertThat(one("The floods displaced 3.2 million people.").getCount()).isEqualTo(3200000);
    }

    @Test
    void numberWords() {
        assertThat(one("Nine people were injured in the blast.").getCount()).isEqualTo(9);
        assertThat(one("Twenty-one miners died underground.").getCount()).isEqualTo(21);
        CasualtyFigure d = one("Two dozen protesters were arrested on Sunday.");
        assertThat(d.getCount()).isEqualTo(24);
        assertThat(d.getCategory()).isEqualTo(FigureCategory.DETAINED);
        assertThat(one("The war has displaced a million people.").getCount()).isEqualTo(1000000);
    }

    @Test
    void vagueAmountsFollowConservativeCoding() {
        CasualtyFigure d = one("Dozens of civilians were killed overnight.");
        assertThat(d.getCount()).isEqualTo(12);
        assertThat(d.getQualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(one("Hundreds were wounded in the shelling.").getCount()).isEqualTo(100);
        assertThat(one("The strikes killed hundreds of thousands of people.").getCount()).isEqualTo(100000);
    }

    @Test
    void ranges() {
        CasualtyFigure r = one("The war killed from 189 000 to 273 000 soldiers, analysts estimate.");
        assertThat(r.getQualifier()).isEqualTo(Qualifier.RANGE);
        assertThat(r.getMin()).isEqualTo(189000);
        assertThat(r.getMax()).isEqualTo(273000);
        CasualtyFigure b = one("Between 5 and 10 people were reported missing.");
        assertThat(b.getCategory()).isEqualTo(FigureCategory.MISSING);
        assertThat(b.getMin()).isEqualTo(5);
        assertThat(b.getMax()).isEqualTo(10);
        CasualtyFigure h = one("Police detained 30-40 demonstrators.");
        assertThat(h.getMin()).isEqualTo(30);
        assertThat(h.getMax()).isEqualTo(40);
    }

    @Test
    void qualifiers() {
        assertThat(one("More than 50 people died.").getQualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(one("Over 50 people died.").getQualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(one("No fewer than 50 people died.").getQualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(one("Up to 50 people died.").getQualifier()).isEqualTo(Qualifier.AT_MOST);
        assertThat(one("As many as 50 people died.").getQualifier()).isEqualTo(Qualifier.AT_MOST);
        assertThat(one("Just under 50 people died.").getQualifier()).isEqualTo(Qualifier.AT_MOST);
        assertThat(one("About 50 people died.").getQualifier()).isEqualTo(Qualifier.APPROXIMATE);
        assertThat(one("Nearly 50 people died.").getQualifier()).isEqualTo(Qualifier.APPROXIMATE);
        assertThat(one("An estimated 50 people died.").getQualifier()).isEqualTo(Qualifier.APPROXIMATE);
        assertThat(one("Exactly 50 people died.").getQualifier()).isEqualTo(Qualifier.EXACT);
    }

    @Test
    void categories() {
        assertThat(one("Officials said 40 people remain missing.").getCategory()).isEqualTo(FigureCategory.MISSING);
        assertThat(one("Some 150,000 conscripts were called up last spring.").getCategory()).isEqualTo(FigureCategory.MOBILIZED);
        assertThat(one("At least 2,000 residents fled the town.").getCategory()).isEqualTo(FigureCategory.DISPLACED);
        assertThat(one("The ministry reported 120 casualties.").getCategory()).isEqualTo(FigureCategory.CASUALTIES);
        assertThat(one("The death toll has risen to 40.").getCategory()).isEqualTo(FigureCategory.KILLED);
    }

    @Test
    void twoFiguresInOneClause() {
        List<CasualtyFigure> f = figs("The strike hit a market, killing at least 9 people and wounding 14.");
        assertThat(f).extracting(CasualtyFigure::getCategory).containsExactly(FigureCategory.KILLED, FigureCategory.WOUNDED);
        assertThat(f).extracting(CasualtyFigure::getCount).containsExactly(9L, 14L);
        assertThat(f).extracting(CasualtyFigure::getQualifier).containsExactly(Qualifier.AT_LEAST, Qualifier.EXACT);
    }

    @Test
    void numbersThatAreNotCasualties() {
        assertThat(figs("The video has gathered over 12,000 views and the channel has 41,000 followers.")).isEmpty();
        assertThat(figs("A magnitude 6.1 earthquake struck in 2023, damaging 1,200 homes.")).isEmpty();
        assertThat(figs("The nine-minute-long video was recorded on December 29, 2023.")).isEmpty();
        assertThat(figs("At least 40 of its members staged a protest in the capital.")).isEmpty();
        assertThat(figs("Prices rose 12 percent and the fund lost $40 million.")).isEmpty();
        assertThat(figs("The 45-year-old man spent 48 hours in custody.")).isEmpty();
        assertThat(figs("He died aged 87 after 10 days in hospital.")).isEmpty();
    }

    @Test
    void headlineAndBodyRepeatOneFigure() {
        List<CasualtyFigure> f = figs("9 civilians killed in shelling\n\nAt least 9 civilians were killed on Monday.");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).getQualifier()).isEqualTo(Qualifier.AT_LEAST);
    }

    @Test
    void phrasesThatAlreadyWorkStayFigures() {
        assertThat(one("No fewer than 23 others were hurt.").getCategory()).isEqualTo(FigureCategory.WOUNDED);
        List<CasualtyFigure> f = figs("The bombing left 6 dead and 31 injured.");
        assertThat(f).extracting(CasualtyFigure::getCategory).containsExactly(FigureCategory.KILLED, FigureCategory.WOUNDED);
        assertThat(one("The death toll climbed to 64 on Friday.").getCount()).isEqualTo(64);
    }

    @Test
    void survivorsRescuesAndFamiliesAreNotFigures() {
        assertThat(figs("Coast guards rescued 46 people from the water.")).isEmpty();
        assertThat(figs("There were 58 survivors of the crash.")).isEmpty();
        assertThat(figs("Scores more were feared trapped.")).isEmpty();
        assertThat(figs("A 41-year-old father of three was among those killed.")).isEmpty();
        assertThat(figs("She was a grandmother of nine who died in the fire.")).isEmpty();
        assertThat(figs("He leaves a mother-of-four who was injured.")).isEmpty();
        assertThat(figs("Over the last 48 hours, the army said, the situation was calm.")).isEmpty();
    }

    @Test
    void aNumberInANameIsNotACount() {
        assertThat(figs("A spokesman for Relief 4455 said the bodies had been taken away.")).isEmpty();
        assertThat(figs("Debris from Flight 816 was found where the dead were buried.")).isEmpty();
        // a headline in title case still counts
        assertThat(figs("Quake Kills 212 In Mountain Province")).extracting(CasualtyFigure::getCount).containsExactly(212L);
        // and a count after a place name still counts
        assertThat(figs("In Rellen 14 people were killed.")).extracting(CasualtyFigure::getCount).containsExactly(14L);
    }

    @Test
    void bodiesOfACount() {
        CasualtyFigure a = one("The bodies of seven fishermen were found on the beach.");
        assertThat(a.getCategory()).isEqualTo(FigureCategory.KILLED);
        assertThat(a.getCount()).isEqualTo(7);
        CasualtyFigure b = one("Divers recovered the bodies of at least 16 migrants.");
        assertThat(b.getCategory()).isEqualTo(FigureCategory.KILLED);
        assertThat(b.getQualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(one("Search teams pulled 8 bodies from the river.").getCount()).isEqualTo(8);
        CasualtyFigure c = one("The bodies of three others drifted ashore.");
        assertThat(c.getCategory()).isEqualTo(FigureCategory.KILLED);
        assertThat(c.getSubject()).isEqualTo("others");
    }

    @Test
    void killingAllOfAGroup() {
        CasualtyFigure a = one("The helicopter came down in fog, killing all four soldiers aboard.");
        assertThat(a.getCategory()).isEqualTo(FigureCategory.KILLED);
        assertThat(a.getCount()).isEqualTo(4);
        assertThat(a.getQualifier()).isEqualTo(Qualifier.EXACT);
        assertThat(one("The ferry capsized, killing all 93 passengers and crew.").getCount()).isEqualTo(93);
    }

    @Test
    void livesLostAndClaimed() {
        CasualtyFigure a = one("The landslide claimed the lives of 33 people.");
        assertThat(a.getCategory()).isEqualTo(FigureCategory.KILLED);
        assertThat(a.getCount()).isEqualTo(33);
        assertThat(a.getAttribution()).as("'claimed' here is no reporting verb").isNull();
        assertThat(one("At least 71 people lost their lives in the blaze.").getCategory()).isEqualTo(FigureCategory.KILLED);
        assertThat(one("The outbreak has claimed 210 lives so far.").getCategory()).isEqualTo(FigureCategory.KILLED);
        assertThat(one("Some 45 lives were lost at sea.").getCategory()).isEqualTo(FigureCategory.KILLED);
        // saving lives is not a toll
        assertThat(figs("Medics saved the lives of 15 people.")).isEmpty();
    }

    private static CasualtyFigure withCount(List<CasualtyFigure> f, long count) {
        return f.stream().filter(x -> x.getCount() == count).findFirst()
            .orElseThrow(() -> new AssertionError("no figure " + count + " in " + f));
    }

    @Test
    void displacementPhrasing() {
        List<CasualtyFigure> f = figs("Almost 7 million people have been forced from their homes, including more than 2 million "
            + "who have crossed into neighbouring countries.");
        assertThat(f).extracting(CasualtyFigure::getCount).containsExactly(7000000L, 2000000L);
        assertThat(f).allMatch(x -> x.getCategory() == FigureCategory.DISPLACED);
        assertThat(withCount(f, 7000000).getQualifier()).isEqualTo(Qualifier.APPROXIMATE);
        assertThat(withCount(f, 2000000).getQualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(one("At least 35,000 villagers were driven from their homes by the fighting.").getCategory())
            .isEqualTo(FigureCategory.DISPLACED);
        assertThat(one("Some 8,000 residents were forced to leave after the dam burst.").getCategory())
            .isEqualTo(FigureCategory.DISPLACED);
        assertThat(one("About 600,000 people have crossed into neighboring states since May.").getCategory())
            .isEqualTo(FigureCategory.DISPLACED);
        assertThat(one("Militias drove 4,500 farmers out of their villages.").getCategory()).isEqualTo(FigureCategory.DISPLACED);
        // rescued from homes, forced out of office, troops crossing into a named country: not displacement
        assertThat(figs("Firefighters rescued 30 tenants from their homes.")).isEmpty();
        assertThat(figs("The scandal forced 3 ministers out of office.")).isEmpty();
        assertThat(figs("Some 2,000 soldiers crossed into neighbouring Varnia overnight.")).isEmpty();
    }

    @Test
    void anAsideBetweenTheCountAndItsVerbIsSkipped() {
        CasualtyFigure a = one("Nearly 2.4 million people \u2013 some 70 percent of the province's population \u2013 have been displaced.");
        assertThat(a.getCategory()).isEqualTo(FigureCategory.DISPLACED);
        assertThat(a.getCount()).isEqualTo(2400000);
        assertThat(a.getQualifier()).isEqualTo(Qualifier.APPROXIMATE);
        CasualtyFigure b = one("About 320 civilians, mostly women and the elderly, were evacuated overnight.");
        assertThat(b.getCategory()).isEqualTo(FigureCategory.DISPLACED);
        assertThat(b.getCount()).isEqualTo(320);
        CasualtyFigure c = one("At least 27 miners (all of them from the same shift) died in the collapse.");
        assertThat(c.getCategory()).isEqualTo(FigureCategory.KILLED);
        assertThat(c.getCount()).isEqualTo(27);
        // an aside that is not followed by the count's predicate does not make one
        assertThat(figs("Some 400 pilgrims, organisers said, attended the service.")).isEmpty();
    }

    @Test
    void aListOfPlacesContinuesTheFirstFiguresCategory() {
        List<CasualtyFigure> f = figs("The ministry said 41 people drowned in Norvale, 19 in Eastbrook, 12 in Port Lamar and 6 in Kelso.");
        assertThat(f).extracting(CasualtyFigure::getCount).containsExactly(41L, 19L, 12L, 6L);
        assertThat(f).allMatch(x -> x.getCategory() == FigureCategory.KILLED && x.getQualifier() == Qualifier.EXACT);
        assertThat(withCount(f, 12).getSubject()).isEqualTo("people");
        assertThat(withCount(f, 12).getText()).isEqualTo("12 in Port Lamar");
        List<CasualtyFigure> g = figs("The quake killed 9 people in Varo on Monday and 2,000 in the Selk province.");
        assertThat(g).extracting(CasualtyFigure::getCount).containsExactly(9L, 2000L);
        assertThat(withCount(g, 2000).getText()).isEqualTo("2,000 in the Selk province");
    }

    @Test
    void aContinuationKeepsItsOwnQualifier() {
        List<CasualtyFigure> f = figs("Security forces arrested over 700 demonstrators in Tarvik and around 350 in St. Ilmen on Saturday.");
        assertThat(f).extracting(CasualtyFigure::getCount).containsExactly(700L, 350L);
        assertThat(f).allMatch(x -> x.getCategory() == FigureCategory.DETAINED);
        assertThat(withCount(f, 700).getQualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(withCount(f, 350).getQualifier()).isEqualTo(Qualifier.APPROXIMATE);
        assertThat(withCount(f, 350).getMin()).isNull();
    }

    @Test
    void aContinuationNeedsAPlaceAndAListSeparator() {
        // no place after the second number: "in the morning" is not a place
        assertThat(figs("Gunmen killed 14 villagers in Moru, 3 in the morning alone.")).extracting(CasualtyFigure::getCount)
            .containsExactly(14L);
        // a new clause with its own verb is not a continuation
        assertThat(figs("Floods killed 9 people in Dunmore; 2025 in Rell will be remembered.")).extracting(CasualtyFigure::getCount)
            .containsExactly(9L);
        // an item with a predicate of its own is not elliptical
        assertThat(figs("Shelling killed 8 soldiers in Ostrava, and 1,500 at Lenmark University protested.")).extracting(CasualtyFigure::getCount)
            .containsExactly(8L);
        // no preceding figure in the sentence
        assertThat(figs("The festival drew 12,000 visitors in Aldora and 8,000 in Brisk.")).isEmpty();
    }
}
