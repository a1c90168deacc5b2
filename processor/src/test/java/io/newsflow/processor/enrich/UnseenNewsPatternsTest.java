package io.newsflow.processor.enrich;

import io.newsflow.avro.Entity;
import io.newsflow.avro.EntityType;
import io.newsflow.avro.Mention;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.newsflow.processor.enrich.EnrichFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failure classes of the entity recogniser found on the second held-out set (articles the enrichment had never seen) (bylines, titles before names, hyphenated
 * names, credit lines, places and organisations known only by context, clock words, short forms); each is tested on
 * invented sentences with other names.
 */
class UnseenNewsPatternsTest {
    @Test
    void clockWordsAndTimeZonesAreNoNames() {
        List<Entity> es = ents("The convoy left at 6:15 AM and reached the border at 11 PM. Talks were set for 15:00 GMT, "
            + "or 10 AM EST, and a statement followed at 0900 UTC.");
        assertThat(es).isEmpty();
        // a time zone's letters not after a time stay what they are
        assertThat(typeOf("The talks were hosted by the EST union in Tallinn.", "EST")).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void hyphenatedNamesAreOneWord() {
        List<Entity> es = ents("Memo-Watch said 12 people were held overnight. Shares of Brandt-Lindqvist fell after "
            + "the lawyer, Rosa Quintero-Vidal, said the merger was off. Quintero-Vidal said she would appeal.");
        assertThat(find(es, "Memo-Watch").map(Entity::getType)).contains(EntityType.ORGANIZATION);
        assertThat(mentions(es)).doesNotContain("Memo", "Watch");
        Entity rosa = find(es, "Rosa Quintero-Vidal").orElseThrow();
        assertThat(rosa.getType()).isEqualTo(EntityType.PERSON);
        assertThat(rosa.getMentions()).extracting(Mention::getText).contains("Quintero-Vidal");
        // a common first word at a sentence start does not cut the compound
        assertThat(typeOf("Steel-Fenwick said it would close two plants.", "Steel-Fenwick")).isEqualTo(EntityType.ORGANIZATION);
        // a title compound before a name still goes
        assertThat(find(ents("Later, Secretary-General Ines Okafor met the envoys."), "Ines Okafor").map(Entity::getType))
            .contains(EntityType.PERSON);
    }

    @Test
    void titlesBeforeANameAreNotPartOfThePerson() {
        List<Entity> es = ents("The road was closed for hours on Monday, Dorset County Sheriff Mark Ellery told reporters "
            + "after the crash. Rivne Mayor Oleh Kostiuk said two schools were damaged, while Odesa Oblast Governor "
            + "Petro Halyna said the port was hit again and Water Board Chief Engineer Lena Marsh said supplies held.");
        assertThat(find(es, "Mark Ellery").map(Entity::getType)).contains(EntityType.PERSON);
        assertThat(find(es, "Oleh Kostiuk").map(Entity::getType)).contains(EntityType.PERSON);
        assertThat(find(es, "Petro Halyna").map(Entity::getType)).contains(EntityType.PERSON);
        assertThat(find(es, "Lena Marsh").map(Entity::getType)).contains(EntityType.PERSON);
        // what stands before the title is its own entity when recognisable
        assertThat(find(es, "Dorset County").map(Entity::getType)).contains(EntityType.LOCATION);
        assertThat(find(es, "Rivne").map(Entity::getType)).contains(EntityType.LOCATION);
        assertThat(find(es, "Odesa Oblast").map(Entity::getType)).contains(EntityType.LOCATION);
        assertThat(mentions(es)).noneMatch(m -> m.contains("Sheriff") || m.contains("Mayor") || m.contains("Governor")
            || m.contains("Engineer"));
        // a place named after a title holder keeps its title
        List<Entity> island = ents("Fishermen from King George Island and from Prince Edward Island met with the fisheries minister "
            + "on Monday to complain about the new quotas.");
        assertThat(find(island, "King George Island").map(Entity::getType)).contains(EntityType.LOCATION);
        assertThat(find(island, "Prince Edward Island").map(Entity::getType)).contains(EntityType.LOCATION);
        // names that merely end in a suffix or contain no name after the title stay whole
        assertThat(find(ents("Crowds marched along Martin Luther King Jr Boulevard on Sunday evening."), "Martin Luther")).isEmpty();
    }

    @Test
    void aRegionWordAfterANameIsARegion() {
        List<Entity> es = ents("Shelling continued on Monday in the Dnipropetrovsk Region, and in the evening "
            + "it reached Mykolaiv Oblast; floods also cut roads in Sussex County, and aid reached Kano State.");
        Entity dnipro = find(es, "Dnipropetrovsk Region").orElseThrow();
        assertThat(dnipro.getType()).isEqualTo(EntityType.LOCATION);
        assertThat(dnipro.getId()).startsWith("geonames:adm1:UA");
        assertThat(find(es, "Mykolaiv Oblast").orElseThrow().getId()).startsWith("geonames:adm1:UA");
        Entity sussex = find(es, "Sussex County").orElseThrow();
        assertThat(sussex.getType()).isEqualTo(EntityType.LOCATION);
        // a US county is a GeoNames second-level district (admin2) with a point
        assertThat(sussex.getId()).startsWith("geonames:adm2:US.");
        assertThat(sussex.getGeo()).isNotNull();
        assertThat(find(es, "Kano State").orElseThrow().getId()).startsWith("geonames:adm1:NG");
        // a school district is an organisation
        assertThat(typeOf("Parents said on Tuesday that the Maple Grove School District had closed all of its buildings.",
            "Maple Grove School District")).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void aNameNeverContinuesOverALineBreakOrIntoAnOutletsAcronym() {
        String block = "Storms cut power to thousands of homes on Monday, the utility said.\n\nMark Hollis\nCNN Business\n\n"
            + "Crews expect to restore it by Friday.";
        List<Entity> es = ents(block);
        assertThat(find(es, "Mark Hollis").map(Entity::getType)).contains(EntityType.PERSON);
        assertThat(find(es, "CNN").map(Entity::getType)).contains(EntityType.ORGANIZATION);
        assertThat(mentions(es)).noneMatch(m -> m.contains("\n"));
        // the same block with its lines joined (a soft-wrapped text file)
        List<Entity> joined = ents("Storms cut power to thousands of homes on Monday, the utility said.\n\n"
            + "Mark Hollis CNN Business\n\nCrews expect to restore it by Friday.");
        assertThat(find(joined, "Mark Hollis").map(Entity::getType)).contains(EntityType.PERSON);
        assertThat(find(joined, "CNN").map(Entity::getType)).contains(EntityType.ORGANIZATION);
    }

    @Test
    void creditLinesNamePeople() {
        List<Entity> es = ents("Fuel prices rose again on Tuesday, traders in the capital said.\n\n"
            + "(Reporting by Grace Otieno in Kisumu and Ben Fields in Nairobi; Writing by Rob Fox; Editing by Sam Rowe)\n\n"
            + "Story by Irina Volkova. Translation by Alice Marsh.\n\nPhoto: Mark Bell/Reuters");
        for (String name : List.of("Grace Otieno", "Ben Fields", "Rob Fox", "Sam Rowe", "Irina Volkova", "Alice Marsh", "Mark Bell")) {
            assertThat(find(es, name).map(Entity::getType)).as(name).contains(EntityType.PERSON);
        }
        assertThat(find(es, "Kisumu").map(Entity::getType)).contains(EntityType.LOCATION);
        assertThat(find(es, "Nairobi").map(Entity::getType)).contains(EntityType.LOCATION);
        // an agency after "by" in a credit stays an organisation
        assertThat(typeOf("The figures were compiled on Monday. (Reporting by Interfax; Editing by Sam Rowe)", "Interfax"))
            .isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void agesRolesAndFirstNamesMarkPeople() {
        List<Entity> es = ents("The river rose overnight.\n\nMark Kabongo, 31, said his house was gone. "
            + "Emeka Nwosu, a 45-year-old fisherman, said the boats were lost. \"There is nothing left,\" said "
            + "Tunde Adeyemi, a trader at the market. One woman, who gave only her first name, Amina, said she had "
            + "nowhere to go. \"We wait,\" said Oksana, a 60-year-old nurse.");
        for (String name : List.of("Mark Kabongo", "Emeka Nwosu", "Tunde Adeyemi", "Amina", "Oksana")) {
            assertThat(find(es, name).map(Entity::getType)).as(name).contains(EntityType.PERSON);
        }
        // an appositive whose head is an organisation or a place does not make a person
        assertThat(typeOf("Officials said Halden, a small port town, was cut off.", "Halden")).isNotEqualTo(EntityType.PERSON);
        assertThat(typeOf("Members of Nueva Senda, a leftist opposition group, marched on Sunday.", "Nueva Senda"))
            .isNotEqualTo(EntityType.PERSON);
    }

    @Test
    void aPersonsShortFormIsLinkedBeforeTheGazetteer() {
        List<Entity> es = ents("Local police chief Moses Masaka said the bridge had been closed since Monday. "
            + "Masaka added that divers were still searching the river.");
        Entity moses = find(es, "Moses Masaka").orElseThrow();
        assertThat(moses.getType()).isEqualTo(EntityType.PERSON);
        assertThat(moses.getMentions()).extracting(Mention::getText).contains("Masaka");
        assertThat(es).noneMatch(e -> e.getType() == EntityType.LOCATION);
        // the same word where the text says it is a place stays the place
        List<Entity> both = ents("Local police chief Moses Masaka said the bridge had been closed. Traders in Masaka "
            + "said prices had doubled.");
        assertThat(both).anyMatch(e -> e.getType() == EntityType.LOCATION
            && e.getMentions().stream().anyMatch(m -> m.getText().equals("Masaka")));
    }

    @Test
    void placesNamedLikeOrdinaryWordsResolveInPlaceContext() {
        List<Entity> es = ents("Drones struck the cities of Sidon and Tyre overnight, and protests were held in Omsk, "
            + "Perm and Kazan over the weekend. Margaret L., 68, of Tiffin, was taken to hospital. Students in Reading "
            + "marched to the town hall on Monday afternoon.");
        for (String place : List.of("Tyre", "Perm", "Tiffin", "Reading")) {
            Entity e = find(es, place).orElseThrow(() -> new AssertionError(place + " missing in " + es));
            assertThat(e.getType()).as(place).isEqualTo(EntityType.LOCATION);
            assertThat(e.getGeo()).as(place).isNotNull();
        }
        // the same words as ordinary words stay out
        assertThat(ents("The tyre burst on the motorway and the perm did not last. Reading is good for you, she said."))
            .isEmpty();
    }

    @Test
    void placesKnownOnlyByContext() {
        List<Entity> es = ents("The unrest spread on Sunday to Velmora, Castrel and Kharkiv, where crowds gathered in "
            + "the squares. Ships were diverted through the Strait of Zenda while the army moved into rebel-held Ostrava "
            + "Nord. Water covered the streets of Columbus Junction and Lake Kivu rose by a metre.");
        for (String place : List.of("Velmora", "Castrel", "Strait of Zenda", "Ostrava Nord", "Columbus Junction", "Lake Kivu")) {
            assertThat(find(es, place).map(Entity::getType)).as(place).contains(EntityType.LOCATION);
        }
        assertThat(mentions(es)).doesNotContain("Columbus");
        // a list that names a speaker is not a list of places
        assertThat(typeOf("In Kharkiv, Kyiv and Odesa, Varenko said, the lights went out.", "Varenko"))
            .isNotEqualTo(EntityType.LOCATION);
        assertThat(typeOf("Troops patrolled the streets of Pakistani-administered Gilgit on Sunday.", "Gilgit"))
            .isEqualTo(EntityType.LOCATION);
        // "-controlled" after the state or a company is not a territory; a record label is not an island
        assertThat(typeOf("Shares of state-controlled Brightgas fell sharply on Monday.", "Brightgas"))
            .isNotEqualTo(EntityType.LOCATION);
        assertThat(typeOf("The band signed with Island Records in the spring of that year.", "Island Records"))
            .isNotEqualTo(EntityType.LOCATION);
        // "the Moscow-occupied Ukrainian city of X": a people's adjective after "-occupied" is no place
        assertThat(typeOf("Officials in the Moscow-occupied Ukrainian city of Melitopol said the water was cut.", "Ukrainian"))
            .isNull();
    }

    @Test
    void organisationsWithAndOfNumbersAndContext() {
        List<Entity> es = ents("The herd was culled last week, the Ohio Department of Natural Resources and Wildlife said "
            + "on Friday. Two trucks collided on the interstate, the Nevada Highway Patrol said, and patients at University "
            + "of Kansas Hospitals and Clinics were moved. Lebanese Civil Defence said six bodies were recovered.");
        for (String org : List.of("Ohio Department of Natural Resources and Wildlife", "Nevada Highway Patrol",
            "University of Kansas Hospitals and Clinics", "Lebanese Civil Defence")) {
            assertThat(find(es, org).map(Entity::getType)).as(org).contains(EntityType.ORGANIZATION);
        }
        // a second organisation after "and" is not swallowed
        List<Entity> two = ents("Officials from the Ministry of Health and Oxfam visited the camp on Monday.");
        assertThat(mentions(two)).doesNotContain("Ministry of Health and Oxfam");

        assertThat(typeOf("Sea Lantern, a hotline for people in distress at sea, said the dinghy had capsized.", "Sea Lantern"))
            .isEqualTo(EntityType.ORGANIZATION);
        assertThat(typeOf("After the roof fell in on Monday morning, Rescue 1199 said four people were hurt.", "Rescue 1199"))
            .isEqualTo(EntityType.ORGANIZATION);
        // the party context wins over a town of the same name; "-led" over an alternate name of a town
        assertThat(typeOf("Deputies of the ruling Tyre party voted for the reform on Tuesday.", "Tyre"))
            .isEqualTo(EntityType.ORGANIZATION);
        assertThat(typeOf("Hamas-led fighters attacked the post at night, residents said.", "Hamas"))
            .isEqualTo(EntityType.ORGANIZATION);
        // a place described as a capital stays a place
        assertThat(typeOf("In El Fasher, the capital of North Darfur state, fighters shelled the market.", "El Fasher"))
            .isEqualTo(EntityType.LOCATION);
    }

    @Test
    void givenNamesCoverAfricanSouthAsianAndUkrainianNames() {
        List<Entity> es = ents("The delegation met Kwabena Asamoah, Nomvula Zwane, Ramesh Pillai and Dmytro Koval "
            + "in the capital on Monday before flying home.");
        for (String name : List.of("Kwabena Asamoah", "Nomvula Zwane", "Ramesh Pillai", "Dmytro Koval")) {
            assertThat(find(es, name).map(Entity::getType)).as(name).contains(EntityType.PERSON);
        }
    }

    @Test
    void continentsAlsoWithADirection() {
        List<Entity> es = ents("The virus has spread beyond East Africa, and health officials in Europe and South "
            + "America are watching for cases.");
        for (String place : List.of("East Africa", "Europe", "South America")) {
            assertThat(find(es, place).map(Entity::getType)).as(place).contains(EntityType.LOCATION);
        }
    }
}
