package io.newsflow.processor.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Word lists the recognisers use: derived ones loaded from lexicon/ (built by tools/gazetteer/build.py from real
 * data) and small general grammatical lists written here (cue words of English news prose, not names).
 */
final class Lexicon {
    final Set<String> givenNames, surnames, englishWords, roleNouns, orgWords, placeWords, demonyms;
    /** Continent names (key form: "africa", "north america"), from countries-list. */
    final Set<String> continents = lines("/lexicon/continents.txt");
    /** known organisation name key -> canonical name */
    final Map<String, String> organizations = new HashMap<>();
    /** known person full-name key -> canonical name; surname key -> full-name key when unique */
    final Map<String, String> people = new HashMap<>();
    final Map<String, String> famousSurnames = new HashMap<>();
    /** language code -> its frequent words, for language detection */
    final Map<String, Set<String>> frequentWords = new LinkedHashMap<>();

    /** Nouns in a name's last position that make it an organisation (added to compromise's orgWords). */
    static final Set<String> ORG_HEADS = Rules.ENTITIES.set("org-heads");

    /** Lower-case nouns right before a name that say what it is: "aid group X", "the militia X". */
    static final Set<String> ORG_CUES = Rules.ENTITIES.set("org-cues");

    static final Set<String> PERSON_TITLES = Rules.ENTITIES.set("person-titles");

    /** Occupations and roles of news prose that compromise's Actor list lacks (general nouns, no names). */
    static final Set<String> NEWS_ROLES = Rules.ENTITIES.set("news-roles");

    /** Preceding words that make the following name a place: "in X", "the city of X". */
    static final Set<String> PLACE_PREPS = Rules.ENTITIES.set("place-preps");

    static final Set<String> REPORT_VERBS = Rules.ENTITIES.set("report-verbs");

    /** Month and weekday names and other capitalised words that are never entities in prose. */
    static final Set<String> NON_ENTITY = Rules.ENTITIES.set("non-entity");

    /** Clock words: "5:30 AM", "14:00 GMT" are times, never names. */
    static final Set<String> CLOCK_WORDS = Rules.ENTITIES.set("clock-words");
    /** Time-zone abbreviations: not names when they follow a time ("9 PM EST", "10:00 (CET)"). */
    static final Set<String> TIME_ZONES = Rules.ENTITIES.set("time-zones");

    static final Set<String> DIRECTIONS = Rules.ENTITIES.set("directions");

    private Lexicon(Set<String> givenNames, Set<String> surnames, Set<String> englishWords, Set<String> roleNouns,
                    Set<String> orgWords, Set<String> placeWords, Set<String> demonyms) {
        this.givenNames = givenNames; this.surnames = surnames; this.englishWords = englishWords;
        this.roleNouns = roleNouns; this.orgWords = orgWords; this.placeWords = placeWords; this.demonyms = demonyms;
    }

    static Lexicon load() {
        Set<String> org = lines("/lexicon/org-words.txt");
        org.addAll(ORG_HEADS);
        Set<String> place = lines("/lexicon/place-words.txt");
        // words of compromise's place list that head organisations or are too general in news prose
        place.removeAll(Rules.ENTITIES.set("place-words-removed"));
        place.addAll(Rules.ENTITIES.set("place-words-added"));
        Lexicon l = new Lexicon(lines("/lexicon/given-names.txt"), lines("/lexicon/surnames.txt"),
            gzLines("/lexicon/english-words.txt.gz"), lines("/lexicon/role-nouns.txt"), org, place,
            lines("/lexicon/demonyms.txt"));
        l.roleNouns.addAll(PERSON_TITLES);
        l.roleNouns.addAll(NEWS_ROLES);
        for (String o : lines("/lexicon/organizations.txt")) l.organizations.put(Norm.key(o), o);
        Map<String, Integer> surnameCount = new HashMap<>();
        for (String p : lines("/lexicon/people.txt")) {
            String k = Norm.key(p);
            l.people.put(k, p);
            String[] parts = k.split(" ");
            if (parts.length >= 2) surnameCount.merge(parts[parts.length - 1], 1, Integer::sum);
        }
        for (String k : l.people.keySet()) {
            String[] parts = k.split(" ");
            if (parts.length >= 2 && surnameCount.get(parts[parts.length - 1]) == 1) l.famousSurnames.put(parts[parts.length - 1], k);
        }
        try (InputStream in = Lexicon.class.getResourceAsStream("/lexicon/frequent-words.tsv")) {
            if (in != null) {
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = r.readLine()) != null) {
                    int tab = line.indexOf('\t');
                    if (tab <= 0) continue;
                    Set<String> ws = new HashSet<>();
                    String[] all = line.substring(tab + 1).split(" ");
                    for (int i = 0; i < all.length && i < 200; i++) ws.add(all[i]);
                    l.frequentWords.put(line.substring(0, tab), ws);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return l;
    }

    static Set<String> set(String... words) {
        return Set.copyOf(new HashSet<>(java.util.Arrays.asList(words)));
    }

    boolean isCommonWord(String lower) { return englishWords.contains(lower); }

    boolean isGivenName(String lower) { return givenNames.contains(lower); }

    /** Surname endings (entities.tsv, list surname-suffixes) with the shortest word length each counts in. */
    private static final Map<String, Integer> SURNAME_SUFFIXES = new LinkedHashMap<>();

    static {
        Rules.ENTITIES.map("surname-suffixes").forEach((s, min) -> SURNAME_SUFFIXES.put(s, Integer.parseInt(min)));
    }

    /** Surname shapes of Slavic, Caucasian, Armenian, Georgian and similar names. */
    static boolean surnameShape(String lower) {
        if (lower.length() < 5) return false;
        for (Map.Entry<String, Integer> e : SURNAME_SUFFIXES.entrySet()) {
            if (lower.endsWith(e.getKey()) && lower.length() >= e.getValue()) return true;
        }
        return false;
    }

    static Set<String> lines(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> gzLines(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return read(new GZIPInputStream(in, 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> read(InputStream in) throws IOException {
        Set<String> s = new HashSet<>(1024);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String line;
        while ((line = r.readLine()) != null) {
            line = line.trim();
            if (!line.isEmpty() && line.charAt(0) != '#') s.add(Norm.lower(line));
        }
        return s;
    }
}
