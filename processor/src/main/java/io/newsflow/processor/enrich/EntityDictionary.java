package io.newsflow.processor.enrich;

import io.newsflow.avro.EntityType;
import io.newsflow.avro.GazetteerEntry;
import io.newsflow.avro.GeoPoint;
import io.newsflow.processor.enrich.kb.KnowledgeBase;
import io.newsflow.processor.enrich.kb.NameKey;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entities known by name with a fixed id, in two layers: the bundled knowledge base ({@link KnowledgeBase}: curated
 * organisations, people and places, {@code kb/}) with the alias file {@code lexicon/entity-aliases.tsv} (read once,
 * then never changed) and, over it, the entries operators publish at run time ({@link #upsert}/{@link #remove}, fed
 * from the compacted {@code news.gazetteer} topic). Lookups use {@link Norm#key} of the surface form and, as a
 * fallback, its {@link NameKey} (transliteration, spelling and word-order variants), so variants of an entry match
 * too. Ambiguous knowledge-base names (written {@code ~Name}) are not in these indexes: {@link #contextMatch} links
 * them when the recogniser has typed the name by context.
 *
 * <p>Layering rules: an operator's entry wins over a bundled one for the same name; an operator's entry with a bundled
 * id replaces that entity's name, type and geo (the bundled aliases keep pointing to the id); when two operator entries
 * claim one name, the latest upsert wins, and removing it hands the name back to the other. Removing an operator's
 * entry brings back what the bundled file says — a tombstone cannot delete a bundled entity, because compaction
 * eventually drops tombstones and a restart would then disagree with the running process.
 *
 * <p>Thread-safety: {@link #upsert} and {@link #remove} are called by one thread (Kafka Streams' global thread) while
 * stream threads call {@link #lookup}. Writers are serialised; every index slot is replaced atomically with an
 * immutable {@link Entry}, and a name that the old and the new version of an entry share is never absent in between,
 * so a concurrent lookup sees either the old or the new entry, never a half-applied one.
 */
public final class EntityDictionary {

    /** One known entity; immutable. */
    public record Entry(String id, String name, EntityType type, List<String> aliases, GeoPoint geo) {
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    // bundled layer: filled by read() before the dictionary is shared, then only read
    private final Map<String, Entry> bundledById = new HashMap<>();
    private final Map<String, Entry> bundledByKey = new HashMap<>();
    private final Map<String, Entry> bundledByNameKey = new HashMap<>();

    // operators' layer: written under the monitor, read without locks
    private final Map<String, Entry> operatorById = new ConcurrentHashMap<>();
    private final Map<String, Entry> operatorByKey = new ConcurrentHashMap<>();
    private final Map<String, Entry> operatorByNameKey = new ConcurrentHashMap<>();
    /** Operator entries in the order of their last upsert (guarded by this); decides who gets a released name. */
    private final LinkedHashMap<String, Entry> operatorHistory = new LinkedHashMap<>();

    private final NameKey nameKey = NameKey.standard();
    /** The knowledge base behind the bundled layer (null for a dictionary without one, as in some tests). */
    private KnowledgeBase kb;

    /** The bundled knowledge base and alias file, with an empty operators' layer. */
    static EntityDictionary loadDefault() {
        EntityDictionary d = new EntityDictionary();
        d.addKnowledgeBase(KnowledgeBase.loadDefault());
        try (InputStream in = EntityDictionary.class.getResourceAsStream("/lexicon/entity-aliases.tsv")) {
            if (in != null) d.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    /**
     * Adds the knowledge base's entities to the bundled layer under their unambiguous names (an ambiguous
     * {@code ~Name} is left to {@link #contextMatch}). Call before the dictionary is shared.
     */
    void addKnowledgeBase(KnowledgeBase base) {
        this.kb = base;
        for (KnowledgeBase.Entity k : base.entities()) {
            List<String> strong = new ArrayList<>();
            for (KnowledgeBase.Name n : k.names()) if (!n.weak() && !n.text().equals(k.name())) strong.add(n.text());
            Entry e = new Entry(k.id(), k.name(), k.type(), strong, geo(k));
            bundledById.put(e.id(), e);
            boolean nameWeak = k.names().get(0).weak();
            // a strong alias spelled like an ambiguous name ("Мемориал" of "~Memorial") must not make it unambiguous
            Set<String> weakKeys = new LinkedHashSet<>();
            for (KnowledgeBase.Name n : k.names()) if (n.weak()) addNameKey(weakKeys, n.text());
            for (String key : nameWeak ? keys(strong) : keys(e)) bundledByKey.putIfAbsent(key, e);
            for (String s : nameWeak ? nameKeys(strong) : nameKeys(e)) {
                if (!weakKeys.contains(s)) bundledByNameKey.putIfAbsent(s, e);
            }
        }
    }

    private static GeoPoint geo(KnowledgeBase.Entity k) {
        return k.hasPoint() ? new GeoPoint(k.lat(), k.lon(), k.country(), null, null) : null;
    }

    /**
     * A knowledge-base entity of {@code type} that {@code surface} names, ambiguous names included — for a name the
     * recogniser has already typed by its own evidence ("the Memorial group said"); operators' entries win as in
     * {@link #lookup}. Null when none.
     */
    Entry contextMatch(String surface, EntityType type) {
        Entry e = lookup(surface);
        if (e != null) return e.type() == type ? e : null;
        if (kb == null || type == null) return null;
        for (KnowledgeBase.Candidate c : kb.lookup(surface)) {
            if (c.entity().type() == type) return current(bundledById.get(c.entity().id()));
        }
        return null;
    }

    /** Reads bundled lines {@code id<TAB>TYPE<TAB>canonical name<TAB>alias|alias|...}; '#' starts a comment. */
    void read(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length < 3) continue;
            List<String> aliases = new ArrayList<>();
            if (f.length > 3) for (String a : f[3].split("\\|")) if (!a.isBlank()) aliases.add(a.trim());
            Entry e = new Entry(f[0].trim(), f[2].trim(), EntityType.valueOf(f[1].trim()), aliases, null);
            bundledById.put(e.id(), e);
            for (String k : keys(e)) bundledByKey.put(k, e);
            for (String s : nameKeys(e)) bundledByNameKey.putIfAbsent(s, e);
        }
    }

    /**
     * Adds or replaces an operator's entry (a record of the news.gazetteer topic).
     *
     * @throws IllegalArgumentException when the id or name is blank or the type is missing
     */
    public void upsert(GazetteerEntry e) {
        Objects.requireNonNull(e, "entry");
        upsert(new Entry(e.getId(), e.getName(), e.getType(), e.getAliases(), e.getGeo()));
    }

    /** @see #upsert(GazetteerEntry) */
    public synchronized void upsert(Entry e) {
        Objects.requireNonNull(e, "entry");
        if (e.id().isBlank()) throw new IllegalArgumentException("entry without id");
        if (Norm.key(e.name()).isEmpty()) throw new IllegalArgumentException("entry " + e.id() + " has no usable name");
        if (e.type() == null) throw new IllegalArgumentException("entry " + e.id() + " has no type");
        Entry old = operatorById.put(e.id(), e);
        operatorHistory.remove(e.id());
        operatorHistory.put(e.id(), e);
        Set<String> keys = keys(e);
        Set<String> variants = nameKeys(e);
        // new slots first (a shared name switches from old to new in one put), stale ones after
        for (String k : keys) operatorByKey.put(k, e);
        for (String s : variants) operatorByNameKey.put(s, e);
        if (old != null) {
            for (String k : keys(old)) if (!keys.contains(k)) release(operatorByKey, k, e.id(), false);
            for (String s : nameKeys(old)) if (!variants.contains(s)) release(operatorByNameKey, s, e.id(), true);
        }
    }

    /** Removes an operator's entry (a tombstone on the news.gazetteer topic); unknown ids are ignored. */
    public synchronized void remove(String id) {
        if (id == null) return;
        Entry old = operatorById.remove(id);
        if (old == null) return;
        operatorHistory.remove(id);
        for (String k : keys(old)) release(operatorByKey, k, id, false);
        for (String s : nameKeys(old)) release(operatorByNameKey, s, id, true);
    }

    /** A name slot that {@code id} no longer claims goes to the latest other operator entry claiming it, or is freed. */
    private void release(Map<String, Entry> index, String slot, String id, boolean variantKey) {
        Entry current = index.get(slot);
        if (current == null || !current.id().equals(id)) return;
        Entry heir = null;
        for (Entry other : operatorHistory.values()) {
            if (!other.id().equals(id) && (variantKey ? nameKeys(other) : keys(other)).contains(slot)) heir = other;
        }
        if (heir != null) index.put(slot, heir);
        else index.remove(slot);
    }

    private static Set<String> keys(Entry e) {
        Set<String> out = new LinkedHashSet<>();
        addKey(out, e.name());
        for (String a : e.aliases()) addKey(out, a);
        return out;
    }

    private static Set<String> keys(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String a : names) addKey(out, a);
        return out;
    }

    /**
     * The name's {@link Norm#key}, and without a leading "the" when two words or more remain ("The Kyiv Independent"
     * is also "Kyiv Independent"; "The Insider" is not "Insider").
     */
    private static void addKey(Set<String> out, String name) {
        if (name == null) return;
        String k = Norm.key(name);
        if (!k.isEmpty()) out.add(k);
        if (k.startsWith("the ") && k.indexOf(' ', 4) > 0) out.add(k.substring(4));
    }

    private Set<String> nameKeys(Entry e) {
        Set<String> out = new LinkedHashSet<>();
        addNameKey(out, e.name());
        for (String a : e.aliases()) addNameKey(out, a);
        return out;
    }

    private Set<String> nameKeys(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String a : names) addNameKey(out, a);
        return out;
    }

    /** Spelling-variant keys shorter than four characters (acronyms: "un", "afp") only match exactly. */
    private void addNameKey(Set<String> out, String name) {
        if (name == null) return;
        String s = nameKey.of(name);
        if (s.length() >= 4) out.add(s);
    }

    Entry lookup(String surface) {
        boolean operators = !operatorById.isEmpty();
        if (!operators && bundledById.isEmpty()) return null;
        String k = Norm.key(surface);
        Entry e = operators ? operatorByKey.get(k) : null;
        if (e != null) return e;
        e = bundledByKey.get(k);
        if (e != null) return current(e);
        String s = nameKey.of(surface);
        if (s.length() < 4) return null;
        e = operators ? operatorByNameKey.get(s) : null;
        if (e != null) return e;
        e = bundledByNameKey.get(s);
        return e != null ? current(e) : null;
    }

    /** A bundled entry, or the operator's replacement of it. */
    private Entry current(Entry bundled) {
        Entry replaced = operatorById.get(bundled.id());
        return replaced != null ? replaced : bundled;
    }

    /** The operator's entry with this id, if one is applied. */
    public Optional<Entry> operatorEntry(String id) {
        return Optional.ofNullable(operatorById.get(id));
    }

    /** Number of operators' entries applied. */
    public int operatorEntries() { return operatorById.size(); }

    /** Number of distinct entity ids known (bundled and operators'). */
    public int size() {
        int n = bundledById.size();
        for (String id : operatorById.keySet()) if (!bundledById.containsKey(id)) n++;
        return n;
    }
}
