package io.newsflow.processor.enrich.kb;

import io.newsflow.avro.EntityType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The curated knowledge base ({@code kb/organizations.tsv}, {@code kb/people.tsv}, {@code kb/places.tsv}; format and
 * sources in {@code kb/README.md}): entities with a frozen id, a type, a canonical name, a country, aliases and, for
 * places, a point. Countries, first-level regions, districts and cities are GeoNames data in the gazetteer
 * ({@code gazetteer/places.tsv.gz}), not here.
 *
 * <p>{@link #lookup} finds the entities a surface form may name: first by the exact name (folded, lower case, words
 * joined by one space), then by {@link NameKey} (transliteration, spelling and word-order variants). Hash lookups
 * only, nothing compiled per call. Immutable after loading; thread-safe. Operators' run-time entries
 * ({@code news.gazetteer}) live in {@code EntityDictionary}, layered over this.
 */
public final class KnowledgeBase {

    /** Resources of the bundled knowledge base, with the type of their entities. */
    public static final String ORGANIZATIONS = "/kb/organizations.tsv";
    public static final String PEOPLE = "/kb/people.tsv";
    public static final String PLACES = "/kb/places.tsv";

    /** One entity; immutable. {@code lat}/{@code lon} are null except for places. */
    public record Entity(String id, EntityType type, String kind, String name, String country, Double lat, Double lon,
                         List<Name> names, String source) {
        public Entity {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            names = List.copyOf(names);
        }

        /** Whether the entity has a point (a place). */
        public boolean hasPoint() { return lat != null && lon != null; }
    }

    /** A name of an entity: its canonical name or an alias; {@code weak} names need context (an ordinary word). */
    public record Name(String text, boolean weak) {}

    /**
     * A match of {@link #lookup}: the entity, whether the name matched is weak (then the caller must have its own
     * evidence for the type), and whether it matched exactly or only through the name key.
     */
    public record Candidate(Entity entity, boolean weak, boolean exact) {}

    private static final Candidate[] NONE = new Candidate[0];
    private static volatile KnowledgeBase bundled;

    private final Map<String, Entity> byId;
    private final Map<String, Candidate[]> byExact;
    private final Map<String, Candidate[]> byKey;
    private final Map<String, Integer> counts;
    private final NameKey key;

    private KnowledgeBase(Map<String, Entity> byId, Map<String, Candidate[]> byExact, Map<String, Candidate[]> byKey,
                          Map<String, Integer> counts, NameKey key) {
        this.byId = byId; this.byExact = byExact; this.byKey = byKey; this.counts = counts; this.key = key;
    }

    /** The bundled knowledge base, loaded once per process. */
    public static KnowledgeBase loadDefault() {
        KnowledgeBase k = bundled;
        if (k == null) {
            synchronized (KnowledgeBase.class) {
                k = bundled;
                if (k == null) {
                    Builder b = new Builder(NameKey.standard());
                    b.resource(ORGANIZATIONS, EntityType.ORGANIZATION);
                    b.resource(PEOPLE, EntityType.PERSON);
                    b.resource(PLACES, EntityType.LOCATION);
                    k = b.build();
                    bundled = k;
                }
            }
        }
        return k;
    }

    /** Collects entities from files in the bundled format; {@link #build()} freezes them. */
    public static final class Builder {
        private final NameKey key;
        private final Map<String, Entity> byId = new LinkedHashMap<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();

        public Builder(NameKey key) { this.key = key; }

        void resource(String resource, EntityType type) {
            try (InputStream in = KnowledgeBase.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("missing resource " + resource);
                read(in, type, resource);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Reads one file: for {@link EntityType#LOCATION} {@code id kind name country lat lon aliases source}, else
         * {@code id kind name country aliases source}. A duplicate id is an error (ids are unique across files).
         *
         * @throws IllegalArgumentException on a malformed line, naming the file and line
         */
        public Builder read(InputStream in, EntityType type, String origin) throws IOException {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean place = type == EntityType.LOCATION;
            int expected = place ? 8 : 6;
            String line;
            int n = 0;
            int count = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                if (f.length != expected) {
                    throw new IllegalArgumentException(origin + ":" + n + ": expected " + expected + " columns, got " + f.length);
                }
                String aliases = place ? f[6] : f[4];
                String source = place ? f[7] : f[5];
                Double lat = place ? Double.valueOf(f[4]) : null;
                Double lon = place ? Double.valueOf(f[5]) : null;
                List<Name> names = new ArrayList<>();
                names.add(name(f[2]));
                for (String a : aliases.split("\\|")) if (!a.isBlank()) names.add(name(a.trim()));
                Entity e = new Entity(f[0].trim(), type, f[1].trim(), strip(f[2].trim()), f[3].isBlank() ? null : f[3].trim(),
                    lat, lon, names, source.trim());
                if (byId.putIfAbsent(e.id(), e) != null) throw new IllegalArgumentException(origin + ":" + n + ": duplicate id " + e.id());
                count++;
            }
            counts.merge(origin, count, Integer::sum);
            return this;
        }

        private static Name name(String raw) {
            return new Name(strip(raw), raw.startsWith("~"));
        }

        private static String strip(String raw) {
            return raw.startsWith("~") ? raw.substring(1).trim() : raw;
        }

        public KnowledgeBase build() {
            Map<String, List<Candidate>> exact = new HashMap<>();
            Map<String, List<Candidate>> keyed = new HashMap<>();
            for (Entity e : byId.values()) {
                for (Name nm : e.names()) {
                    add(exact, exactKey(nm.text()), new Candidate(e, nm.weak(), true));
                    add(keyed, key.of(nm.text()), new Candidate(e, nm.weak(), false));
                }
            }
            return new KnowledgeBase(Collections.unmodifiableMap(new LinkedHashMap<>(byId)), freeze(exact), freeze(keyed),
                Collections.unmodifiableMap(new LinkedHashMap<>(counts)), key);
        }

        private static void add(Map<String, List<Candidate>> index, String k, Candidate c) {
            if (k.isEmpty()) return;
            List<Candidate> l = index.computeIfAbsent(k, x -> new ArrayList<>(1));
            for (Candidate o : l) {
                if (o.entity().id().equals(c.entity().id())) {
                    // one entity, one candidate per key: a strong name wins over a weak one
                    if (o.weak() && !c.weak()) l.set(l.indexOf(o), c);
                    return;
                }
            }
            l.add(c);
        }

        private static Map<String, Candidate[]> freeze(Map<String, List<Candidate>> index) {
            Map<String, Candidate[]> out = new HashMap<>(index.size() * 4 / 3 + 16);
            for (Map.Entry<String, List<Candidate>> e : index.entrySet()) {
                List<Candidate> l = e.getValue();
                // strong names first, then file order (stable)
                l.sort((a, b) -> Boolean.compare(a.weak(), b.weak()));
                out.put(e.getKey(), l.toArray(NONE));
            }
            return out;
        }
    }

    /**
     * The exact-name key: folded, lower case, apostrophes gone, words joined by one space ("Put' Dumoi" → "put dumoi");
     * a leading "the" is dropped when two words or more remain ("The Kyiv Independent" = "Kyiv Independent", but
     * "The Insider" is not "Insider").
     */
    public static String exactKey(String name) {
        List<String> w = Text.words(name);
        if (w.size() > 2 && w.get(0).equals("the")) w = w.subList(1, w.size());
        return String.join(" ", w);
    }

    /**
     * The entities {@code surface} may name, strong names before weak ones: exact matches if there are any, else
     * matches of the {@link NameKey}. Empty when nothing matches.
     */
    public List<Candidate> lookup(String surface) {
        Candidate[] c = byExact.get(exactKey(surface));
        if (c == null) {
            String k = key.of(surface);
            c = k.isEmpty() ? null : byKey.get(k);
        }
        return c == null ? List.of() : List.of(c);
    }

    /** The entity with this id, or null. */
    public Entity byId(String id) { return byId.get(id); }

    /** Every entity, in file order. */
    public java.util.Collection<Entity> entities() { return byId.values(); }

    /** Number of entities. */
    public int size() { return byId.size(); }

    /** Entities per source file, e.g. {@code /kb/organizations.tsv=553}, for logs and docs. */
    public Map<String, Integer> counts() { return counts; }

    /** The key function the knowledge base matches with. */
    public NameKey nameKey() { return key; }
}
