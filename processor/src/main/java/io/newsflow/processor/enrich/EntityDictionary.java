package io.newsflow.processor.enrich;

import io.newsflow.avro.EntityType;
import io.newsflow.avro.GazetteerEntry;
import io.newsflow.avro.GeoPoint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entities known by name with a fixed id: the alias file {@code lexicon/entity-aliases.tsv} (variants and
 * translations of one entity) plus entries operators publish at run time ({@link #upsert}, fed from the compacted
 * {@code news.gazetteer} topic). Lookups use {@link Norm#key} of the surface form and, as a fallback, its
 * {@link Norm#skeleton}, so spelling variants of an entry match too. Thread-safe.
 */
public final class EntityDictionary {

    /** One known entity. */
    public record Entry(String id, String name, EntityType type, List<String> aliases, GeoPoint geo) { }

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final Map<String, Entry> byKey = new ConcurrentHashMap<>();
    private final Map<String, Entry> bySkeleton = new ConcurrentHashMap<>();

    static EntityDictionary loadDefault() {
        EntityDictionary d = new EntityDictionary();
        try (InputStream in = EntityDictionary.class.getResourceAsStream("/lexicon/entity-aliases.tsv")) {
            if (in != null) d.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    /** Reads lines {@code id<TAB>TYPE<TAB>canonical name<TAB>alias|alias|...}; '#' starts a comment. */
    void read(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length < 3) continue;
            List<String> aliases = new ArrayList<>();
            if (f.length > 3) for (String a : f[3].split("\\|")) if (!a.isBlank()) aliases.add(a.trim());
            upsert(new Entry(f[0].trim(), f[2].trim(), EntityType.valueOf(f[1].trim()), aliases, null));
        }
    }

    public void upsert(GazetteerEntry e) {
        upsert(new Entry(e.getId(), e.getName(), e.getType(), List.copyOf(e.getAliases()), e.getGeo()));
    }

    public synchronized void upsert(Entry e) {
        remove(e.id());
        byId.put(e.id(), e);
        index(e.name(), e);
        for (String a : e.aliases()) index(a, e);
    }

    public synchronized void remove(String id) {
        Entry old = byId.remove(id);
        if (old == null) return;
        byKey.values().removeIf(x -> x.id().equals(id));
        bySkeleton.values().removeIf(x -> x.id().equals(id));
    }

    private void index(String name, Entry e) {
        String k = Norm.key(name);
        if (k.isEmpty()) return;
        byKey.put(k, e);
        String s = Norm.skeleton(name);
        if (s.length() >= 4) bySkeleton.putIfAbsent(s, e);
    }

    Entry lookup(String surface) {
        if (byId.isEmpty()) return null;
        Entry e = byKey.get(Norm.key(surface));
        if (e != null) return e;
        String s = Norm.skeleton(surface);
        return s.length() >= 4 ? bySkeleton.get(s) : null;
    }

    public int size() { return byId.size(); }
}
