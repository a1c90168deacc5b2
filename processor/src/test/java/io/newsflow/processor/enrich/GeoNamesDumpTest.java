package io.newsflow.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.avro.Entity;
import io.newsflow.avro.EntityType;
import io.newsflow.processor.enrich.EnricherOptions.GeoNamesMode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's GeoNames dump (official tab-separated format) extends or replaces the bundled places. The fixture's
 * towns are invented (Ostrohirka, Tykhobrid); the rows follow download.geonames.org/export/dump/readme.txt.
 */
class GeoNamesDumpTest {
    private static final String TEXT = "Shelling damaged homes in Ostrohirka overnight, officials said.";

    /** geonameid, name, asciiname, alternatenames, lat, lon, class, code, cc, cc2, admin1, admin2-4, population, elevation, dem, tz, date. */
    private static String row(long id, String name, String alternates, double lat, double lon, String fclass, String fcode,
                              String cc, String admin1, long population) {
        return String.join("\t", String.valueOf(id), name, name, alternates, String.valueOf(lat), String.valueOf(lon),
                fclass, fcode, cc, "", admin1, "", "", "", String.valueOf(population), "", "120", "Europe/Kyiv", "2024-01-10");
    }

    private static final List<String> ROWS = List.of(
            // an invented town with a Cyrillic and a Russian-transliterated alternate name, and an ordinary word
            row(99000001, "Ostrohirka", "Ostrogorka,Острогірка,Острогорка,Harbor", 47.41234, 35.91234, "P", "PPL", "UA", "26", 2400),
            // an invented village below a min-population of 1000
            row(99000002, "Tykhobrid", "Tikhobrod", 47.5, 36.1, "P", "PPL", "UA", "26", 300),
            // a stream: feature class H, not read by default
            row(99000003, "Ostrohirka Creek", "", 47.4, 35.9, "H", "STM", "UA", "26", 0),
            // the real Berdyansk (GeoNames 712451, bundled) with an alternate name the bundled data does not have
            row(712451, "Berdyansk", "Berdiansk,Osypenko Port", 46.75578, 36.78815, "P", "PPLA2", "UA", "26", 106311),
            "not\ta\tgeonames\trow");

    @TempDir
    static Path dir;
    static Path dump;

    @BeforeAll
    static void writeFixture() throws IOException {
        dump = Files.write(dir.resolve("cities-fixture.txt"), ROWS, StandardCharsets.UTF_8);
    }

    private static Optional<Entity> place(ArticleEnricher e, String text, String mention) {
        return e.analyse("", text).entities().stream()
                .filter(x -> x.getMentions().stream().anyMatch(m -> m.getText().equals(mention)))
                .findFirst();
    }

    @Test
    void shouldGeocodeANameThatOnlyTheDumpKnows() {
        // given the bundled places only
        Optional<Entity> before = place(ArticleEnricher.loadFresh(), TEXT, "Ostrohirka");
        assertThat(before.map(Entity::getGeo)).as("not geocoded without the dump").isEmpty();

        // when the dump extends them
        ArticleEnricher e = ArticleEnricher.load(EnricherOptions.defaults().withGeoNames(dump));

        // then the town is a place with the dump's coordinates, country, region (named from the bundled admin1) and id
        Entity town = place(e, TEXT, "Ostrohirka").orElseThrow();
        assertThat(town.getType()).isEqualTo(EntityType.LOCATION);
        assertThat(town.getId()).isEqualTo("geonames:99000001");
        assertThat(town.getGeo().getLat()).isEqualTo(47.41234);
        assertThat(town.getGeo().getLon()).isEqualTo(35.91234);
        assertThat(town.getGeo().getCountry()).isEqualTo("UA");
        assertThat(town.getGeo().getAdmin1()).isEqualTo("Zaporizhzhia");
        assertThat(town.getGeo().getGeonamesId()).isEqualTo(99000001L);
        assertThat(e.gazetteerSummary()).contains("cities-fixture.txt", "1 malformed");
    }

    @Test
    void shouldResolveTheDumpsAlternateNamesToTheSameId() {
        ArticleEnricher e = ArticleEnricher.load(EnricherOptions.defaults().withGeoNames(dump));

        assertThat(place(e, "Shelling damaged homes in Ostrogorka overnight.", "Ostrogorka").map(Entity::getId))
                .contains("geonames:99000001");
        // (Ukrainian text gets only places of 50,000 people or more, so the Cyrillic name is checked in the index)
        assertThat(e.gazetteer().lookup("Острогірка")).extracting(p -> p.id).containsExactly("geonames:99000001");
        // the ordinary English word among the alternate names is not a name of the town
        assertThat(place(e, "Boats sailed into the Harbor at dawn, officials said.", "Harbor").map(Entity::getId))
                .isNotEqualTo(Optional.of("geonames:99000001"));
    }

    @Test
    void shouldMergeTheDumpsNamesIntoABundledPlaceWithTheSameGeonameId() {
        ArticleEnricher e = ArticleEnricher.load(EnricherOptions.defaults().withGeoNames(dump));

        Entity port = place(e, "Drones struck Osypenko Port on Monday.", "Osypenko Port").orElseThrow();

        assertThat(port.getId()).isEqualTo(place(e, "Drones struck targets in Berdiansk on Monday.", "Berdiansk").orElseThrow().getId());
    }

    @Test
    void shouldSkipRowsBelowTheMinimumPopulationAndFeatureClassesNotAsked() {
        Properties props = new Properties();
        props.setProperty(EnricherOptions.GEONAMES, dump.toString());
        props.setProperty(EnricherOptions.GEONAMES_MIN_POPULATION, "1000");
        ArticleEnricher e = ArticleEnricher.load(EnricherOptions.fromProperties(props));

        assertThat(place(e, "Shelling damaged homes in Tykhobrid overnight.", "Tykhobrid").map(Entity::getGeo)).isEmpty();
        assertThat(place(e, TEXT, "Ostrohirka").map(Entity::getId)).contains("geonames:99000001");
        assertThat(place(e, "Bodies were found in Ostrohirka Creek.", "Ostrohirka Creek").map(Entity::getId))
                .isNotEqualTo(Optional.of("geonames:99000003"));
    }

    @Test
    void shouldReplaceTheBundledCitiesButKeepCountriesAndRegions() {
        // given a dump without Mariupol, in replace mode
        ArticleEnricher e = ArticleEnricher.load(EnricherOptions.defaults().withGeoNames(dump)
                .withGeoNamesMode(GeoNamesMode.REPLACE));

        // then the dump's towns are there, bundled cities are gone, countries and regions stay
        assertThat(place(e, TEXT, "Ostrohirka").map(Entity::getId)).contains("geonames:99000001");
        assertThat(place(ArticleEnricher.loadFresh(), "Fighting continued near Mariupol on Tuesday.", "Mariupol")
                .map(Entity::getGeo)).as("bundled").isPresent();
        assertThat(place(e, "Fighting continued near Mariupol on Tuesday.", "Mariupol").map(Entity::getGeo)).isEmpty();
        assertThat(place(e, "Aid reached Ukraine on Tuesday.", "Ukraine").map(Entity::getGeo)).isPresent();
    }

    @Test
    void shouldReadAZippedDumpLikeTheOnesGeoNamesPublishes() throws IOException {
        Path zip = dir.resolve("cities-fixture.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("GeoNames readme".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("cities-fixture.txt"));
            z.write(Files.readAllBytes(dump));
        }

        ArticleEnricher e = ArticleEnricher.load(EnricherOptions.defaults().withGeoNames(zip));

        assertThat(place(e, TEXT, "Ostrohirka").map(Entity::getId)).contains("geonames:99000001");
    }

    @Test
    void shouldRejectAFileThatIsNotAGeoNamesDump() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "a list of places\nOstrohirka, Ukraine\n");

        assertThatThrownBy(() -> ArticleEnricher.load(EnricherOptions.defaults().withGeoNames(notes)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no usable GeoNames row");
        assertThatThrownBy(() -> ArticleEnricher.load(EnricherOptions.defaults().withGeoNames(dir.resolve("none.txt"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not found");
    }

    @Test
    void shouldReadTheSettingsFromPropertiesAndTheEnvironment() {
        Properties props = new Properties();
        props.setProperty(EnricherOptions.GEONAMES, "/data/allCountries.zip");
        props.setProperty(EnricherOptions.GEONAMES_MODE, "replace");
        props.setProperty(EnricherOptions.GEONAMES_MIN_POPULATION, "500");
        props.setProperty(EnricherOptions.GEONAMES_FEATURE_CLASSES, "P, A");

        EnricherOptions o = EnricherOptions.fromProperties(props);

        assertThat(o.geonames()).isEqualTo(Path.of("/data/allCountries.zip"));
        assertThat(o.geonamesMode()).isEqualTo(GeoNamesMode.REPLACE);
        assertThat(o.geonamesMinPopulation()).isEqualTo(500);
        assertThat(o.geonamesFeatureClasses()).containsExactlyInAnyOrder("P", "A");
        assertThat(EnricherOptions.fromEnvironment(java.util.Map.of(EnricherOptions.ENV_GEONAMES, "/data/cities500.zip"))
                .geonames()).isEqualTo(Path.of("/data/cities500.zip"));
        assertThat(EnricherOptions.fromProperties(new Properties())).isEqualTo(EnricherOptions.defaults());
        props.setProperty(EnricherOptions.GEONAMES_MODE, "merge");
        assertThatThrownBy(() -> EnricherOptions.fromProperties(props)).hasMessageContaining("extend or replace");
    }
}
