package io.newsflow.processor.enrich;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * How {@link ArticleEnricher#load(EnricherOptions)} builds its data: the bundled files, optionally with a GeoNames dump
 * in the official tab-separated format ({@code allCountries.txt}, {@code cities500.txt}, {@code cities1000.txt},
 * {@code cities15000.txt}, a country file such as {@code UA.txt}; plain, {@code .zip} or {@code .gz}).
 *
 * <p>Settings (properties of the processor's configuration file, or {@link #fromProperties}):
 * <pre>
 * newsflow.gazetteer.geonames                  FILE       the dump; env NEWSFLOW_GAZETTEER_GEONAMES, flag --gazetteer-geonames
 * newsflow.gazetteer.geonames.mode             extend     extend: bundled places plus the dump (same geonameid: names merged)
 *                                                         replace: the dump's places instead of the bundled cities
 *                                                         (bundled countries and first-level regions stay either way)
 * newsflow.gazetteer.geonames.min-population   0          rows with a smaller population are skipped, except capitals and admin seats
 * newsflow.gazetteer.geonames.feature-classes  P          GeoNames feature classes to read (P = populated places; A, L, T, H ... also work)
 * </pre>
 *
 * @param geonames              the dump, or null for the bundled places only
 * @param geonamesMode          how the dump combines with the bundled places
 * @param geonamesMinPopulation rows below this population are skipped (capitals and admin seats are always kept)
 * @param geonamesFeatureClasses GeoNames feature classes (column 7) to read
 */
public record EnricherOptions(Path geonames, GeoNamesMode geonamesMode, long geonamesMinPopulation,
                              Set<String> geonamesFeatureClasses) {

    public static final String GEONAMES = "newsflow.gazetteer.geonames";
    public static final String GEONAMES_MODE = "newsflow.gazetteer.geonames.mode";
    public static final String GEONAMES_MIN_POPULATION = "newsflow.gazetteer.geonames.min-population";
    public static final String GEONAMES_FEATURE_CLASSES = "newsflow.gazetteer.geonames.feature-classes";
    /** Environment variable for {@link #GEONAMES}. */
    public static final String ENV_GEONAMES = io.newsflow.schemas.config.EnvVars.NEWSFLOW_GAZETTEER_GEONAMES;

    /** How a GeoNames dump combines with the bundled places. */
    public enum GeoNamesMode {
        /** Bundled places plus the dump's; a place in both keeps its bundled row and gains the dump's names. */
        EXTEND,
        /** The dump's places instead of the bundled cities; bundled countries and first-level regions stay. */
        REPLACE
    }

    public EnricherOptions {
        Objects.requireNonNull(geonamesMode, "geonamesMode");
        if (geonamesMinPopulation < 0) throw new IllegalArgumentException("min-population must be >= 0");
        geonamesFeatureClasses = geonamesFeatureClasses == null || geonamesFeatureClasses.isEmpty()
            ? Set.of("P") : Set.copyOf(geonamesFeatureClasses);
    }

    /** The bundled data only. */
    public static EnricherOptions defaults() {
        return new EnricherOptions(null, GeoNamesMode.EXTEND, 0, Set.of("P"));
    }

    /** These options with a GeoNames dump (null: none). */
    public EnricherOptions withGeoNames(Path dump) {
        return new EnricherOptions(dump, geonamesMode, geonamesMinPopulation, geonamesFeatureClasses);
    }

    public EnricherOptions withGeoNamesMode(GeoNamesMode mode) {
        return new EnricherOptions(geonames, mode, geonamesMinPopulation, geonamesFeatureClasses);
    }

    public EnricherOptions withGeoNamesMinPopulation(long min) {
        return new EnricherOptions(geonames, geonamesMode, min, geonamesFeatureClasses);
    }

    /** The defaults with {@value #ENV_GEONAMES} from the environment, for commands without a properties file. */
    public static EnricherOptions fromEnvironment(Map<String, String> env) {
        String dump = env == null ? null : env.get(ENV_GEONAMES);
        return defaults().withGeoNames(dump == null || dump.isBlank() ? null : Path.of(dump.trim()));
    }

    /**
     * The {@code newsflow.gazetteer.*} settings of a configuration; other keys are ignored.
     *
     * @throws IllegalArgumentException on a bad value (unknown mode, not a number)
     */
    public static EnricherOptions fromProperties(Properties props) {
        String dump = trimmed(props.getProperty(GEONAMES));
        String mode = trimmed(props.getProperty(GEONAMES_MODE));
        String min = trimmed(props.getProperty(GEONAMES_MIN_POPULATION));
        String classes = trimmed(props.getProperty(GEONAMES_FEATURE_CLASSES));
        GeoNamesMode m;
        try {
            m = mode == null ? GeoNamesMode.EXTEND : GeoNamesMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(GEONAMES_MODE + " must be extend or replace, not '" + mode + "'");
        }
        long minPop;
        try {
            minPop = min == null ? 0 : Long.parseLong(min);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(GEONAMES_MIN_POPULATION + " must be a number, not '" + min + "'");
        }
        Set<String> fc = new LinkedHashSet<>();
        if (classes != null) {
            for (String c : classes.split("[,\\s]+")) if (!c.isBlank()) fc.add(c.trim().toUpperCase(Locale.ROOT));
        }
        return new EnricherOptions(dump == null ? null : Path.of(dump), m, minPop, fc);
    }

    /**
     * Checks what can be checked without reading the data: the dump exists and is a readable file.
     *
     * @throws IllegalArgumentException when it is not
     */
    public EnricherOptions validate() {
        if (geonames != null && !(Files.isRegularFile(geonames) && Files.isReadable(geonames))) {
            throw new IllegalArgumentException("GeoNames dump not found or not readable: " + geonames.toAbsolutePath());
        }
        return this;
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
