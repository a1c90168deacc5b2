package io.newsflow.processor.enrich;

import io.newsflow.processor.enrich.Gazetteer.Kind;
import io.newsflow.processor.enrich.Gazetteer.Place;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a GeoNames dump in the official tab-separated format (https://download.geonames.org/export/dump/, see its
 * readme: {@code allCountries.txt}, {@code cities500.txt} ... and the per-country files) into a {@link Gazetteer}:
 *
 * <pre>
 *  0 geonameid  1 name  2 asciiname  3 alternatenames (comma-separated)  4 latitude  5 longitude
 *  6 feature class  7 feature code  8 country code  9 cc2  10 admin1 code  11-13 admin2-4 codes  14 population ...
 * </pre>
 *
 * The same rules as the bundled data (tools/gazetteer/build.py): alternate names are kept when they are 3-60
 * characters of Latin or Cyrillic script without digits, and not an ordinary English word unless that is the main
 * name; the region name comes from the bundled first-level regions by {@code country.admin1 code}; ids are
 * {@code geonames:<geonameid>}. Historical, abandoned and destroyed places are skipped, and so are countries and
 * first-level regions (feature codes PCL*, ADM1), which the bundled data already has under its own ids.
 *
 * <p>The file may be plain, {@code .gz} or {@code .zip} (the first {@code .txt} entry that is not a readme).
 * Malformed rows are counted and skipped; a file without a single usable row is rejected, because that is almost
 * certainly not a GeoNames dump.
 */
final class GeoNamesDump {
    private static final Set<String> SKIPPED_CODES = Set.of("PPLH", "PPLCH", "PPLQ", "PPLW", "ADM1", "ADM1H", "ADM2H",
        "ADM3H", "ADM4H", "ADM5H", "ADMDH", "PCL", "PCLD", "PCLF", "PCLH", "PCLI", "PCLIX", "PCLS");
    /** Capitals and admin seats are kept whatever the minimum population. */
    private static final Set<String> SEATS = Set.of("PPLC", "PPLA", "PPLA2");

    private GeoNamesDump() {}

    /** Counts of one read, for the summary. */
    static final class Stats {
        long rows, added, merged, filtered, malformed;
    }

    static Stats read(Path file, EnricherOptions options, Predicate<String> ordinaryWord, Gazetteer.Builder into)
            throws IOException {
        Stats stats;
        try (InputStream in = open(file)) {
            stats = read(in, options, ordinaryWord, into);
        }
        if (stats.added + stats.merged == 0) {
            throw new IllegalArgumentException("no usable GeoNames row in " + file + " (" + stats.rows + " lines, "
                + stats.malformed + " malformed, " + stats.filtered + " filtered out): expected the tab-separated "
                + "format of download.geonames.org/export/dump (geonameid, name, asciiname, alternatenames, latitude, ...)");
        }
        into.notes.append(" + ").append(stats.added).append(" from ").append(file.getFileName())
            .append(" (").append(options.geonamesMode().name().toLowerCase(Locale.ROOT)).append("; ")
            .append(stats.merged).append(" merged into bundled places, ").append(stats.filtered).append(" filtered out, ")
            .append(stats.malformed).append(" malformed rows skipped)");
        return stats;
    }

    static Stats read(InputStream in, EnricherOptions options, Predicate<String> ordinaryWord, Gazetteer.Builder into)
            throws IOException {
        Stats stats = new Stats();
        Set<String> classes = options.geonamesFeatureClasses();
        long minPopulation = options.geonamesMinPopulation();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isEmpty() || line.charAt(0) == '#') continue;
            stats.rows++;
            String[] f = line.split("\t", -1);
            if (f.length < 15) { stats.malformed++; continue; }
            if (!classes.contains(f[6]) || SKIPPED_CODES.contains(f[7])) { stats.filtered++; continue; }
            long id, population;
            double lat, lon;
            try {
                id = Long.parseLong(f[0].trim());
                lat = Double.parseDouble(f[4].trim());
                lon = Double.parseDouble(f[5].trim());
                population = f[14].isBlank() ? 0 : Long.parseLong(f[14].trim());
            } catch (NumberFormatException e) {
                stats.malformed++;
                continue;
            }
            String name = f[1].trim();
            if (name.isEmpty() || lat < -90 || lat > 90 || lon < -180 || lon > 180) { stats.malformed++; continue; }
            if (population < minPopulation && !SEATS.contains(f[7])) { stats.filtered++; continue; }

            Place existing = into.byGeonamesId(id);
            Place p;
            if (existing != null) {
                p = existing;
                stats.merged++;
            } else {
                String country = f[8].trim().toUpperCase(Locale.ROOT);
                p = new Place("geonames:" + id, name, Kind.CITY, lat, lon, country.isEmpty() ? null : country,
                    into.admin1Name(country, f[10].trim()), population);
                into.add(p);
                stats.added++;
                into.addNames(p, name);
            }
            String mainKey = Norm.key(name);
            String ascii = f[2].trim();
            if (!ascii.isEmpty() && !ascii.equals(name)) into.addNames(p, ascii);
            if (!f[3].isEmpty()) {
                for (String alt : f[3].split(",")) {
                    alt = alt.trim();
                    if (!usableAlternate(alt)) continue;
                    String k = Norm.key(alt);
                    // an alternate name that is an ordinary word ("Police", "Mobile") only when it is the main name
                    if (!k.equals(mainKey) && ordinaryWord.test(k)) continue;
                    into.addNames(p, alt);
                }
            }
        }
        return stats;
    }

    /** 3-60 characters of Latin (with diacritics) or Cyrillic letters, spaces and {@code ' ’ ʼ ` . - ( )}; no digits. */
    static boolean usableAlternate(String n) {
        int len = n.length();
        if (len <= 2 || len > 60) return false;
        for (int i = 0; i < len; i++) {
            char c = n.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || Character.isWhitespace(c)
                || c >= '\u00C0' && c <= '\u024F' && c != '\u00D7' && c != '\u00F7'
                || c >= '\u1E00' && c <= '\u1EFF' || c >= '\u0400' && c <= '\u04FF'
                || c == '\'' || c == '\u2019' || c == '\u02BC' || c == '`' || c == '.' || c == '-' || c == '(' || c == ')';
            if (!ok) return false;
        }
        return true;
    }

    /** The dump's text: a zip's first .txt entry that is not a readme, a gunzipped .gz, or the file itself. */
    static InputStream open(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            if (name.endsWith(".gz")) return new GZIPInputStream(raw, 1 << 16);
            if (name.endsWith(".zip")) {
                ZipInputStream zip = new ZipInputStream(raw, StandardCharsets.UTF_8);
                ZipEntry e;
                while ((e = zip.getNextEntry()) != null) {
                    String n = e.getName().toLowerCase(Locale.ROOT);
                    if (!e.isDirectory() && n.endsWith(".txt") && !n.contains("readme")) return zip;
                }
                zip.close();
                throw new IllegalArgumentException("no .txt entry in " + file + " (expected a GeoNames dump zip such as cities500.zip)");
            }
            return raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
