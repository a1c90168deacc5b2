package io.newsflow.processor.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Places from GeoNames (countries, first-level regions, second-level districts, cities; see gazetteer/README.md),
 * optionally with a GeoNames dump an operator configured ({@link GeoNamesDump}, {@link EnricherOptions}): every name and
 * alternate name, normalised with {@link Norm#key}, maps to its candidate places. A country's main names (its English
 * names and news usages: UK, Britain, Ivory Coast, Czech Republic) are its own: no town or district of another
 * country is a candidate for them. Immutable after loading; thread-safe.
 */
final class Gazetteer {

    enum Kind { COUNTRY, ADMIN1, ADMIN2, CITY }

    static final class Place {
        final String id, name, country, admin1;
        final Kind kind;
        final double lat, lon;
        final long population;
        final Long geonamesId;

        Place(String id, String name, Kind kind, double lat, double lon, String country, String admin1, long population) {
            this.id = id; this.name = name; this.kind = kind; this.lat = lat; this.lon = lon;
            this.country = country; this.admin1 = admin1; this.population = population;
            Long g = null;
            if (id.startsWith("geonames:")) {
                try { g = Long.parseLong(id.substring(9)); } catch (NumberFormatException ignored) { }
            }
            this.geonamesId = g;
        }

        /** Prior for ambiguous names: population, with countries first and regions needing 10x a city's. */
        double prior() {
            double p = Math.log10(Math.max(10, population));
            switch (kind) {
                case COUNTRY: return p + 3;
                case ADMIN1: return p - 1;
                case ADMIN2: return p - 1.5;
                default: return p;
            }
        }
    }

    private static final Place[] NONE = new Place[0];
    private final Map<String, Place[]> byKey;
    private final Map<String, Place> countries;
    private final int maxTokens;
    private final String summary;

    private Gazetteer(Map<String, Place[]> byKey, Map<String, Place> countries, int maxTokens, String summary) {
        this.byKey = byKey; this.countries = countries; this.maxTokens = maxTokens; this.summary = summary;
    }

    /** The bundled places (a gzipped resource in the format of gazetteer/README.md). */
    static Gazetteer load(String resource) {
        Builder b = new Builder();
        try (InputStream raw = openResource(resource)) {
            b.bundled(new GZIPInputStream(raw, 1 << 16), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.build();
    }

    /**
     * The bundled places with a GeoNames dump ({@link EnricherOptions}).
     *
     * @param ordinaryWord lower-case ordinary English words: an alternate name that is one ("Police", "Mobile") is
     *                     dropped unless it is the place's main name, as in the bundled data
     * @throws IllegalArgumentException when the dump has no usable row (not the GeoNames format)
     * @throws UncheckedIOException     when it cannot be read
     */
    static Gazetteer load(String resource, EnricherOptions options, Predicate<String> ordinaryWord) {
        if (options.geonames() == null) return load(resource);
        Builder b = new Builder();
        try (InputStream raw = openResource(resource)) {
            b.bundled(new GZIPInputStream(raw, 1 << 16), options.geonamesMode() == EnricherOptions.GeoNamesMode.EXTEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            GeoNamesDump.read(options.geonames(), options, ordinaryWord, b);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read GeoNames dump " + options.geonames() + ": " + e.getMessage(), e);
        }
        return b.build();
    }

    private static InputStream openResource(String resource) {
        InputStream raw = Gazetteer.class.getResourceAsStream(resource);
        if (raw == null) throw new IllegalStateException("missing resource " + resource);
        return raw;
    }

    /** Reads the bundled format from a plain (not gzipped) stream; for tests. */
    static Gazetteer read(InputStream in) throws IOException {
        Builder b = new Builder();
        b.bundled(in, true);
        return b.build();
    }

    /** Collects places and their names; {@link #build()} sorts the candidates of each name by prior. */
    static final class Builder {
        private final Map<String, List<Place>> tmp = new HashMap<>(1 << 20);
        private final Map<String, Place> countries = new HashMap<>();
        /** "UA.26" -> first-level region name, from the bundled admin1 rows (to name a dump row's region). */
        private final Map<String, String> admin1Names = new HashMap<>();
        private final Map<Long, Place> byGeonamesId = new HashMap<>();
        /** key of a country's main name -> the countries that have it as a main name */
        private final Map<String, Set<String>> countryMains = new HashMap<>();
        private int maxTokens = 1;
        private int bundled;
        final StringBuilder notes = new StringBuilder();

        /** Rows of the bundled format; {@code withCities} false keeps only countries and first-level regions. */
        void bundled(InputStream in, boolean withCities) throws IOException {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.charAt(0) == '#') continue;
                String[] f = line.split("\t", -1);
                if (f.length < 9) continue;
                Kind kind = kind(f[2]);
                if ((kind == Kind.CITY || kind == Kind.ADMIN2) && !withCities) continue;
                Place p = new Place(f[0], f[1], kind, Double.parseDouble(f[3]), Double.parseDouble(f[4]), f[5],
                    f[6].isEmpty() ? null : f[6], Long.parseLong(f[7]));
                if (kind == Kind.COUNTRY) countries.put(p.country, p);
                if (kind == Kind.ADMIN1 && p.id.startsWith("geonames:adm1:")) admin1Names.put(p.id.substring(14), p.name);
                if (p.geonamesId != null) byGeonamesId.put(p.geonamesId, p);
                addNames(p, f[1]);
                for (String n : f[8].split("\\|")) addNames(p, n);
                if (kind == Kind.COUNTRY && f.length > 9) {
                    for (String n : f[9].split("\\|")) if (!n.isEmpty()) countryMain(p, n);
                }
                bundled++;
            }
        }

        private static Kind kind(String type) {
            switch (type) {
                case "country": return Kind.COUNTRY;
                case "admin1": return Kind.ADMIN1;
                case "admin2": return Kind.ADMIN2;
                default: return Kind.CITY;
            }
        }

        /** A main name of a country: towns and districts of other countries lose it (see {@link #build()}). */
        private void countryMain(Place country, String name) {
            String k = Norm.key(name);
            if (k.length() < 2) return;
            boolean acronym = name.length() <= 4 && Norm.isAllCaps(name.replace(".", ""));
            // "UK", "US": the all-caps key, and the plain one, which towns named Uk or Us would otherwise share
            if (acronym) countryMains.computeIfAbsent("#" + k, x -> new HashSet<>(2)).add(country.country);
            countryMains.computeIfAbsent(k, x -> new HashSet<>(2)).add(country.country);
        }

        String admin1Name(String country, String code) {
            return code == null || code.isEmpty() ? null : admin1Names.get(country + "." + code);
        }

        Place byGeonamesId(long id) { return byGeonamesId.get(id); }

        void add(Place p) {
            if (p.geonamesId != null) byGeonamesId.put(p.geonamesId, p);
        }

        void addNames(Place p, String name) {
            if (name.isEmpty()) return;
            boolean acronym = name.length() <= 4 && Norm.isAllCaps(name.replace(".", ""));
            // short all-caps aliases ("US", "UK", "UAE") only for countries; city codes ("OZH") are not names in text
            if (acronym && p.kind != Kind.COUNTRY) return;
            String k = Norm.key(name);
            if (k.length() < 2) return;
            if (acronym) k = "#" + k;   // matched only against all-caps text
            put(k, p);
            if (k.startsWith("saint ")) put("st " + k.substring(6), p);
            int tokens = 1;
            for (int i = 0; i < k.length(); i++) if (k.charAt(i) == ' ') tokens++;
            if (tokens > maxTokens) maxTokens = Math.min(tokens, 6);
        }

        private void put(String k, Place p) {
            List<Place> l = tmp.computeIfAbsent(k, x -> new ArrayList<>(1));
            if (!l.contains(p)) l.add(p);
        }

        int bundledCount() { return bundled; }

        Gazetteer build() {
            Map<String, Place[]> byKey = new HashMap<>(tmp.size() * 4 / 3 + 16);
            for (Map.Entry<String, List<Place>> e : tmp.entrySet()) {
                List<Place> l = e.getValue();
                Set<String> owners = countryMains.get(e.getKey());
                if (owners != null) {
                    l.removeIf(p -> (p.kind == Kind.CITY || p.kind == Kind.ADMIN2) && !owners.contains(p.country));
                }
                l.sort((a, b) -> Double.compare(b.prior(), a.prior()));
                byKey.put(e.getKey(), l.toArray(NONE));
            }
            String summary = bundled + " bundled places" + notes;
            return new Gazetteer(byKey, Map.copyOf(countries), maxTokens, summary);
        }
    }

    /** Candidates for a surface form (best prior first); an all-caps form also matches country codes. */
    Place[] lookup(String surface) {
        String k = Norm.key(surface);
        Place[] a = byKey.getOrDefault(k, NONE);
        // Arabic article spelled al- or el- (Deir al-Balah / Deir el-Balah)
        if (a.length == 0 && k.indexOf(' ') > 0) {
            if (k.contains(" al ")) a = byKey.getOrDefault(k.replace(" al ", " el "), NONE);
            else if (k.contains(" el ")) a = byKey.getOrDefault(k.replace(" el ", " al "), NONE);
        }
        if (Norm.isAllCaps(surface) && surface.replace(".", "").length() <= 4) {
            Place[] b = byKey.get("#" + k);
            if (b != null) {
                Place[] c = Arrays.copyOf(b, b.length + a.length);
                System.arraycopy(a, 0, c, b.length, a.length);
                return c;
            }
        }
        return a;
    }

    Place[] lookupKey(String key) { return byKey.getOrDefault(key, NONE); }

    Place country(String code) { return countries.get(code); }

    int maxTokens() { return maxTokens; }

    int size() { return byKey.size(); }

    /** Where the places came from, for the start-up log: "68768 bundled places + 1234 from cities500.txt ...". */
    String summary() { return summary; }
}
