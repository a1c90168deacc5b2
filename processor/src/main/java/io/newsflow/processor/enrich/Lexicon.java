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
    static final Set<String> ORG_HEADS = set("times", "news", "post", "network", "forces", "force", "committee",
        "committees", "council", "ministry", "programme", "program", "movement", "party", "center", "centre", "institute",
        "agency", "fund", "front", "brigade", "battalion", "regiment", "guard", "guards", "police", "service", "services",
        "office", "commission", "court", "parliament", "assembly", "union", "federation", "organization", "organisation",
        "foundation", "corporation", "company", "press", "tribune", "herald", "journal", "gazette", "telegraph", "radio",
        "television", "tv", "channel", "society", "league", "alliance", "coalition", "association", "authority",
        "administration", "department", "directorate", "tribunal", "mission", "crescent", "cross", "bank", "army",
        "navy", "group", "watch", "international", "observatory", "monitor", "government", "cabinet",
        "senate", "congress", "duma", "kremlin", "secretariat", "unit", "units", "fighters", "militia", "brotherhood",
        "initiative", "project", "agency", "bureau", "board", "university", "college", "school", "academy", "hospital",
        "ngo", "media", "daily", "weekly", "magazine", "review", "express", "mail", "observer", "guardian",
        "chronicle", "inquirer", "dispatch", "wire", "broadcasting", "corp", "inc", "ltd", "llc", "plc", "gmbh", "sa",
        "ag", "airlines", "airways", "railways", "industries", "holdings", "systems", "technologies", "labs", "partners",
        "patrol", "defence", "defense", "relief", "hospitals", "clinics", "constabulary", "gendarmerie", "corps",
        "command", "caucus", "trust", "hotline", "helpline");

    /** Lower-case nouns right before a name that say what it is: "aid group X", "the militia X". */
    static final Set<String> ORG_CUES = set("group", "organization", "organisation", "agency", "charity", "company",
        "firm", "movement", "party", "outlet", "newspaper", "broadcaster", "channel", "militia", "network", "ngo",
        "watchdog", "website", "publication", "daily", "magazine", "union", "coalition", "alliance", "institute",
        "association", "foundation", "ministry", "tabloid", "newswire", "portal", "broadcaster", "radio", "station",
        "council", "committee", "faction", "rebels", "outfit", "brand", "bank", "manufacturer", "operator", "carrier",
        "startup", "giant", "insurer", "retailer", "airline", "club", "team", "paper", "paramilitary", "hotline",
        "helpline", "nonprofit", "non-profit", "collective", "platform", "consortium");

    static final Set<String> PERSON_TITLES = set("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame",
        "lord", "lady", "president", "prime", "minister", "chancellor", "king", "queen", "prince", "princess", "pope",
        "general", "gen", "colonel", "col", "lieutenant", "lt", "captain", "capt", "sergeant", "sgt", "major", "maj",
        "commander", "admiral", "marshal", "senator", "sen", "governor", "gov", "mayor", "judge", "justice", "bishop",
        "archbishop", "rev", "reverend", "father", "sister", "brother", "imam", "rabbi", "sheikh", "sheik", "emir",
        "ambassador", "spokesman", "spokeswoman", "spokesperson", "secretary", "deputy", "chairman", "chairwoman",
        "director", "chief", "officer", "head", "leader", "blogger", "journalist", "reporter", "correspondent",
        "activist", "widow", "widower", "wife", "husband", "mother", "son", "daughter", "native", "resident",
        "coordinator", "official", "commissioner", "envoy", "analyst", "researcher", "lawyer", "attorney", "founder",
        "ceo", "editor", "photographer", "writer", "author", "author", "poet", "singer", "actor", "actress", "opposition",
        "politician", "lawmaker", "mp", "deputy", "mr.", "pastor", "soldier", "commander-in-chief", "presenter", "host",
        "economist", "scientist", "doctor", "dissident", "rapper", "artist", "student", "teacher", "survivor", "witness",
        "victim", "priest", "veteran", "colleague", "adviser", "advisor", "aide", "councillor", "councilor", "dictator",
        "warlord", "tycoon", "oligarch", "businessman", "businesswoman", "billionaire", "defendant", "prosecutor",
        "sheriff", "premier", "superintendent", "inspector", "constable", "detective", "trooper", "coroner",
        "councilman", "councilwoman", "alderman", "assemblyman", "assemblywoman", "congressman", "congresswoman",
        "magistrate", "treasurer", "comptroller", "auditor", "registrar", "provost", "dean", "rector", "chancellor",
        "metropolitan", "patriarch", "cardinal", "ayatollah", "mufti", "grand mufti", "speaker", "whip", "spokesperson");

    /** Occupations and roles of news prose that compromise's Actor list lacks (general nouns, no names). */
    static final Set<String> NEWS_ROLES = set("engineer", "executive", "nurse", "medic", "paramedic", "fisherman",
        "vendor", "rescuer", "volunteer", "miner", "representative", "delegate", "negotiator", "mediator", "protester",
        "protestor", "demonstrator", "villager", "shopkeeper", "labourer", "ranger", "warden", "chairperson", "consul",
        "legislator", "barrister", "solicitor", "lecturer", "anchor", "administrator", "manager", "inspector",
        "paralegal", "pediatrician", "paediatrician", "midwife", "firefighter", "rapporteur", "attaché", "attache");

    /** Preceding words that make the following name a place: "in X", "the city of X". */
    static final Set<String> PLACE_PREPS = set("in", "near", "outside", "across", "across", "around", "towards",
        "toward", "into", "at", "from", "to", "through", "throughout", "inside", "within", "via");

    static final Set<String> REPORT_VERBS = set("said", "says", "told", "added", "claimed", "wrote", "reported",
        "stated", "announced", "noted", "explained", "warned", "asked", "insisted", "argued", "confirmed", "tweeted",
        "posted", "continued", "recalled", "admitted", "denied", "urged");

    /** Month and weekday names and other capitalised words that are never entities in prose. */
    static final Set<String> NON_ENTITY = set("january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "i", "i'm", "i've", "i'll", "i'd", "god", "ok", "am", "pm", "a.m", "p.m",
        "mr", "mrs", "ms", "dr", "tv", "covid", "internet", "christmas", "easter", "ramadan", "eid", "muslim", "christian",
        "jewish", "catholic", "orthodox", "western", "english", "related", "original", "photo", "video", "read", "more",
        "update", "updated", "breaking", "exclusive", "opinion", "analysis", "editorial", "live");

    /** Clock words: "5:30 AM", "14:00 GMT" are times, never names. */
    static final Set<String> CLOCK_WORDS = set("am", "pm", "gmt", "utc");
    /** Time-zone abbreviations: not names when they follow a time ("9 PM EST", "10:00 (CET)"). */
    static final Set<String> TIME_ZONES = set("est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "akst", "hst",
        "bst", "cet", "cest", "eet", "eest", "wet", "west", "msk", "wat", "cat", "eat", "sast", "ist", "pkt", "jst",
        "kst", "hkt", "ict", "wib", "aest", "aedt", "awst", "nzst", "nzdt", "z");

    static final Set<String> DIRECTIONS = set("north", "south", "east", "west", "northern", "southern", "eastern",
        "western", "central", "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
        "southeastern", "southwestern", "upper", "lower", "greater");

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
        place.removeAll(set("house", "hall", "building", "complex", "field", "site", "bar", "camp", "country",
            "city", "town", "way", "st", "tr", "cr", "rd", "centre", "park", "gallery", "library", "museum", "memorial",
            "junction", "crossing", "landing", "trail", "estates", "acres", "zone", "ward", "state", "kingdom", "palace",
            "manor", "tower", "arena", "stadium", "farm", "garden", "gardens", "levee", "quarry", "playhouse", "theater",
            "monument", "airport", "bridge", "castle", "fort", "dam", "basilica", "amphitheater", "auditorium", "coliseum",
            "crescent", "cross"));
        place.addAll(set("oblast", "governorate", "river", "sea", "ocean", "region", "province", "district", "island",
            "islands", "peninsula", "valley", "mountains", "desert", "lake", "gulf", "strait", "basin", "plateau", "county",
            "prefecture", "krai", "raion", "canton", "emirate", "delta", "coast", "highlands", "plains", "area"));
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

    /** Surname shapes of Slavic, Caucasian, Armenian, Georgian and similar names. */
    static boolean surnameShape(String lower) {
        if (lower.length() < 5) return false;
        return lower.endsWith("ova") || lower.endsWith("eva") || lower.endsWith("ov") || lower.endsWith("ev")
            || lower.endsWith("yov") || lower.endsWith("enko") || lower.endsWith("chuk") || lower.endsWith("czuk")
            || lower.endsWith("sky") || lower.endsWith("skiy") || lower.endsWith("skyi") || lower.endsWith("skaya")
            || lower.endsWith("ski") || lower.endsWith("ska") || lower.endsWith("vich") || lower.endsWith("wicz")
            || lower.endsWith("shvili") || lower.endsWith("dze") || lower.endsWith("yan") || lower.endsWith("ian")
            || lower.endsWith("ina") && lower.length() > 6 || lower.endsWith("tsev") || lower.endsWith("tseva")
            || lower.endsWith("nikov") || lower.endsWith("ovna") || lower.endsWith("evna") || lower.endsWith("ovich")
            || lower.endsWith("evich") || lower.endsWith("oglu") || lower.endsWith("zadeh") || lower.endsWith("sson")
            || lower.endsWith("sen") && lower.length() > 6;
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
