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
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Places from GeoNames (countries, first-level regions, cities; see gazetteer/README.md): every name and alternate
 * name, normalised with {@link Norm#key}, maps to its candidate places. Immutable after loading; thread-safe.
 */
final class Gazetteer {

    enum Kind { COUNTRY, ADMIN1, CITY }

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
                default: return p;
            }
        }
    }

    private static final Place[] NONE = new Place[0];
    private final Map<String, Place[]> byKey;
    private final Map<String, Place> countries = new HashMap<>();
    private int maxTokens = 1;

    private Gazetteer(Map<String, Place[]> byKey) { this.byKey = byKey; }

    static Gazetteer load(String resource) {
        try (InputStream raw = Gazetteer.class.getResourceAsStream(resource)) {
            if (raw == null) throw new IllegalStateException("missing resource " + resource);
            return read(new GZIPInputStream(raw, 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Gazetteer read(InputStream in) throws IOException {
        Map<String, List<Place>> tmp = new HashMap<>(1 << 20);
        Gazetteer g = new Gazetteer(new HashMap<>(1 << 20));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isEmpty() || line.charAt(0) == '#') continue;
            String[] f = line.split("\t", -1);
            if (f.length < 9) continue;
            Kind kind = f[2].equals("country") ? Kind.COUNTRY : f[2].equals("admin1") ? Kind.ADMIN1 : Kind.CITY;
            Place p = new Place(f[0], f[1], kind, Double.parseDouble(f[3]), Double.parseDouble(f[4]), f[5],
                f[6].isEmpty() ? null : f[6], Long.parseLong(f[7]));
            if (kind == Kind.COUNTRY) g.countries.put(p.country, p);
            g.addNames(tmp, p, f[1]);
            for (String n : f[8].split("\\|")) g.addNames(tmp, p, n);
        }
        for (Map.Entry<String, List<Place>> e : tmp.entrySet()) {
            List<Place> l = e.getValue();
            l.sort((a, b) -> Double.compare(b.prior(), a.prior()));
            g.byKey.put(e.getKey(), l.toArray(NONE));
        }
        return g;
    }

    private void addNames(Map<String, List<Place>> tmp, Place p, String name) {
        if (name.isEmpty()) return;
        boolean acronym = name.length() <= 4 && Norm.isAllCaps(name.replace(".", ""));
        // short all-caps aliases ("US", "UK", "UAE") only for countries; city codes ("OZH") are not names in text
        if (acronym && p.kind != Kind.COUNTRY) return;
        String k = Norm.key(name);
        if (k.length() < 2) return;
        if (acronym) k = "#" + k;   // matched only against all-caps text
        add(tmp, k, p);
        if (k.startsWith("saint ")) add(tmp, "st " + k.substring(6), p);
        int tokens = k.split(" ").length;
        if (tokens > maxTokens) maxTokens = Math.min(tokens, 6);
    }

    private static void add(Map<String, List<Place>> tmp, String k, Place p) {
        List<Place> l = tmp.computeIfAbsent(k, x -> new ArrayList<>(1));
        if (!l.contains(p)) l.add(p);
    }

    /** Candidates for a surface form (best prior first); an all-caps form also matches country codes. */
    Place[] lookup(String surface) {
        String k = Norm.key(surface);
        Place[] a = byKey.getOrDefault(k, NONE);
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
}
