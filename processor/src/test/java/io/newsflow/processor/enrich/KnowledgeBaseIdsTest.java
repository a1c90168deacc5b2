package io.newsflow.processor.enrich;

import static io.newsflow.processor.enrich.EnrichFixture.E;
import static io.newsflow.processor.enrich.EnrichFixture.ents;
import static io.newsflow.processor.enrich.EnrichFixture.find;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.Entity;
import io.newsflow.avro.EntityType;
import io.newsflow.processor.enrich.Gazetteer.Kind;
import io.newsflow.processor.enrich.Gazetteer.Place;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ids that must not move between releases (a committed list, {@code kb/pinned-ids.tsv} and
 * {@code kb/pinned-places.tsv}), countries over towns of the same name, and the knowledge base seen through the
 * enricher.
 */
class KnowledgeBaseIdsTest {

    private static List<String[]> pinned(String resource) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = KnowledgeBaseIdsTest.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                out.add(line.split("\t"));
            }
        }
        return out;
    }

    @Test
    void shouldKeepTheReleasedIdsOfKnowledgeBaseEntities() throws IOException {
        List<String[]> pins = pinned("/kb/pinned-ids.tsv");
        assertThat(pins).hasSizeGreaterThan(20);
        for (String[] p : pins) {
            EntityDictionary.Entry e = E.dictionary().lookup(p[0]);
            assertThat(e).as("no entry for %s", p[0]).isNotNull();
            assertThat(e.id()).as("id of %s", p[0]).isEqualTo(p[1]);
        }
    }

    @Test
    void shouldKeepTheReleasedIdsOfPlaces() throws IOException {
        for (String[] p : pinned("/kb/pinned-places.tsv")) {
            Place[] places = E.gazetteer().lookup(p[0]);
            assertThat(places).as("no place for %s", p[0]).isNotEmpty();
            assertThat(places[0].id).as("id of %s", p[0]).isEqualTo(p[1]);
        }
    }

    @Test
    void shouldLetACountryWinOverATownOfTheSameNameElsewhere() throws IOException {
        // given a country whose main names include "Zedland" and "ZL", and a big town called Zedland in another country
        String rows = String.join("\n",
            "iso3166:XA\tRepublic of Zedland\tcountry\t10\t10\tXA\t\t500000\tRepublic of Zedland|Zedland|ZL|Zedlandia\tRepublic of Zedland|Zedland|ZL",
            "geonames:1\tZedland\tcity\t40\t40\tXB\tSouthland\t2000000\tZedland",
            "geonames:2\tZedlandia\tcity\t41\t41\tXB\tSouthland\t3000000\tZedlandia",
            "geonames:adm2:XB.01.7\tZedland District\tadmin2\t42\t42\tXB\tSouthland\t900000\tZedland District|Zedland",
            "geonames:3\tZedland\tcity\t11\t11\tXA\tNorthland\t90000\tZedland") + "\n";
        Gazetteer g = Gazetteer.read(new ByteArrayInputStream(rows.getBytes(StandardCharsets.UTF_8)));

        // when its main name is looked up, then only the country and its own town are candidates, the country first
        Place[] zedland = g.lookup("Zedland");
        assertThat(zedland).extracting(p -> p.id).containsExactly("iso3166:XA", "geonames:3");
        assertThat(g.lookup("ZL")[0].kind).isEqualTo(Kind.COUNTRY);
        // a name of another language (not a main name) still lets the bigger town compete
        assertThat(g.lookup("Zedlandia")).extracting(p -> p.id).contains("geonames:2");
    }

    @Test
    void shouldReadCountriesByTheirNewsNames() {
        for (String[] c : new String[][] {{"Officials in Britain said the talks ended.", "Britain", "iso3166:GB"},
            {"Exports from Ivory Coast rose this year.", "Ivory Coast", "iso3166:CI"},
            {"The Czech Republic sent aid.", "Czech Republic", "iso3166:CZ"},
            {"Refugees reached Holland on Friday.", "Holland", "iso3166:NL"},
            {"The UK and the US issued a joint statement.", "UK", "iso3166:GB"},
            {"The UK and the US issued a joint statement.", "US", "iso3166:US"},
            {"Missiles hit Dnipro overnight, officials said.", "Dnipro", "geonames:709930"}}) {
            Entity e = find(ents(c[0]), c[1]).orElseThrow(() -> new AssertionError("no entity " + c[1] + " in " + c[0]));
            assertThat(e.getId()).as(c[1]).isEqualTo(c[2]);
            assertThat(e.getType()).isEqualTo(EntityType.LOCATION);
        }
    }

    @Test
    void shouldGiveEverySpellingOfAKnowledgeBaseEntityOneIdInText() {
        String a = find(ents("Members of the Put Domoy movement said they would protest again."), "Put Domoy").orElseThrow().getId();
        String b = find(ents("Wives of mobilised men from Put' Dumoi (Way Home) gathered in the square."), "Put' Dumoi").orElseThrow().getId();
        String c = find(ents("The Agence France-Presse report was confirmed by officials."), "Agence France-Presse").orElseThrow().getId();
        String d = find(ents("An AFP photographer saw the damage."), "AFP").orElseThrow().getId();
        assertThat(a).isEqualTo(b).isEqualTo("kb:org:put-dumoi");
        assertThat(c).isEqualTo(d).isEqualTo("kb:org:afp");
    }

    @Test
    void shouldPlaceASeaOfTheKnowledgeBase() {
        Entity sea = find(ents("Drones were shot down over the Sea of Azov overnight."), "Sea of Azov").orElseThrow();
        assertThat(sea.getId()).isEqualTo("kb:loc:sea-of-azov");
        assertThat(sea.getGeo()).isNotNull();
    }

    @Test
    void shouldLinkAnAmbiguousNameOnlyWhenTheTextTypesIt() {
        // given an organisation known under an ordinary word ("~Memorial" in the knowledge base)
        // then the word alone is no dictionary entry (step 1 of the recogniser never fires on it) ...
        assertThat(E.dictionary().lookup("Memorial")).isNull();
        assertThat(E.dictionary().lookup("Memorial Human Rights Centre").id()).isEqualTo("kb:org:memorial");
        // ... it links only a name typed as an organisation, never one typed otherwise
        assertThat(E.dictionary().contextMatch("Memorial", EntityType.ORGANIZATION).id()).isEqualTo("kb:org:memorial");
        assertThat(E.dictionary().contextMatch("Memorial", EntityType.PERSON)).isNull();
        // and in text, the recogniser's organisation cue brings the id
        List<Entity> typed = ents("Lawyers for the rights group Memorial said the verdict was unjust.");
        assertThat(find(typed, "Memorial").orElseThrow().getId()).isEqualTo("kb:org:memorial");
    }
}
