package io.newsflow.processor.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cue lists of the enrichment as data: a rule file under {@code lexicon/rules/} (format "newsflow-rules/1", one
 * rule per line: {@code LIST<TAB>PHRASE[<TAB>VALUE]}, described in each file's header) read once per process. The
 * stages ask for their lists by name; a list that is not in the file fails the start-up, so a typo cannot silently
 * empty a rule. The code holds the mechanism only.
 */
final class Rules {
    /** The entity recogniser's lists. */
    static final Rules ENTITIES = load("/lexicon/rules/entities.tsv");
    /** The casualty extractor's lists. */
    static final Rules CASUALTIES = load("/lexicon/rules/casualties.tsv");
    /** The tokenizer's lists. */
    static final Rules TOKENS = load("/lexicon/rules/tokens.tsv");

    private final String resource;
    private final Map<String, Map<String, String>> lists;
    private final Set<String> requested = ConcurrentHashMap.newKeySet();

    private Rules(String resource, Map<String, Map<String, String>> lists) {
        this.resource = resource;
        this.lists = lists;
    }

    static Rules load(String resource) {
        try (InputStream in = Rules.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return read(resource, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Rules read(String name, InputStream in) throws IOException {
        Map<String, Map<String, String>> lists = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = r.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length < 2 || f.length > 3 || f[0].isBlank() || f[1].isEmpty()) {
                throw new IllegalStateException(name + ":" + number + ": expected LIST<TAB>PHRASE[<TAB>VALUE]: " + line);
            }
            lists.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], f.length == 3 ? f[2] : null);
        }
        return new Rules(name, lists);
    }

    /** The phrases of a list (immutable). */
    Set<String> set(String list) {
        return Set.copyOf(entries(list).keySet());
    }

    /** The phrases of a list with their values, in file order (the last line of a phrase wins). */
    Map<String, String> map(String list) {
        Map<String, String> m = entries(list);
        for (Map.Entry<String, String> e : m.entrySet()) {
            if (e.getValue() == null) throw new IllegalStateException(resource + ": list " + list + " needs a value for " + e.getKey());
        }
        return Collections.unmodifiableMap(m);
    }

    private Map<String, String> entries(String list) {
        Map<String, String> m = lists.get(list);
        if (m == null) throw new IllegalStateException(resource + " has no list " + list);
        requested.add(list);
        return m;
    }

    /** Lists in the file that no stage asked for (dead data). */
    Set<String> unrequested() {
        Set<String> out = new TreeSet<>(lists.keySet());
        out.removeAll(new HashSet<>(requested));
        return out;
    }

    /** Number of rules (lines) in the file. */
    int size() {
        int n = 0;
        for (Map<String, String> m : lists.values()) n += m.size();
        return n;
    }
}
