package io.newsflow.processor.enrich;

import io.newsflow.avro.Entity;
import io.newsflow.avro.EntityType;
import io.newsflow.avro.GeoPoint;
import io.newsflow.avro.Mention;
import io.newsflow.processor.enrich.Gazetteer.Kind;
import io.newsflow.processor.enrich.Gazetteer.Place;
import io.newsflow.processor.enrich.Tokenizer.Token;
import io.newsflow.processor.enrich.kb.NameKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names of people, organisations and places: capitalised spans, classified by dictionaries (GeoNames places, given
 * names, known organisations, the entity dictionary) and context (titles and role nouns, "X said", "told X",
 * organisation heads and cues, place words and prepositions), then merged within the document (surname and acronym
 * short forms, parenthesised translations) and linked to ids.
 */
final class EntityRecognizer {

    private static final Set<String> CONNECTORS = Lexicon.set("of", "the", "for", "de", "del", "da", "al", "el", "bin",
        "ibn", "van", "von", "der", "di", "du", "la", "le", "des", "and");
    private static final Set<String> DETERMINERS = Lexicon.set("the", "a", "an", "this", "that", "these", "those",
        "his", "her", "its", "their", "our", "my", "your", "some", "many", "most", "all", "both", "each", "every",
        "former", "late", "then", "new", "pro", "anti", "ex");
    private static final Set<String> PLACE_OF = Lexicon.set("city", "town", "village", "island", "region", "province",
        "district", "capital", "port", "state", "county", "oblast", "republic", "settlement", "outskirts", "suburb",
        "municipality", "governorate", "prefecture", "area", "regions", "towns", "cities", "villages");
    /** Lower-case particles joined by hyphens inside names: Deir al-Balah, Marie el-Drese, Tehreek-e-Insaf. */
    private static final Set<String> HYPHEN_PARTICLES = Lexicon.set("al", "el", "ad", "ed", "ash", "as", "an", "ar",
        "at", "az", "ud", "ul", "ut", "ez", "es", "er", "et", "esh", "e", "i", "bin", "ben", "ibn", "abu", "bint");
    /** "X-led", "X-run": the X of such a compound, when not a place or a people, is an organisation. */
    private static final Set<String> LED_BY = Lexicon.set("led", "run", "backed", "controlled", "linked", "affiliated",
        "aligned", "allied", "sponsored", "funded", "dominated", "organised", "organized", "administered", "governed");
    /** Modifiers that precede a title: Senior General, Acting President, Supreme Leader, Vice President. */
    private static final Set<String> TITLE_MODIFIERS = Lexicon.set("senior", "acting", "interim", "vice", "supreme",
        "grand", "deputy", "former", "chief");
    private static final Set<String> MONTH_ABBREV = Lexicon.set("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec");
    private static final Set<String> AFTER_ORG_VERBS = Lexicon.set("said", "says", "reported", "announced", "stated");

    private static final boolean DEBUG = System.getenv("NF_DEBUG") != null;
    private final Lexicon lex;
    private final Gazetteer gaz;
    private final EntityDictionary dict;

    EntityRecognizer(Lexicon lex, Gazetteer gaz, EntityDictionary dict) {
        this.lex = lex; this.gaz = gaz; this.dict = dict;
    }

    /** A candidate name in the text. */
    static final class Cand {
        int from, to;              // token indexes, to exclusive (after trimming)
        int start, end;            // char offsets
        String text;               // as in the body
        String clean;              // brackets removed, spaces normalised
        String key;
        int words;
        EntityType type;           // decided type, null = undecided
        double score;              // strength of the evidence
        Place place;
        EntityDictionary.Entry entry;
        boolean weak;              // single word without its own evidence: keep only when coreference supports it
        boolean headline;
        boolean locative;          // "in X", "city of X", "X region": the text itself says it is a place
        boolean personCue;
        Cand aliasOf;              // parenthesised alias of the previous name
    }

    List<Entity> recognize(String body, List<Token> toks, long deadlineNanos) {
        boolean[] headlineLine = headlineTokens(toks);
        List<Cand> cands = new ArrayList<>();
        int n = toks.size();
        int i = 0;
        while (i < n) {
            if ((i & 255) == 0 && System.nanoTime() > deadlineNanos) break;
            Token t = toks.get(i);
            if (!isNameToken(t) && !faithWordInName(toks, i) || monthDate(toks, i) || clockWord(toks, i)) { i++; continue; }
            int j = extend(toks, i, headlineLine[i]);
            for (Cand c : split(body, toks, i, j, headlineLine[i])) cands.add(c);
            i = Math.max(j, i + 1);
        }
        // document context: countries named anywhere help resolve ambiguous places
        Set<String> docCountries = new HashSet<>();
        for (Cand c : cands) {
            if (c.place != null && c.place.kind == Kind.COUNTRY) docCountries.add(c.place.country);
            // a country inside an organisation's name ("Human Rights Commission of Pakistan") sets the context too
            if (c.type == EntityType.ORGANIZATION && c.words >= 2 && c.entry == null) {
                for (int k = c.from; k < c.to; k++) {
                    Token w = toks.get(k);
                    if (!w.word || !Norm.isUpperInitial(w.text) || w.text.length() < 4) continue;
                    Place[] p = gaz.lookupKey(w.lower);
                    if (p.length > 0 && p[0].kind == Kind.COUNTRY) docCountries.add(p[0].country);
                }
            }
        }
        listPlaces(toks, cands);
        for (Cand c : cands) {
            if (c.type == EntityType.LOCATION && c.place != null && c.entry == null) c.place = resolve(c, toks, docCountries);
            if (c.type == EntityType.LOCATION) c.locative = locative(toks, c);
        }
        linkAliases(toks, cands);
        glossAliases(body, toks, cands);
        return merge(body, cands);
    }

    /** For text in other languages: only places, by their names in any language of the gazetteer. */
    List<Entity> recognizePlacesOnly(String body, List<Token> toks, long deadlineNanos) {
        List<Cand> cands = new ArrayList<>();
        int n = toks.size();
        for (int i = 0; i < n; i++) {
            if ((i & 255) == 0 && System.nanoTime() > deadlineNanos) break;
            Token t = toks.get(i);
            if (!t.word || t.number || !Norm.isUpperInitial(t.text)) continue;
            for (int e = Math.min(n, i + gaz.maxTokens() * 2 + 1); e > i; e--) {
                if (!toks.get(e - 1).word) continue;
                Place[] p = gaz.lookup(spanText(body, toks, i, e));
                if (p.length == 0) continue;
                boolean single = e == i + 1;
                if (single && (t.text.length() < 4 || p[0].kind == Kind.CITY && p[0].population < 50_000)) continue;
                Cand c = make(body, toks, i, e);
                c.type = EntityType.LOCATION;
                c.place = p[0];
                c.score = 1;
                cands.add(c);
                i = e - 1;
                break;
            }
        }
        return merge(body, cands);
    }

    // ---------------------------------------------------------------- credited names

    /**
     * One name of a photo or media credit ("Yevgeny Yepanchintsev", "TASS", "Anadolu Agency") as an entity without
     * mentions, with the id the same name gets in a body: the dictionary and the known organisations and people
     * first; then an organisation by an acronym or an organisation head ("... Agency", "... Press Service"), or
     * by its place in the credit ({@code agencySide}: after "/", "via", "for", or before "Photo" in "AP Photo/...")
     * unless it is clearly a person; a person by 2–4 capitalised words with a given name first or a surname last;
     * a single unknown capitalised word (not a word, given name, surname or place) as an organisation. Empty when
     * the evidence names neither.
     */
    java.util.Optional<Entity> creditedName(String name, boolean agencySide) {
        if (name == null || name.isBlank() || name.length() > 100) return java.util.Optional.empty();
        List<Token> toks = Tokenizer.tokenize(name);
        int from = 0, to = toks.size();
        while (from < to && (!toks.get(from).word || DETERMINERS.contains(toks.get(from).lower))) from++;
        while (to > from && !toks.get(to - 1).word) to--;
        if (from >= to) return java.util.Optional.empty();
        Cand c = make(name, toks, from, to);
        if (c.key.isEmpty() || c.words > 8) return java.util.Optional.empty();
        EntityType type = creditedType(c, toks, agencySide);
        if (type == null) return java.util.Optional.empty();
        c.type = type;
        return java.util.Optional.of(new Entity(idFor(c), canonicalName(c), c.type, new ArrayList<>(),
            c.entry != null ? c.entry.geo() : null));
    }

    private EntityType creditedType(Cand c, List<Token> toks, boolean agencySide) {
        EntityDictionary.Entry e = dict.lookup(c.clean);
        if (e != null && e.type() != null) { c.entry = e; return e.type(); }
        if (lex.organizations.containsKey(c.key)) return EntityType.ORGANIZATION;
        if (c.words >= 2 && lex.people.containsKey(c.key)) return EntityType.PERSON;
        Token first = toks.get(c.from), last = toks.get(c.to - 1);
        boolean capitalised = true;
        for (int k = c.from; k < c.to; k++) {
            Token t = toks.get(k);
            if (t.word && !t.number && !Norm.isUpperInitial(t.text) && !CONNECTORS.contains(t.lower)) capitalised = false;
        }
        if (!capitalised || first.number) return null;
        boolean acronym = Norm.isAllCaps(c.clean) && Norm.letters(c.clean) <= 8 && !isRoman(c.clean);
        boolean orgHead = lex.orgWords.contains(last.lower) && !lex.placeWords.contains(last.lower) && c.words >= 2;
        if (acronym || orgHead) return EntityType.ORGANIZATION;
        if (c.words >= 2 && !allCommon(toks, c) && (c.words <= 4)) {
            boolean givenFirst = lex.isGivenName(first.lower);
            boolean surnameLast = lex.surnames.contains(last.lower) || Lexicon.surnameShape(last.lower);
            boolean person = givenFirst || surnameLast;
            boolean clearlyPerson = person && !lex.isCommonWord(last.lower) && !lex.orgWords.contains(last.lower);
            if (agencySide && !clearlyPerson) return EntityType.ORGANIZATION;
            if (person) return EntityType.PERSON;
            return agencySide ? EntityType.ORGANIZATION : null;
        }
        if (c.words == 1) {
            if (lex.isCommonWord(first.lower) || lex.isGivenName(first.lower) || lex.surnames.contains(first.lower)
                || Lexicon.surnameShape(first.lower) || Lexicon.NON_ENTITY.contains(first.lower)
                || lex.demonyms.contains(first.lower) || gaz.lookup(c.clean).length > 0 || first.text.length() < 3) {
                return null;
            }
            return EntityType.ORGANIZATION;
        }
        return agencySide && c.words <= 6 ? EntityType.ORGANIZATION : null;
    }

    // ---------------------------------------------------------------- spans

    private static boolean isCyrillic(String text) {
        return !text.isEmpty() && Character.UnicodeScript.of(text.codePointAt(0)) == Character.UnicodeScript.CYRILLIC;
    }

    private boolean isNameToken(Token t) {
        if (!t.word || t.number) return false;
        if (!Norm.isUpperInitial(t.text)) return false;
        return !Lexicon.NON_ENTITY.contains(t.lower) || Norm.isAllCaps(t.text) && t.text.length() <= 5;
    }

    /** Extends a span of capitalised tokens from i; returns the exclusive end token index. */
    private int extend(List<Token> toks, int i, boolean headline) {
        int n = toks.size();
        int j = i + 1;
        while (j < n && j - i < 12) {
            Token prev = toks.get(j - 1);
            Token t = toks.get(j);
            if (prev.newlineAfter || clockWord(toks, j)) break;
            if ((isNameToken(t) || faithWordInName(toks, j)) && t.spaceBefore) {
                if (headline && !joinsInHeadline(toks, i, j)) break;
                j++;
                continue;
            }
            // a name quoted in another script keeps that script's own capitalisation:
            // "Путь домой" in an English article is one name, lower-case second word and all
            if (t.word && t.spaceBefore && prev.word && isCyrillic(toks.get(i).text) && isCyrillic(prev.text)
                && isCyrillic(t.text)) {
                j++;
                continue;
            }
            // "Rescue 1122 said", "Channel 4 reported": a service's number ends its name before a reporting verb
            if (t.number && t.spaceBefore && prev.word && !prev.number && j + 1 < n && AFTER_ORG_VERBS.contains(toks.get(j + 1).lower)
                && t.text.chars().allMatch(Character::isDigit) && !(t.text.length() == 4 && (t.text.startsWith("19") || t.text.startsWith("20")))) {
                j++;
                break;
            }
            if (!t.word) {
                Token next = j + 1 < n ? toks.get(j + 1) : null;
                // Rus' Sidyashchaya: apostrophe glued to the word, then a space and a capitalised word
                if (t.text.length() == 1 && Norm.isApostrophe(t.text.charAt(0)) && !t.spaceBefore && prev.word
                    && next != null && next.spaceBefore && isNameToken(next) && !prev.is("s")) {
                    j += 2;
                    continue;
                }
                // Tehreek-e-Insaf, Hizb-ut-Tahrir: a lower-case particle between hyphens
                if (t.punct('-') && !t.spaceBefore && next != null && !next.spaceBefore && next.word
                    && HYPHEN_PARTICLES.contains(next.text) && j + 3 < n && toks.get(j + 2).punct('-')
                    && !toks.get(j + 2).spaceBefore && !toks.get(j + 3).spaceBefore && isNameToken(toks.get(j + 3))) {
                    j += 4;
                    continue;
                }
                // Guinea-Bissau, Ivano-Frankivsk
                if ((t.punct('-') || t.punct('\u2010')) && !t.spaceBefore && next != null && !next.spaceBefore && isNameToken(next)) {
                    j += 2;
                    continue;
                }
                // St. Petersburg, W. Sudan, John F. Kennedy
                if (t.punct('.') && !t.spaceBefore && prev.word && (prev.text.length() == 1 || Tokenizer.ABBREV.contains(prev.lower))
                    && Norm.isUpperInitial(prev.text) && next != null && isNameToken(next)) {
                    j += 2;
                    continue;
                }
                // John [Smith]: a bracketed insertion inside a name
                if (t.punct('[') && next != null && isNameToken(next) && j + 2 < n && toks.get(j + 2).punct(']')) {
                    j += 3;
                    continue;
                }
                break;
            }
            // Deir al-Balah, Abdel Fattah al-Burhan, Marie el-Drese
            if (HYPHEN_PARTICLES.contains(t.text) && t.spaceBefore && j + 2 < n && toks.get(j + 1).punct('-')
                && !toks.get(j + 1).spaceBefore && !toks.get(j + 2).spaceBefore && isNameToken(toks.get(j + 2))) {
                j += 3;
                continue;
            }
            // lower-case connectors inside names: Save the Children, Ministry of Defence
            if (CONNECTORS.contains(t.text) && !headline && j + 1 < n && isNameToken(toks.get(j + 1))
                && toks.get(j + 1).spaceBefore && connectorAllowed(toks, i, j)) {
                j += 2;
                continue;
            }
            break;
        }
        return j;
    }

    private static final Set<String> FAITH_WORDS = Lexicon.set("muslim", "christian", "jewish", "catholic", "orthodox");

    /** "Muslim League", "Christian Democratic Union": a faith adjective followed by more of the name. */
    private boolean faithWordInName(List<Token> toks, int j) {
        Token t = toks.get(j);
        return t.word && FAITH_WORDS.contains(t.lower) && Norm.isUpperInitial(t.text) && j + 1 < toks.size()
            && toks.get(j + 1).spaceBefore && isNameToken(toks.get(j + 1));
    }

    /** "5:30 AM", "14:00 GMT", "9 PM EST", "10:00 (CET)": clock words and time zones after a time are no names. */
    static boolean clockWord(List<Token> toks, int i) {
        Token t = toks.get(i);
        if (!t.word) return false;
        if (Lexicon.CLOCK_WORDS.contains(t.lower)) return true;
        if (!Lexicon.TIME_ZONES.contains(t.lower) || !Norm.isAllCaps(t.text) && t.text.length() > 1) return false;
        int k = i - 1;
        if (k >= 0 && toks.get(k).punct('(')) k--;
        return k >= 0 && (toks.get(k).number || Lexicon.CLOCK_WORDS.contains(toks.get(k).lower));
    }

    /** "Nov 12", "Sept. 30": an abbreviated month before a day number. */
    private static boolean monthDate(List<Token> toks, int i) {
        if (!MONTH_ABBREV.contains(toks.get(i).lower)) return false;
        int k = i + 1;
        if (k < toks.size() && toks.get(k).punct('.') && !toks.get(k).spaceBefore) k++;
        return k < toks.size() && toks.get(k).number && toks.get(k).text.length() <= 2;
    }

    private boolean connectorAllowed(List<Token> toks, int i, int j) {
        String c = toks.get(j).text;
        if (c.equals("and")) {
            // "Bosnia and Herzegovina", "Trinidad and Tobago": only when the whole is a known name
            int k = j + 1;
            String joined = toks.get(j - 1).text + " and " + toks.get(k).text;
            if (gaz.lookup(joined).length > 0 || lex.organizations.containsKey(Norm.key(joined))) return true;
            // "Department of Agriculture and Land Stewardship", "University of X Hospitals and Clinics": after an
            // organisation head and "of", "and" joins one to three ordinary capitalised words that end the name
            if (orgHeadOfBefore(toks, i, j)) {
                int m = k;
                boolean ordinary = true;
                while (m < toks.size() && m < k + 4 && isNameToken(toks.get(m)) && toks.get(m).spaceBefore) {
                    Token w = toks.get(m);
                    // ordinary words, not a person's name ("and John Smith")
                    if (!lex.isCommonWord(w.lower) || lex.surnames.contains(w.lower)
                        || lex.orgWords.contains(w.lower) && !lex.orgWords.contains(toks.get(j - 1).lower)
                        || m == k && lex.isGivenName(w.lower) && !lex.englishWords.contains(w.lower)) ordinary = false;
                    m++;
                }
                Token after = m < toks.size() ? toks.get(m) : null;
                boolean ends = after == null || !(CONNECTORS.contains(after.lower) || after.punct('-'));
                if (ordinary && m > k && m <= k + 3 && ends) return true;
            }
            // "United Nations Relief and Works Agency": the words after 'and' end in an organisation head
            if (lex.orgWords.contains(toks.get(j - 1).lower)) return false;
            int m = k;
            while (m < toks.size() && m < k + 4 && isNameToken(toks.get(m)) && toks.get(m).spaceBefore) m++;
            return m > k && lex.orgWords.contains(toks.get(m - 1).lower) && j - i >= 2;
        }
        if (c.equals("the")) {
            // "Save the Children", but not "told Reuters the BBC had ..."
            Token first = toks.get(i);
            Token before = i > 0 ? toks.get(i - 1) : null;
            Token after = toks.get(j + 1);
            return !first.sentenceStart && j == i + 1 && !Norm.isAllCaps(after.text)
                && !(before != null && (Lexicon.REPORT_VERBS.contains(before.lower) || Lexicon.PLACE_PREPS.contains(before.lower)));
        }
        if (c.equals("of") || c.equals("for")) {
            // "Secretary of State Antony Blinken": a title, its domain and a name of two or more words
            if (c.equals("of") && Lexicon.PERSON_TITLES.contains(toks.get(j - 1).lower) && j + 3 < toks.size()
                && isNameToken(toks.get(j + 2)) && isNameToken(toks.get(j + 3)) && toks.get(j + 2).spaceBefore) return true;
            for (int k = i; k < j; k++) {
                String w = toks.get(k).lower;
                if (lex.orgWords.contains(w) || lex.placeWords.contains(w) || w.equals("republic") || w.equals("kingdom")
                    || w.equals("ministry") || w.equals("university") || w.equals("bank")) return true;
            }
            return false;
        }
        // particles of personal and place names: al-, bin, van, de ...
        return true;
    }

    /** An organisation head followed by "of" inside [i, j): "Department of", "University of", "Ministry of". */
    private boolean orgHeadOfBefore(List<Token> toks, int i, int j) {
        for (int k = i; k + 1 < j; k++) {
            String h = toks.get(k).lower;
            if (toks.get(k + 1).is("of") && lex.orgWords.contains(h) && !lex.placeWords.contains(h)) return true;
        }
        return false;
    }

    private boolean joinsInHeadline(List<Token> toks, int i, int j) {
        // in Title Case lines only known multi-word names stay together
        String two = toks.get(j - 1).text + " " + toks.get(j).text;
        String k = Norm.key(two);
        return gaz.lookupKey(k).length > 0 || lex.organizations.containsKey(k) || lex.people.containsKey(k)
            || (lex.isGivenName(toks.get(j - 1).lower) && !lex.isCommonWord(toks.get(j).lower))
            || dict.lookup(two) != null;
    }

    /** Lines whose words are mostly capitalised (headlines, "Related article" titles). */
    private boolean[] headlineTokens(List<Token> toks) {
        boolean[] out = new boolean[toks.size()];
        int lineStart = 0;
        for (int i = 0; i <= toks.size(); i++) {
            boolean end = i == toks.size() || toks.get(i).newlineAfter;
            if (!end) continue;
            int words = 0, caps = 0;
            boolean credit = false;
            for (int k = lineStart; k <= Math.min(i, toks.size() - 1); k++) {
                Token t = toks.get(k);
                // a credit line ("Reporting by A; Editing by B") is capitalised names, not a title
                if (t.is("by") && k > lineStart && CREDIT_WORDS.contains(toks.get(k - 1).lower)) credit = true;
                if (t.word && !t.number && t.text.length() >= 4) {
                    words++;
                    if (Norm.isUpperInitial(t.text)) caps++;
                }
            }
            boolean headline = words >= 5 && caps >= 0.8 * words && !credit;
            if (headline) for (int k = lineStart; k <= Math.min(i, toks.size() - 1); k++) out[k] = true;
            lineStart = i + 1;
        }
        return out;
    }

    /** Trims a raw span, classifies it, and splits it into names when the whole is not one. */
    private List<Cand> split(String body, List<Token> toks, int from, int to, boolean headline) {
        // "Marion County Sheriff John Smith", "Lviv Mayor Andriy Sadovyi": the person is the name after the last
        // title; what stands before the title is a name of its own (a place or an organisation) when recognisable
        // "Jane Doe BBC News Arabic" (a byline block whose lines were joined): an acronym after a person's name
        // starts another name
        int acr = headline ? -1 : acronymAfterPerson(toks, from, to);
        if (acr > 0) {
            List<Cand> both = new ArrayList<>(split(body, toks, from, acr, false));
            both.addAll(split(body, toks, acr, to, false));
            return both;
        }
        int[] inner = headline ? null : innerTitle(toks, from, to);
        if (inner != null) {
            List<Cand> both = new ArrayList<>(split(body, toks, from, inner[0], false));
            Cand p = make(body, toks, inner[1], to);
            p.personCue = true;
            classify(p, toks);
            if (p.type == null || p.type == EntityType.LOCATION && p.place == null) { p.type = EntityType.PERSON; p.score = 2; }
            both.add(p);
            return both;
        }
        List<Cand> out = new ArrayList<>(1);
        boolean personCue = false;
        // leading determiners, sentence-initial common words, titles
        while (from < to) {
            Token t = toks.get(from);
            boolean last = from + 1 >= to;
            // never cut a hyphenated compound ("Rolls-Royce" at a sentence start is not "-Royce"); a title compound
            // ("Secretary-General", "Commander-in-Chief") before a name goes whole
            int compound = compoundEnd(toks, from, to);
            if (compound > from + 1) {
                if (compound < to && isTitleCompound(toks, from, compound) && isNameToken(toks.get(compound))) {
                    from = compound;
                    personCue = true;
                    continue;
                }
                break;
            }
            if (DETERMINERS.contains(t.lower) && !last) { from++; continue; }
            // "U.S. President Donald Trump", "Russian Foreign Minister X": a country or people before the title
            int title = titleAfterPlace(toks, from, to);
            if (title > from) { from = title; personCue = true; continue; }
            // "Senior General X", "Acting President X"
            if (TITLE_MODIFIERS.contains(t.lower) && from + 2 < to && Lexicon.PERSON_TITLES.contains(toks.get(from + 1).lower)) {
                from++;
                continue;
            }
            // "Secretary of State X", "Chief of Staff X": a title with its domain
            if (Lexicon.PERSON_TITLES.contains(t.lower) && from + 4 < to && toks.get(from + 1).is("of")
                && isNameToken(toks.get(from + 2)) && isNameToken(toks.get(from + 3)) && isNameToken(toks.get(from + 4))
                && !orgNamed(toks, from, to) && lex.isCommonWord(toks.get(from + 2).lower)) {
                from += 3;
                personCue = true;
                continue;
            }
            if (lex.roleNouns.contains(t.lower) && !last && isNameToken(toks.get(from + 1)) && !orgNamed(toks, from, to)
                && !lex.organizations.containsKey(Norm.key(spanText(body, toks, from, to)))
                // "Prince Edward Island", "King George Island": a place named after a title holder
                && gaz.lookup(spanText(body, toks, from, to)).length == 0 && !GEO_FEATURES.contains(toks.get(to - 1).lower)) {
                if (Lexicon.PERSON_TITLES.contains(t.lower) || lex.roleNouns.contains(t.lower)) personCue = true;
                from++;
                continue;
            }
            if (Lexicon.DIRECTIONS.contains(t.lower) && !last) {
                // "Eastern Kenya": keep when the whole is a region name (North Kivu), else drop the direction
                String whole = spanText(body, toks, from, to);
                if (gaz.lookup(whole).length > 0 || lex.continents.contains(Norm.key(whole))
                    || lex.continents.contains(Norm.key(spanText(body, toks, from + 1, to)))) break;
                from++;
                continue;
            }
            if ((t.sentenceStart || headline) && isCommonStart(t) && !transliterationApostrophe(toks, from)
                && !knownWhole(spanText(body, toks, from, to)) && !orgNamed(toks, from, to)
                && !givenNameWithCue(toks, from, to) && !namedByAppositive(toks, from, to) && !toks.get(to - 1).number) {
                from++;
                continue;
            }
            break;
        }
        // trailing junk: a dangling connector or punctuation
        while (to > from && !toks.get(to - 1).word) to--;
        if (from >= to) return out;
        Cand c = make(body, toks, from, to);
        c.headline = headline;
        c.personCue = personCue || roleBefore(toks, from) || roleCommaBefore(toks, from) || appositivePerson(toks, to)
            || c.words == 1 && firstNameCue(toks, from)
            || c.words >= 2 && c.words <= 4 && (creditBefore(toks, from) || nameLine(toks, from, to));
        classify(c, toks);
        if (DEBUG) System.err.println("cand '" + c.text + "' type=" + c.type + " cue=" + c.personCue + " weak=" + c.weak + " place=" + (c.place == null ? null : c.place.id));
        if (c.type != null) {
            out.add(c);
            return out;
        }
        // not one name: find the places inside (longest first), then single capitalised words
        int k = from;
        while (k < to) {
            if (!toks.get(k).word) { k++; continue; }
            int best = -1;
            Place[] cands = null;
            for (int e = Math.min(to, k + gaz.maxTokens() * 2 + 1); e > k; e--) {
                if (!toks.get(e - 1).word) continue;
                Place[] p = gaz.lookup(spanText(body, toks, k, e));
                if (p.length > 0 && acceptablePlace(toks, k, e, p)) { best = e; cands = p; break; }
            }
            if (best > 0) {
                Cand sub = make(body, toks, k, best);
                sub.type = EntityType.LOCATION;
                sub.place = cands[0];
                sub.score = 1;
                sub.headline = headline;
                out.add(sub);
                k = best;
            } else {
                // a hyphenated compound that starts with an acronym stays whole ("OVD-Info spokesperson X" is not
                // "OVD"): the acronym decides the type of the whole compound, never of its part alone
                Token t = toks.get(k);
                boolean acronymHead = to - from > 1 && t.word && isNameToken(t) && Norm.isAllCaps(t.text);
                int compound = acronymHead ? compoundEnd(toks, k, to) : k + 1;
                if (acronymHead) {
                    Cand part = make(body, toks, k, k + 1);
                    part.headline = headline;
                    classify(part, toks);
                    Cand sub = part;
                    if (part.type == EntityType.LOCATION) compound = k + 1;
                    if (compound > k + 1) {
                        sub = make(body, toks, k, compound);
                        sub.headline = headline;
                        classify(sub, toks);
                        if (sub.type == null) { sub.type = part.type; sub.score = part.score; sub.weak = part.weak; }
                    }
                    if (sub.type != null || sub.weak) out.add(sub);
                }
                k = compound;
            }
        }
        if (out.isEmpty() && (c.weak || c.words >= 2 && !allCommon(toks, c))) {
            c.weak = true;
            out.add(c);
        }
        return out;
    }

    private static final Set<String> NAME_SUFFIXES = Lexicon.set("jr", "sr", "ii", "iii", "iv");

    /** Letters after a name that belong to it: post-nominals and generations. */
    private static final Set<String> POST_NOMINALS = Lexicon.set("mp", "mep", "msp", "mla", "qc", "kc", "md", "phd",
        "obe", "mbe", "cbe", "kbe", "dbe", "rn", "esq", "jr", "sr");

    /** The index of an acronym right after two or three words of a person's name (given name first), else -1. */
    private int acronymAfterPerson(List<Token> toks, int from, int to) {
        if (to - from < 3 || !lex.isGivenName(toks.get(from).lower)) return -1;
        for (int k = from + 2; k < to && k <= from + 3; k++) {
            Token t = toks.get(k);
            Token p = toks.get(k - 1);
            if (!t.word || !p.word || !t.spaceBefore) return -1;
            if (Norm.isAllCaps(p.text)) return -1;
            if (Norm.isAllCaps(t.text) && t.text.length() <= 6 && !isRoman(t.text) && !POST_NOMINALS.contains(t.lower)
                && !lex.roleNouns.contains(t.lower)) return k;
        }
        return -1;
    }

    /** A title noun inside a name span: a person title ("Sheriff", "Mayor") or a singular role noun. */
    private boolean innerTitleWord(Token t) {
        if (!t.word || !Norm.isUpperInitial(t.text) || Norm.isAllCaps(t.text) && t.text.length() > 1) return false;
        return Lexicon.PERSON_TITLES.contains(t.lower) || lex.roleNouns.contains(t.lower) && !t.lower.endsWith("s")
            && !lex.isGivenName(t.lower);
    }

    /**
     * {title start, name start} when the span [from, to) is "Prefix Title(s) Name": a prefix of its own (not only
     * titles), one or more title words, then one to four words that look like a person's name; else null.
     */
    private int[] innerTitle(List<Token> toks, int from, int to) {
        if (to - from < 3) return null;
        for (int r = to - 2; r > from; r--) {
            Token t = toks.get(r);
            if (!innerTitleWord(t)) continue;
            int ns = r + 1;
            if (!toks.get(ns).word || !personLike(toks, ns, to)) return null;
            int ts = r;
            while (ts - 1 > from && (innerTitleWord(toks.get(ts - 1)) || TITLE_MODIFIERS.contains(toks.get(ts - 1).lower))) ts--;
            // the prefix must be a name of its own: not a bare connector or determiner at its end
            Token end = toks.get(ts - 1);
            if (!end.word || CONNECTORS.contains(end.lower) || DETERMINERS.contains(end.lower) && ts - 1 == from) return null;
            return new int[] {ts, ns};
        }
        return null;
    }

    /** One to four name words after a title that look like a person: not an organisation, place or common words. */
    private boolean personLike(List<Token> toks, int from, int to) {
        int words = 0;
        Token first = null, last = null;
        for (int k = from; k < to; k++) {
            Token t = toks.get(k);
            if (!t.word) {
                if (t.punct('-') || t.punct('.') || t.punct('\u2010')) continue;
                return false;
            }
            if (!isNameToken(t) && !CONNECTORS.contains(t.lower) && !HYPHEN_PARTICLES.contains(t.lower)) return false;
            if (innerTitleWord(t) && k > from) return false;
            if (first == null) first = t;
            last = t;
            if (t.spaceBefore || k == from) words++;
        }
        if (first == null || words > 4 || NAME_SUFFIXES.contains(last.lower)) return false;
        if (lex.orgWords.contains(last.lower) && !lex.placeWords.contains(last.lower)) return false;
        if (words == 1) {
            return !lex.isCommonWord(first.lower) && gaz.lookup(first.text).length == 0 && first.text.length() >= 3;
        }
        boolean given = lex.isGivenName(first.lower);
        // "Lena Marsh" is a person, "Clear Lake" after a title is not
        if (lex.placeWords.contains(last.lower) && !given) return false;
        boolean surname = lex.surnames.contains(last.lower) || Lexicon.surnameShape(last.lower);
        boolean noneCommon = true;
        for (int k = from; k < to; k++) {
            Token t = toks.get(k);
            if (t.word && lex.isCommonWord(t.lower) && !lex.isGivenName(t.lower) && !lex.surnames.contains(t.lower)) noneCommon = false;
        }
        return given || surname || noneCommon;
    }

    /** The end of the hyphenated compound that starts at {@code from} ("Rolls-Royce", "Tehreek-e-Insaf"). */
    private static int compoundEnd(List<Token> toks, int from, int to) {
        int k = from + 1;
        while (k + 1 < to && (toks.get(k).punct('-') || toks.get(k).punct('\u2010')) && !toks.get(k).spaceBefore
            && toks.get(k + 1).word && !toks.get(k + 1).spaceBefore) k += 2;
        return k;
    }

    private boolean isTitleCompound(List<Token> toks, int from, int to) {
        for (int k = from; k < to; k++) {
            Token t = toks.get(k);
            if (t.word && !lex.roleNouns.contains(t.lower) && !CONNECTORS.contains(t.lower)) return false;
        }
        return true;
    }

    /** The index of a title word after a country, people or acronym at the start of a span, else -1. */
    private int titleAfterPlace(List<Token> toks, int from, int to) {
        int k = from;
        boolean any = false;
        while (k < to - 2) {
            Token t = toks.get(k);
            if (!t.word) { if (t.punct('.') || t.punct('-')) { k++; continue; } return -1; }
            if (Lexicon.PERSON_TITLES.contains(t.lower) || TITLE_MODIFIERS.contains(t.lower)) {
                if (!any) return -1;
                for (int m = k + 1; m < to; m++) if (!toks.get(m).word || !isNameToken(toks.get(m))) return -1;
                return to - k >= 3 ? k : -1;
            }
            boolean placeish = lex.demonyms.contains(t.lower) || t.text.length() == 1 && Character.isUpperCase(t.text.charAt(0))
                || Norm.isAllCaps(t.text) && t.text.length() <= 4;
            if (!placeish) {
                Place[] p = gaz.lookup(t.text);
                placeish = p.length > 0 && p[0].kind == Kind.COUNTRY;
            }
            if (!placeish) return -1;
            any = true;
            k++;
        }
        return -1;
    }

    /** "The state's governor, Khamis Abakar, ...": a role noun and a comma right before the name. */
    private boolean roleCommaBefore(List<Token> toks, int from) {
        if (from < 2 || !toks.get(from - 1).punct(',')) return false;
        Token p = toks.get(from - 2);
        return p.word && !Norm.isUpperInitial(p.text) && Lexicon.PERSON_TITLES.contains(p.lower) && !lex.orgWords.contains(p.lower);
    }

    private static final Set<String> PERSON_HEADS = Lexicon.set("man", "woman", "boy", "girl", "mother", "father",
        "teenager", "grandmother", "grandfather", "widow", "son", "daughter", "resident", "student", "activist");

    /**
     * "Mahsa Amini, a 22-year-old Kurdish woman", "X, 34,", "X, a trader in the market", "X, the agency's chief": an
     * appositive that describes a person. The head of an English noun phrase is its last noun, so the last cue word
     * before the phrase ends decides ("a senior party official" is a person, "an activist group" is not).
     */
    private boolean appositivePerson(List<Token> toks, int to) {
        int n = toks.size();
        if (to >= n || !toks.get(to).punct(',')) return false;
        int k = to + 1;
        if (k + 1 < n && toks.get(k).number && toks.get(k).text.length() <= 2 && toks.get(k + 1).punct(',')) return true;
        if (k >= n || !(toks.get(k).is("a") || toks.get(k).is("an") || toks.get(k).is("the"))) return false;
        Boolean person = null;
        for (int m = k + 1; m < n && m <= k + 8; m++) {
            Token t = toks.get(m);
            if (!t.word && Norm.isApostrophe(t.text.charAt(0)) && m + 1 < n && toks.get(m + 1).is("s")) { m++; continue; }
            if (!t.word && !t.punct('-')) break;
            if (!t.word || t.number) continue;
            if (APPOSITIVE_END.contains(t.lower) || Lexicon.REPORT_VERBS.contains(t.lower)) break;
            if (Lexicon.ORG_CUES.contains(t.lower) || lex.orgWords.contains(t.lower) && !lex.roleNouns.contains(t.lower)
                || PLACE_OF.contains(t.lower) || lex.placeWords.contains(t.lower)) {
                person = false;
            } else if (PERSON_HEADS.contains(t.lower) || lex.roleNouns.contains(t.lower) && !t.lower.endsWith("s")) {
                person = true;
            }
        }
        return person != null && person;
    }

    /** Words before "by" that make a credit line: "(Reporting by ...; Editing by ...)", "Story by ...". */
    private static final Set<String> CREDIT_WORDS = Lexicon.set("reporting", "writing", "editing", "translation",
        "translated", "story", "text", "words", "photos", "photo", "photographs", "photography", "pictures", "images",
        "video", "videos", "graphics", "illustration", "illustrations", "research", "interview", "interviews",
        "compiled", "edited", "written", "reported", "produced", "production", "checking", "verification", "design",
        "animation", "filming", "camera", "sketches");
    /** Labels before a colon that introduce a picture credit: "Photo: Jane Doe/AFP". */
    private static final Set<String> PICTURE_LABELS = Lexicon.set("photo", "photos", "photograph", "picture",
        "pictures", "image", "images", "video", "credit", "credits", "illustration", "graphic", "photographer",
        "camera", "cameraman", "reporter", "correspondent", "author", "byline", "writer", "editor", "editing",
        "reporting", "translation", "translator");

    /**
     * The span follows a credit: "by" after a credit word ("Reporting by A in X and B in Y; Editing by C",
     * "Story by A. Translation by B.") with only this credit's names, places and "and" between, or a picture label
     * and a colon ("Photo: A/AFP"). A name right after "in"/"from" is the credit's place, not a person.
     */
    private boolean creditBefore(List<Token> toks, int from) {
        if (from == 0) return false;
        Token prev = toks.get(from - 1);
        if (prev.word && Lexicon.PLACE_PREPS.contains(prev.lower)) return false;
        if (prev.punct(':')) {
            Token label = from >= 2 ? toks.get(from - 2) : null;
            return label != null && label.word && PICTURE_LABELS.contains(label.lower);
        }
        for (int k = from - 1; k >= 0 && k >= from - 40; k--) {
            Token t = toks.get(k);
            if (t.newlineAfter) return false;
            if (t.word) {
                if (t.is("by")) {
                    Token w = k > 0 ? toks.get(k - 1) : null;
                    return w != null && w.word && CREDIT_WORDS.contains(w.lower);
                }
                if (Norm.isUpperInitial(t.text) || t.is("in") || t.is("and") || t.is("from") || CONNECTORS.contains(t.lower)
                    || HYPHEN_PARTICLES.contains(t.lower)) continue;
                return false;
            }
            if (t.punct(',') || t.punct('-') || t.punct('\u2010') || Norm.isApostrophe(t.text.charAt(0))) continue;
            // an initial's dot ("Jane F. Doe") stays inside the credit; another dot ends it
            if (t.punct('.') && k > 0 && toks.get(k - 1).word && toks.get(k - 1).text.length() == 1) continue;
            return false;
        }
        return false;
    }

    /** A line that holds only a name ("Jane Doe" above "BBC News Arabic" in a byline block), given name first. */
    private boolean nameLine(List<Token> toks, int from, int to) {
        Token first = toks.get(from);
        Token last = toks.get(to - 1);
        // or the name starts a line and an outlet's acronym follows it on the same line ("Jane Doe BBC News")
        Token after = to < toks.size() ? toks.get(to) : null;
        boolean outletAfter = after != null && after.word && Norm.isAllCaps(after.text) && !last.newlineAfter;
        return first.lineStart && (last.newlineAfter || to == toks.size() || outletAfter) && lex.isGivenName(first.lower)
            && to - from <= 4 && from > 0;
    }

    /** "who gave only his first name, Adam,", "identified only as Karim": a single first name. */
    private static boolean firstNameCue(List<Token> toks, int from) {
        int k = from - 1;
        if (k >= 0 && toks.get(k).punct(',')) k--;
        if (k < 0 || !toks.get(k).word) return false;
        Token t = toks.get(k);
        if (t.is("name") || t.is("names") || t.is("surname") || t.is("nickname") || t.is("pseudonym")) return true;
        // "identified only as X", "known only as X"
        return t.is("as") && k >= 2 && toks.get(k - 1).is("only") && (toks.get(k - 2).is("identified")
            || toks.get(k - 2).is("known") || toks.get(k - 2).is("named"));
    }

    /**
     * A sentence-initial given name that is also an English word ("Jean", "Mark", "Will") stays part of the name
     * when a person cue follows or precedes: an age or role appositive, a credit, or a line of its own.
     */
    private boolean givenNameWithCue(List<Token> toks, int from, int to) {
        Token t = toks.get(from);
        if (!lex.isGivenName(t.lower) || to - from < 2 || to - from > 4 || !isNameToken(toks.get(from + 1))) return false;
        return appositivePerson(toks, to) || creditBefore(toks, from) || nameLine(toks, from, to);
    }

    /**
     * "Alarm Phone, a hotline for migrants, said": a short span of ordinary words at a sentence start is kept whole
     * when an organisation appositive follows it (not after a frequent word or an adverb: "Meanwhile Oxfam, a charity").
     */
    private boolean namedByAppositive(List<Token> toks, int from, int to) {
        Token t = toks.get(from);
        if (to - from < 2 || to - from > 4 || t.lower.endsWith("ly")) return false;
        if (lex.frequentWords.getOrDefault("en", Set.of()).contains(t.lower)) return false;
        return appositiveOrg(toks, to);
    }

    /** Two or more words ending in an organisation head, the first not one of the most frequent words. */
    private boolean orgNamed(List<Token> toks, int from, int to) {
        if (to - from < 2) return false;
        Token last = toks.get(to - 1);
        Set<String> frequent = lex.frequentWords.getOrDefault("en", Set.of());
        if (to - from >= 3 && !frequent.contains(toks.get(from).lower) && !DETERMINERS.contains(toks.get(from).lower)) {
            if (headBeforeOf(toks, from, to)) return true;
        }
        return lex.orgWords.contains(last.lower) && !lex.placeWords.contains(last.lower)
            && !frequent.contains(toks.get(from).lower) && !DETERMINERS.contains(toks.get(from).lower);
    }

    private boolean knownWhole(String text) {
        String k = Norm.key(text);
        return k.indexOf(' ') > 0 && (gaz.lookupKey(k).length > 0 || lex.organizations.containsKey(k)
            || lex.people.containsKey(k) || dict.lookup(text) != null);
    }

    private boolean isCommonStart(Token t) {
        if (!lex.isCommonWord(t.lower)) return false;
        if (lex.isGivenName(t.lower) && !lex.englishWords.contains(t.lower)) return false;
        // countries and big places that are also words (China, Turkey, Chad) stay
        Place[] p = gaz.lookup(t.text);
        return !(p.length > 0 && (p[0].kind == Kind.COUNTRY || p[0].population > 1_000_000));
    }

    private static boolean transliterationApostrophe(List<Token> toks, int i) {
        return i + 1 < toks.size() && !toks.get(i + 1).word && toks.get(i + 1).text.length() == 1
            && Norm.isApostrophe(toks.get(i + 1).text.charAt(0)) && !toks.get(i + 1).spaceBefore
            && i + 2 < toks.size() && toks.get(i + 2).spaceBefore && Norm.isUpperInitial(toks.get(i + 2).text);
    }

    private boolean roleBefore(List<Token> toks, int from) {
        if (from == 0) return false;
        Token p = toks.get(from - 1);
        if (!p.word) return false;
        return !Norm.isUpperInitial(p.text) && lex.roleNouns.contains(p.lower) && !lex.orgWords.contains(p.lower);
    }

    private static String spanText(String body, List<Token> toks, int from, int to) {
        return body.substring(toks.get(from).start, toks.get(to - 1).end);
    }

    private Cand make(String body, List<Token> toks, int from, int to) {
        Cand c = new Cand();
        c.from = from; c.to = to;
        c.start = toks.get(from).start; c.end = toks.get(to - 1).end;
        c.text = body.substring(c.start, c.end);
        StringBuilder b = new StringBuilder();
        int words = 0;
        boolean afterBracket = false;
        for (int k = from; k < to; k++) {
            Token t = toks.get(k);
            if (t.punct('[') || t.punct(']')) { afterBracket = t.punct('['); continue; }
            if (b.length() > 0 && (t.spaceBefore || afterBracket)) b.append(' ');
            afterBracket = false;
            // a hyphenated compound is one word: OVD-Info, Anaya-Rivera, Ivano-Frankivsk
            if (t.word && (words == 0 || t.spaceBefore || k == from || !toks.get(k - 1).punct('-') && !toks.get(k - 1).punct('\u2010'))) words++;
            b.append(t.text);
        }
        c.clean = b.toString().replace(" ]", "").replace("[ ", "");
        // the mention is a balanced slice of the body: a span that took an editorial "[" ends after its "]"
        // ("Vladimir Vladimirovich [Putin]"), though the name's last token stays the word before it
        int open = 0;
        for (int k = from; k < to; k++) {
            if (toks.get(k).punct('[')) open++;
            else if (toks.get(k).punct(']') && open > 0) open--;
        }
        if (open > 0 && to < toks.size() && toks.get(to).punct(']')) {
            c.end = toks.get(to).end;
            c.text = body.substring(c.start, c.end);
        }
        c.key = Norm.key(c.clean);
        c.words = words;
        return c;
    }

    // ---------------------------------------------------------------- classification

    private void classify(Cand c, List<Token> toks) {
        Token first = toks.get(c.from);
        Token last = toks.get(c.to - 1);
        Token prev = c.from > 0 ? toks.get(c.from - 1) : null;
        Token prev2 = c.from > 1 ? toks.get(c.from - 2) : null;
        Token next = c.to < toks.size() ? toks.get(c.to) : null;
        Token next2 = c.to + 1 < toks.size() ? toks.get(c.to + 1) : null;
        String lastLower = last.lower;
        boolean acronym = c.words == 1 && Norm.isAllCaps(c.text) && c.text.length() >= 2 && c.text.length() <= 6;
        if (c.key.isEmpty()) return;

        // 1. operators' dictionary and the alias file
        EntityDictionary.Entry e = dict.lookup(c.clean);
        if (e != null && e.type() != null) {
            c.entry = e; c.type = e.type(); c.score = 5;
            return;
        }
        // 2. known organisations and people
        if (lex.organizations.containsKey(c.key)) { c.type = EntityType.ORGANIZATION; c.score = 4; return; }
        if (c.words >= 2 && lex.people.containsKey(c.key)) { c.type = EntityType.PERSON; c.score = 4; return; }
        if (c.headline) {
            classifyHeadline(c, acronym, toks);
            return;
        }
        // 3. a name that ends in a number before a reporting verb (see extend): "Rescue 1122 said"
        if (c.words >= 2 && last.number) { c.type = EntityType.ORGANIZATION; c.score = 2; return; }
        // organisation heads: Rapid Support Forces, The Moscow Times, Sudan Doctors Network
        if (c.words >= 2 && lex.orgWords.contains(lastLower) && !lex.placeWords.contains(lastLower)) {
            c.type = EntityType.ORGANIZATION; c.score = 3;
            return;
        }
        Place[] places = gaz.lookup(c.clean);
        // continents, also with a direction: "Europe", "West Africa", "Southeast Asia"
        if (places.length == 0 && continent(c, toks)) { c.type = EntityType.LOCATION; c.score = 2.5; return; }
        // 3a. "Kherson Oblast", "Zaporizhzhia Region", "Hamilton County": a region word after a name is a region
        if (c.words >= 2 && places.length == 0 && REGION_WORDS.contains(lastLower) && Norm.isUpperInitial(last.text)
            && regionSpan(c, toks)) return;
        // 3b. an organisation head before "of"/"for": Ministry of Health, International Organization for Migration
        if (c.words >= 3 && places.length == 0 && headBeforeOf(toks, c.from, c.to)) {
            c.type = EntityType.ORGANIZATION; c.score = 3;
            return;
        }
        // 4. acronyms: BBC, TASS, RSF (a country code like US or UK is a place)
        if (acronym) {
            if (places.length > 0 && (places[0].kind == Kind.COUNTRY
                || c.text.length() >= 4 && places[0].population >= 100_000 && lex.organizations.get(c.key) == null)) {
                c.type = EntityType.LOCATION; c.place = places[0]; c.score = 3;
                return;
            }
            if (!isRoman(c.text) && !(c.text.length() > 4 && lex.isCommonWord(first.lower))) {
                c.type = EntityType.ORGANIZATION; c.score = 2;
                return;
            }
        }
        boolean givenFirst = lex.isGivenName(first.lower);
        // a single word, hyphenated compounds whole: "Anaya-Rivera", "Rolls-Royce"
        String w1 = c.words == 1 ? Norm.lower(c.clean) : first.lower;
        boolean anyGiven = false;
        for (int k = c.from; k < c.to; k++) if (toks.get(k).word && lex.isGivenName(toks.get(k).lower)) anyGiven = true;
        boolean surnameLast = c.words >= 2 && (Lexicon.surnameShape(lastLower) || lex.surnames.contains(lastLower));
        boolean appositiveOrg = appositiveOrg(toks, c.to);
        boolean orgContext = orgCueBefore(toks, c.from) || appositiveOrg || movementAfter(toks, c)
            || c.words <= 3 && ledBy(toks, c) && !lex.demonyms.contains(lastLower) && !lex.isCommonWord(lastLower);
        boolean placeWordAfter = next != null && next.word && !Norm.isUpperInitial(next.text) && (lex.placeWords.contains(next.lower)
            || next.is("camp") || next.is("refugee") && next2 != null && next2.is("camp"));
        boolean placeWordLast = c.words >= 2 && lex.placeWords.contains(lastLower) && !lex.orgWords.contains(lastLower);
        boolean placeOfBefore = prev != null && prev2 != null && prev.is("of") && PLACE_OF.contains(prev2.lower);

        // 5. organisation context: "aid group Oxfam", "Rus' Sidyashchaya (Russia Behind Bars), a rights group"
        // "the ruling Morena party", "Hamas-led": the context wins over a town of that name (or an alternate
        // name of one), not over a country, a region or a city of a million
        boolean bigPlace = places.length > 0 && (places[0].kind != Kind.CITY || places[0].population >= 1_000_000
            || appositiveOrg && places[0].population >= 100_000);
        if (orgContext && !(bigPlace && !orgCueBefore(toks, c.from))) {
            c.type = EntityType.ORGANIZATION; c.score = 3;
            return;
        }
        boolean toldOrBy = prev != null && (prev.is("told") || prev.is("by") || prev.is("via")
            || (prev.is("to") && prev2 != null && prev2.is("according")));
        if (c.words == 1 && toldOrBy && !acronym && !lex.isGivenName(w1) && !Lexicon.surnameShape(w1)
            && !lex.isCommonWord(w1)
            && !(places.length > 0 && (places[0].kind != Kind.CITY || places[0].population >= 1_000_000))) {
            c.type = EntityType.ORGANIZATION; c.score = 1.5;
            return;
        }
        // 6. places from the gazetteer
        if (places.length > 0 && acceptablePlace(toks, c.from, c.to, places)
            && !(c.personCue && c.words >= 2) && !(givenFirst && c.words >= 2 && places[0].kind == Kind.CITY && places[0].population < 100_000)) {
            c.type = EntityType.LOCATION; c.place = places[0]; c.score = 2;
            return;
        }
        // 7. places by their place word: Danube River, the Donbas region, the island of Java, the Isthmus of Kra,
        // Lake Kivu, Columbus Junction (a town named after a gazetteer place), Russian-occupied X
        boolean featureFirst = c.words >= 2 && GEO_FEATURES.contains(first.lower) && !c.personCue
            && (c.words >= 3 && toks.get(c.from + 1).is("of")
                || c.words <= 3 && FEATURE_BEFORE_NAME.contains(first.lower) && !toks.get(c.from + 1).is("of"));
        boolean townSuffix = c.words >= 2 && c.words <= 3 && TOWN_SUFFIXES.contains(lastLower) && !c.personCue
            && gaz.lookup(spanText(c.text, toks, c.from, c.to - 1, c.start)).length > 0;
        boolean heldBy = prev != null && prev2 != null && prev.word && HELD.contains(prev.lower) && prev2.punct('-')
            && !prev2.spaceBefore && !prev.spaceBefore && !lex.demonyms.contains(first.lower)
            && heldByTerritory(toks, c.from);
        if (featureFirst || townSuffix || heldBy) {
            c.type = EntityType.LOCATION; c.score = 2;
            return;
        }
        if (placeWordLast || placeWordAfter || placeOfBefore) {
            if (!(c.words == 1 && lex.isGivenName(w1) && !placeOfBefore) && !(c.personCue && givenFirst && c.words >= 2)) {
                c.type = EntityType.LOCATION; c.score = 2;
                return;
            }
        }
        // "medics in Deir al-Balah said": after a locative preposition the name is a place, not a speaker
        if (c.words >= 2 && c.words <= 3 && !c.personCue && prev != null && (prev.is("in") || prev.is("near") || prev.is("outside"))
            && next != null && Lexicon.REPORT_VERBS.contains(next.lower)) {
            c.type = EntityType.LOCATION; c.score = 1;
            return;
        }
        // 8. people: given names, surname shapes, titles and role nouns, bylines
        boolean byline = prev != null && prev.is("by") && prev.lineStart;
        if (c.words >= 2 && c.words <= 5 && (givenFirst || anyGiven && c.words >= 3 || surnameLast || c.personCue || byline)
            && (!allCommon(toks, c) || givenFirst && (c.personCue || byline))) {
            c.type = EntityType.PERSON; c.score = givenFirst || c.personCue ? 3 : 2;
            return;
        }
        if (c.words == 1) {
            // "said Smith, a spokesman": a surname that is also a word, with a person cue
            if (lex.isCommonWord(w1) && !(c.personCue && lex.surnames.contains(w1)) || lex.demonyms.contains(w1)) return;
            if (c.personCue) { c.type = EntityType.PERSON; c.score = 2; return; }
            boolean dashSource = dashSource(toks, c);
            if ((toldOrBy || dashSource) && !lex.isGivenName(w1) && !Lexicon.surnameShape(w1)) {
                c.type = EntityType.ORGANIZATION; c.score = 1.5;
                return;
            }
            // otherwise decided by coreference (a surname, a short form) or dropped
            c.weak = true;
            if (appositivePlace(toks, c.to) && !lex.isGivenName(w1)) {
                c.type = EntityType.LOCATION; c.score = 1.5; c.weak = false;
                return;
            }
            if (next != null && AFTER_ORG_VERBS.contains(next.lower) && !lex.isGivenName(w1)) {
                if (lex.surnames.contains(w1) || lex.famousSurnames.containsKey(w1) || Lexicon.surnameShape(w1)) {
                    c.type = EntityType.PERSON; c.score = 0.5;
                } else {
                    c.type = EntityType.ORGANIZATION; c.score = 0.5;
                }
                return;
            }
            if (prev != null && Lexicon.PLACE_PREPS.contains(prev.lower) && !lex.isGivenName(w1)
                && !(next != null && Lexicon.REPORT_VERBS.contains(next.lower))) {
                c.type = EntityType.LOCATION; c.score = 0.5;
            }
            return;
        }
        // 9. several unknown capitalised words followed or preceded by a reporting verb are most often a person
        boolean reportNear = next != null && Lexicon.REPORT_VERBS.contains(next.lower)
            || prev != null && Lexicon.REPORT_VERBS.contains(prev.lower);
        if (c.words <= 3 && !c.personCue && prev != null && (prev.is("in") || prev.is("near") || prev.is("outside"))
            && next != null && Lexicon.REPORT_VERBS.contains(next.lower)) {
            c.type = EntityType.LOCATION; c.score = 1;
            return;
        }
        if (c.words <= 3 && !allCommon(toks, c) && noneCommon(toks, c) && reportNear) {
            c.type = EntityType.PERSON; c.score = 1;
        }
    }

    /** Geographic feature words that start a place's name: "Lake Kivu", "Gulf of Aden", "the Isthmus of Kra". */
    private static final Set<String> GEO_FEATURES = Lexicon.set("lake", "mount", "cape", "gulf", "bay",
        "strait", "straits", "isthmus", "island", "islands", "isle", "sea", "peninsula", "river",
        "gorge", "canyon", "plateau", "glacier", "volcano", "atoll", "archipelago", "lagoon", "bight");
    /** Feature words that also come right before the name ("Lake Kivu", "Mount Kenya", "Cape Verde"). */
    private static final Set<String> FEATURE_BEFORE_NAME = Lexicon.set("lake", "mount", "cape");
    /** Second words of town names ("Columbus Junction", "Bakersfield Heights") after a gazetteer place. */
    private static final Set<String> TOWN_SUFFIXES = Lexicon.set("junction", "crossing", "landing", "heights", "falls",
        "springs", "beach", "township", "village", "hills", "grove", "ridge", "creek", "mills", "rapids", "bluffs",
        "harbor", "harbour", "point", "center", "centre", "station", "valley", "lake", "park", "city", "town",
        "county", "borough");
    /** "Russian-occupied Melitopol", "rebel-held Idlib", "Indian-administered Kashmir": the name after is a place. */
    private static final Set<String> HELD = Lexicon.set("occupied", "held", "controlled", "administered", "annexed",
        "besieged", "blockaded");

    private boolean continent(Cand c, List<Token> toks) {
        if (lex.continents.contains(c.key)) return true;
        if (c.words < 2 || !Lexicon.DIRECTIONS.contains(toks.get(c.from).lower)) return false;
        int k = c.from + 1;
        while (k < c.to && !toks.get(k).word) k++;
        return k < c.to && lex.continents.contains(Norm.key(spanText(c.text, toks, k, c.to, c.start)));
    }

    private static final Set<String> ARMED = Lexicon.set("rebel", "rebels", "militant", "insurgent", "separatist",
        "army", "militia", "junta", "jihadist", "taliban", "opposition");

    /**
     * "rebel-held X", "Russian-occupied X": always a territory; "-controlled"/"-administered" only after a people,
     * a place or an armed group ("Indian-administered Kashmir", not "state-controlled Gazprom").
     */
    private boolean heldByTerritory(List<Token> toks, int from) {
        Token verb = toks.get(from - 1);
        if (!(verb.is("controlled") || verb.is("administered"))) return true;
        if (from < 3) return false;
        Token who = toks.get(from - 3);
        if (!who.word) return false;
        if (lex.demonyms.contains(who.lower) || ARMED.contains(who.lower)) return true;
        Place[] p = gaz.lookup(who.text);
        return p.length > 0 && p[0].kind == Kind.COUNTRY;
    }

    /** Words that, capitalised after a name, make the whole a first- or second-level region. */
    private static final Set<String> REGION_WORDS = Lexicon.set("oblast", "region", "province", "county", "governorate",
        "prefecture", "district", "krai", "kray", "raion", "rayon", "state", "municipality", "territory", "emirate",
        "canton", "voivodeship", "okrug");

    private static final Set<String> ADMIN1_WORDS = Lexicon.set("oblast", "region", "province", "governorate",
        "prefecture", "krai", "kray", "voivodeship", "okrug");

    /**
     * "X Oblast", "X Region", "X County", "X State": LOCATION, geocoded to the first-level region X when the
     * gazetteer has one (else without coordinates); "X School District" is an organisation. A US state is not
     * called "X State" in prose (that is a university: "Ohio State"), so "State" needs a region of another country.
     * False when the rule does not apply.
     */
    private boolean regionSpan(Cand c, List<Token> toks) {
        int lastWord = c.to - 1;
        int k = lastWord - 1;
        while (k > c.from && !toks.get(k).word) k--;
        Token before = toks.get(k);
        if (!before.word || CONNECTORS.contains(before.lower)) return false;
        if (lex.orgWords.contains(before.lower) && !lex.placeWords.contains(before.lower)) {
            c.type = EntityType.ORGANIZATION; c.score = 3;
            return true;
        }
        int baseEnd = k + 1;
        Place region = null;
        String base = spanText(c.text, toks, c.from, baseEnd, c.start);
        // a word that names only first-level regions may match any spelling; "County", "District", "State" need the
        // region's own name ("Hamilton County" is no alternate name of a Bermudan parish)
        boolean firstLevelWord = ADMIN1_WORDS.contains(toks.get(lastWord).lower);
        for (Place p : gaz.lookup(base)) {
            if (p.kind == Kind.ADMIN1 && (firstLevelWord || Norm.key(p.name).equals(Norm.key(base)))) { region = p; break; }
        }
        boolean state = toks.get(lastWord).is("state");
        if (state && (region == null || "US".equals(region.country))) return false;
        c.type = EntityType.LOCATION; c.score = 2.5; c.place = region;
        return true;
    }

    private static String spanText(String text, List<Token> toks, int from, int to, int offset) {
        return text.substring(toks.get(from).start - offset, toks.get(to - 1).end - offset);
    }

    private void classifyHeadline(Cand c, boolean acronym, List<Token> toks) {
        if (c.words == 1 && dashSource(toks, c) && !lex.isGivenName(c.key)) {
            c.type = EntityType.ORGANIZATION; c.score = 1.5;
            return;
        }
        Place[] places = gaz.lookup(c.clean);
        if (places.length > 0 && !lex.isCommonWord(c.key) && acceptablePlace(toks, c.from, c.to, places)
            && (places[0].kind != Kind.CITY || places[0].population >= 100_000)) {
            c.type = EntityType.LOCATION; c.place = places[0]; c.score = 1.5;
            return;
        }
        if (acronym && !isRoman(c.text)) { c.type = EntityType.ORGANIZATION; c.score = 1; return; }
        if (c.words >= 2 && lex.isGivenName(Norm.lower(c.clean.split(" ")[0]))) { c.type = EntityType.PERSON; c.score = 1; return; }
        if (c.words == 1 && !lex.isCommonWord(c.key)) c.weak = true;
    }

    /** "... Report – Meduza", "Photo: X / AFP": a name after a spaced dash or slash at the end of a line. */
    private static boolean dashSource(List<Token> toks, Cand c) {
        Token prev = c.from > 0 ? toks.get(c.from - 1) : null;
        Token last = toks.get(c.to - 1);
        Token next = c.to < toks.size() ? toks.get(c.to) : null;
        return prev != null && (prev.punct('\u2013') || prev.punct('\u2014') || prev.punct('-') || prev.punct('/'))
            && prev.spaceBefore && (next == null || last.newlineAfter || !next.word && (next.punct('*') || next.punct('|')));
    }

    /** "Xtown, one of the worst-affected areas", "Kherson, a port city": an appositive place noun. */
    private boolean appositivePlace(List<Token> toks, int to) {
        int n = toks.size();
        if (to >= n || !toks.get(to).punct(',')) return false;
        int k = to + 1;
        if (k >= n || !(toks.get(k).is("a") || toks.get(k).is("an") || toks.get(k).is("the") || toks.get(k).is("one"))) return false;
        for (int m = k + 1; m < n && m <= k + 7; m++) {
            Token t = toks.get(m);
            if (!t.word && !t.punct('-')) return false;
            if (PLACE_OF.contains(t.lower) || t.is("areas") || t.is("area")) return true;
            if (Lexicon.ORG_CUES.contains(t.lower) || lex.roleNouns.contains(t.lower)) return false;
        }
        return false;
    }

    private boolean acceptablePlace(List<Token> toks, int from, int to, Place[] places) {
        Place p = places[0];
        if (p.kind == Kind.COUNTRY) return true;
        if (to - from == 1) {
            Token t = toks.get(from);
            String w = t.lower;
            if (Lexicon.NON_ENTITY.contains(w) || lex.demonyms.contains(w)) return false;
            // a place named like an ordinary word (Police, Mobile) or a first name needs to be big or admin
            boolean word = lex.isCommonWord(w);
            if (Lexicon.DIRECTIONS.contains(w)) return false;
            // ... unless, capitalised inside a sentence, the text says it is a place: "in Tyre", "the cities of X and
            // Tyre", "Novosibirsk, Tomsk, Perm and Ulan-Ude", "Jane Doe, 71, of Marengo"
            if (word && (t.sentenceStart || p.population < 1_000_000)
                && (t.sentenceStart || aliasOnly(places, w) || !placeContext(toks, from, to))) return false;
            if (lex.isGivenName(w) && p.kind == Kind.CITY && p.population < 300_000) {
                Token prev = from > 0 ? toks.get(from - 1) : null;
                return prev != null && Lexicon.PLACE_PREPS.contains(prev.lower);
            }
            if (t.text.length() < 3) return false;
            if (p.kind == Kind.CITY && p.population < 1_000_000 && aliasOnly(places, Norm.key(t.text))) {
                // matched only through an alternate name: needs "in X", "city of X", "X, Country"
                Token prev = from > 0 ? toks.get(from - 1) : null;
                Token prev2 = from > 1 ? toks.get(from - 2) : null;
                Token next = to < toks.size() ? toks.get(to) : null;
                boolean locative = prev != null && Lexicon.PLACE_PREPS.contains(prev.lower)
                    || prev != null && prev.is("of") && prev2 != null && PLACE_OF.contains(prev2.lower)
                    || next != null && next.punct(',') && to + 1 < toks.size() && gaz.lookup(toks.get(to + 1).text).length > 0;
                if (!locative) return false;
            }
        }
        return true;
    }

    private static final Set<String> STRONG_PLACE_PREPS = Lexicon.set("in", "near", "outside", "around", "from");

    /**
     * Context that makes a capitalised ordinary word a place: a locative preposition ("in", "near", "outside",
     * "around", "from"), "the city of", "<name>, <age>, of", or a list with a gazetteer place that is no ordinary word
     * ("X, Y and Z").
     */
    private boolean placeContext(List<Token> toks, int from, int to) {
        Token prev = from > 0 ? toks.get(from - 1) : null;
        Token prev2 = from > 1 ? toks.get(from - 2) : null;
        if (prev == null) return false;
        if (prev.word && STRONG_PLACE_PREPS.contains(prev.lower)) return true;
        if (prev.is("of") && prev2 != null && (PLACE_OF.contains(prev2.lower) || prev2.punct(','))) return true;
        return coordinatedPlace(toks, from - 1, true) || coordinatedPlace(toks, to, false);
    }

    /** Whether the list separator at {@code sep} ("," / "and" / "or") joins a gazetteer place that is no ordinary word. */
    private boolean coordinatedPlace(List<Token> toks, int sep, boolean left) {
        int n = toks.size();
        if (sep < 0 || sep >= n) return false;
        Token s = toks.get(sep);
        if (!(s.punct(',') || s.is("and") || s.is("or"))) return false;
        int k = left ? sep - 1 : sep + 1;
        // ", and" / "and the"
        if (k >= 0 && k < n && (toks.get(k).is("and") || toks.get(k).is("or") || toks.get(k).punct(','))) k += left ? -1 : 1;
        if (k < 0 || k >= n) return false;
        // the neighbour, a hyphenated compound whole ("Ulan-Ude")
        int a = k, b = k + 1;
        if (left) while (a >= 2 && toks.get(a - 1).punct('-') && !toks.get(a).spaceBefore && !toks.get(a - 1).spaceBefore) a -= 2;
        else while (b + 1 < n && toks.get(b).punct('-') && !toks.get(b).spaceBefore && !toks.get(b + 1).spaceBefore) b += 2;
        Token w = toks.get(a);
        if (!w.word || w.number || !Norm.isUpperInitial(w.text) || b - a == 1 && lex.isCommonWord(w.lower)) return false;
        StringBuilder name = new StringBuilder();
        for (int m = a; m < b; m++) name.append(toks.get(m).text);
        Place[] p = gaz.lookup(name.toString());
        return p.length > 0 && !lex.isGivenName(w.lower);
    }

    private static boolean aliasOnly(Place[] places, String key) {
        for (Place p : places) if (p.kind != Kind.CITY || Norm.key(p.name).equals(key)) return false;
        return true;
    }

    private static final java.util.regex.Pattern ROMAN = java.util.regex.Pattern.compile("[IVXLC]+");
    private static final java.util.regex.Pattern WORD_BREAK = java.util.regex.Pattern.compile("[\\s\\-]+");

    private static boolean isRoman(String s) {
        return ROMAN.matcher(s).matches();
    }

    private boolean allCommon(List<Token> toks, Cand c) {
        for (int k = c.from; k < c.to; k++) {
            Token t = toks.get(k);
            if (t.word && !lex.isCommonWord(t.lower) && !CONNECTORS.contains(t.lower)) return false;
        }
        return true;
    }

    private boolean noneCommon(List<Token> toks, Cand c) {
        for (int k = c.from; k < c.to; k++) {
            Token t = toks.get(k);
            if (t.word && lex.isCommonWord(t.lower) && !lex.isGivenName(t.lower)) return false;
        }
        return true;
    }

    private boolean orgCueBefore(List<Token> toks, int from) {
        if (from == 0) return false;
        Token p = toks.get(from - 1);
        return p.word && !Norm.isUpperInitial(p.text) && Lexicon.ORG_CUES.contains(p.lower);
    }

    /** "X (Y), a Russian movement of ..." or "X, an independent outlet". */
    private static final Set<String> APPOSITIVE_END = Set.of("of", "for", "in", "at", "with", "from", "on", "that",
        "who", "which", "whose", "and", "or", "to", "by");

    private boolean appositiveOrg(List<Token> toks, int to) {
        int k = to;
        int n = toks.size();
        if (k < n && toks.get(k).punct('(')) {
            int close = k + 1;
            while (close < n && close < k + 10 && !toks.get(close).punct(')')) close++;
            if (close >= n || !toks.get(close).punct(')')) return false;
            k = close + 1;
        }
        if (k >= n || !toks.get(k).punct(',')) return false;
        k++;
        if (k >= n || !(toks.get(k).is("a") || toks.get(k).is("an") || toks.get(k).is("the"))) return false;
        // the head of an English noun phrase is its last noun: "a television journalist" is a person,
        // "a rights group" an organisation; the phrase ends at a preposition or relative word
        Boolean org = null;
        for (int m = k + 1; m < n && m <= k + 8; m++) {
            Token t = toks.get(m);
            // "X, the World Health Organization's regional director": the possessor is not the head
            if (!t.word && Norm.isApostrophe(t.text.charAt(0)) && m + 1 < n && toks.get(m + 1).is("s")) { org = null; m++; continue; }
            if (!t.word || APPOSITIVE_END.contains(t.lower)) break;
            if (PLACE_OF.contains(t.lower)) {
                org = false;   // "X, the capital of ...", "X, a port city"
            } else if (Lexicon.ORG_CUES.contains(t.lower) || lex.orgWords.contains(t.lower) && !lex.placeWords.contains(t.lower)) {
                // ", the interior ministry said" starts a new clause, it does not describe the name
                Token after = m + 1 < n ? toks.get(m + 1) : null;
                org = after == null || !Lexicon.REPORT_VERBS.contains(after.lower);
                if (!org) break;
            } else if (lex.roleNouns.contains(t.lower) || lex.placeWords.contains(t.lower)) {
                org = false;
            }
        }
        return org != null && org;
    }

    /** "X-led", "X-run", "X-backed": X leads or runs something. */
    private static boolean ledBy(List<Token> toks, Cand c) {
        int k = c.to;
        return k + 1 < toks.size() && toks.get(k).punct('-') && !toks.get(k).spaceBefore && !toks.get(k + 1).spaceBefore
            && LED_BY.contains(toks.get(k + 1).lower);
    }

    /** An organisation head right before an "of"/"for" inside the name: "Human Rights Commission of Pakistan". */
    private boolean headBeforeOf(List<Token> toks, int from, int to) {
        for (int k = from + 1; k < to - 1; k++) {
            Token t = toks.get(k);
            if (!(t.is("of") || t.is("for"))) continue;
            String h = toks.get(k - 1).lower;
            return lex.orgWords.contains(h) && !lex.placeWords.contains(h) && !h.equals("republic") && !h.equals("kingdom");
        }
        return false;
    }

    /** "the X movement", "the X group", "X news agency". */
    private boolean movementAfter(List<Token> toks, Cand c) {
        if (c.to >= toks.size()) return false;
        Token next = toks.get(c.to);
        Token next2 = c.to + 1 < toks.size() ? toks.get(c.to + 1) : null;
        Token prev = c.from > 0 ? toks.get(c.from - 1) : null;
        if (!next.word || Norm.isUpperInitial(next.text)) return false;
        if ((next.is("news") || next.is("state") || next.is("private") || next.is("media")) && next2 != null
            && next2.word && Lexicon.ORG_CUES.contains(next2.lower)) return true;
        if (prev == null) return false;
        Token prev2 = c.from > 1 ? toks.get(c.from - 2) : null;
        // "the X party", "Khan's X party", "the ruling X party", "the X rescue group"
        boolean lead = prev.is("the") || prev.is("s") && prev2 != null && !prev2.word
            || prev.word && !Norm.isUpperInitial(prev.text) && prev2 != null && prev2.is("the") && !Lexicon.PLACE_PREPS.contains(prev.lower)
               && !lex.roleNouns.contains(prev.lower);
        if (!lead) return false;
        if (Lexicon.ORG_CUES.contains(next.lower)) return true;
        return next2 != null && next2.word && !Norm.isUpperInitial(next2.text) && Lexicon.ORG_CUES.contains(next2.lower)
            && !lex.placeWords.contains(next.lower) && !lex.roleNouns.contains(next.lower) && !CONNECTORS.contains(next.lower)
            && !DETERMINERS.contains(next.lower);
    }

    // ---------------------------------------------------------------- places

    /**
     * "Protests spread to Aville, Btown and Kharkiv": unknown names listed with gazetteer places (a list joined by
     * "and"/"or", or of three or more names) are places too, unless a member is a person or organisation or the list
     * is the subject of a reporting verb.
     */
    private void listPlaces(List<Token> toks, List<Cand> cands) {
        int n = cands.size();
        int i = 0;
        while (i < n) {
            int j = i;
            boolean conj = false;
            while (j + 1 < n) {
                int sep = listSeparator(toks, cands.get(j).to, cands.get(j + 1).from);
                if (sep < 0) break;
                if (sep == 1) conj = true;
                j++;
            }
            if (j > i && (conj || j - i >= 2)) {
                boolean anyPlace = false, anyOther = false;
                for (int k = i; k <= j; k++) {
                    Cand c = cands.get(k);
                    if (c.type == EntityType.LOCATION && c.place != null) anyPlace = true;
                    else if ((c.type == EntityType.PERSON || c.type == EntityType.ORGANIZATION) && !c.weak) anyOther = true;
                }
                int end = cands.get(j).to;
                boolean subject = end < toks.size() && Lexicon.REPORT_VERBS.contains(toks.get(end).lower);
                if (anyPlace && !anyOther && !subject) {
                    for (int k = i; k <= j; k++) {
                        Cand c = cands.get(k);
                        if (!(c.type == null || c.weak && c.type == EntityType.LOCATION) || c.words > 3) continue;
                        Token first = toks.get(c.from);
                        if (lex.isGivenName(first.lower) || Lexicon.surnameShape(Norm.lower(c.clean)) || !noneCommon(toks, c)
                            || lex.demonyms.contains(first.lower)) continue;
                        c.type = EntityType.LOCATION;
                        c.weak = false;
                        c.score = 1;
                    }
                }
            }
            i = j + 1;
        }
    }

    /** Tokens between two names: 0 for a comma, 1 for "and"/"or" (", and"), -1 for anything else. */
    private static int listSeparator(List<Token> toks, int a, int b) {
        if (b - a == 1) {
            Token t = toks.get(a);
            return t.punct(',') ? 0 : t.is("and") || t.is("or") ? 1 : -1;
        }
        if (b - a == 2 && toks.get(a).punct(',') && (toks.get(a + 1).is("and") || toks.get(a + 1).is("or"))) return 1;
        return -1;
    }

    /** The text marks the name as a place: "in X", "the city of X", "X region", "X, Country". */
    private boolean locative(List<Token> toks, Cand c) {
        Token prev = c.from > 0 ? toks.get(c.from - 1) : null;
        Token prev2 = c.from > 1 ? toks.get(c.from - 2) : null;
        Token next = c.to < toks.size() ? toks.get(c.to) : null;
        if (prev != null && prev.word && Lexicon.PLACE_PREPS.contains(prev.lower)) return true;
        if (prev != null && prev.is("of") && prev2 != null && PLACE_OF.contains(prev2.lower)) return true;
        if (next != null && next.word && (lex.placeWords.contains(next.lower) || PLACE_OF.contains(next.lower))) return true;
        return next != null && next.punct(',') && c.to + 1 < toks.size() && gaz.lookup(toks.get(c.to + 1).text).length > 0
            && gaz.lookup(toks.get(c.to + 1).text)[0].kind != Kind.CITY;
    }

    private Place resolve(Cand c, List<Token> toks, Set<String> docCountries) {
        Place[] all = gaz.lookup(c.clean);
        if (all.length <= 1) return all.length == 1 ? all[0] : c.place;
        Token next = c.to < toks.size() ? toks.get(c.to) : null;
        if (next != null && (next.punct('[') || next.punct('(')) && c.to + 1 < toks.size()) next = toks.get(c.to + 1);
        boolean regionWord = next != null && next.word && (next.is("region") || next.is("oblast") || next.is("province")
            || next.is("state") || next.is("governorate") || next.is("prefecture") || next.is("county"));
        Place best = null;
        double bestScore = -1e9;
        boolean anyExact = false;
        for (Place p : all) if (Norm.key(p.name).equals(c.key)) anyExact = true;
        for (Place p : all) {
            double s = p.prior();
            // "Brasilia" is also an alternate name of Brazil: the city of that name wins
            if (anyExact && p.kind == Kind.COUNTRY && !Norm.key(p.name).equals(c.key)) s -= 10;
            if (docCountries.contains(p.country) && p.kind != Kind.COUNTRY) s += 3;
            if (Norm.key(p.name).equals(c.key)) s += 0.5;
            if (regionWord && p.kind == Kind.ADMIN1) s += 3;
            if (s > bestScore) { bestScore = s; best = p; }
        }
        return best;
    }

    // ---------------------------------------------------------------- aliases, coreference, output

    /** "Islamic Revolutionary Guard Corps (IRGC)", "Memorial (Memory)": the parenthesised name is the same entity. */
    private void linkAliases(List<Token> toks, List<Cand> cands) {
        for (int k = 0; k + 1 < cands.size(); k++) {
            Cand a = cands.get(k), b = cands.get(k + 1);
            if (a.type == null || a.type == EntityType.LOCATION) continue;
            if (b.from != a.to + 1 || !toks.get(a.to).punct('(') || b.to >= toks.size() || !toks.get(b.to).punct(')')) continue;
            boolean acr = b.words == 1 && Norm.isAllCaps(b.text);
            if (acr && !initialsMatch(a.clean, b.text)) continue;
            if (!acr && (a.type != EntityType.ORGANIZATION || b.type == EntityType.LOCATION)) continue;
            // a single word is a translation only when it is an English word ("Memorial (Memory)"), not a
            // credit or an aside ("(Reuters)", "(pictured)")
            if (!acr && b.words == 1 && !glossPhrase(toks, b.from, b.to)) continue;
            b.aliasOf = a;
            b.type = a.type;
            b.weak = false;
        }
    }

    /** Single capitalised words in parentheses after a name that are asides, not translations of it. */
    private static final Set<String> NO_GLOSS = Lexicon.set("pictured", "file", "left", "right", "centre", "center",
        "top", "above", "below", "inset", "ret", "retd", "retired", "deceased", "democrat", "republican", "independent",
        "labour", "conservative", "liberal", "green", "greens", "socialist", "communist", "nationalist", "unionist",
        "source", "sources", "archive", "screenshot", "handout", "photo", "video", "audio", "translated",
        "translation", "sic");

    /**
     * "Put' Dumoi (Way Home), a movement ...", "Sdelano (Made Here), a civic group": a capitalised phrase of one to
     * five words in parentheses right after an organisation or person is a translation gloss of that name, so it and
     * its later bare uses in the article ("Way Home said") are mentions of the same entity. Not an acronym (see
     * linkAliases), not a known place, continent, people, organisation or person, no number or date, no aside such as
     * "(pictured)".
     */
    private void glossAliases(String body, List<Token> toks, List<Cand> cands) {
        int n = toks.size();
        for (int ci = 0; ci < cands.size(); ci++) {
            Cand a = cands.get(ci);
            if (a.aliasOf != null || a.weak || !(a.type == EntityType.ORGANIZATION || a.type == EntityType.PERSON)) continue;
            int open = a.to;
            if (open >= n || !toks.get(open).punct('(')) continue;
            int close = open + 1;
            while (close < n && close <= open + 12) {
                Token t = toks.get(close);
                boolean glued = !t.spaceBefore && (t.punct('-') || t.text.length() == 1 && Norm.isApostrophe(t.text.charAt(0)));
                if (!t.word && !glued) break;
                close++;
            }
            if (close >= n || !toks.get(close).punct(')') || close == open + 1) continue;
            int from = open + 1;
            if (!glossPhrase(toks, from, close)) continue;
            // an earlier pass may already have taken the phrase as a name of its own
            Cand exact = null;
            boolean blocked = false;
            for (Cand b : cands) {
                if (b.to <= from || b.from >= close) continue;
                if (b.from == from && b.to == close) exact = b;
                if (b.aliasOf != null || b.entry != null || b.type == EntityType.LOCATION && b.place != null) blocked = true;
            }
            if (blocked) continue;
            final Cand keep = exact;
            final int end = close;
            cands.removeIf(b -> b != keep && b.to > from && b.from < end);
            Cand g = exact != null ? exact : make(body, toks, from, close);
            g.aliasOf = a; g.type = a.type; g.weak = false; g.score = a.score;
            if (exact == null) cands.add(cands.indexOf(a) + 1, g);
            // later bare uses of the gloss that no other name covers
            for (int k = close + 1; k + (close - from) <= n; k++) {
                boolean same = true;
                for (int m = 0; m < close - from && same; m++) {
                    Token x = toks.get(k + m), y = toks.get(from + m);
                    same = x.text.equals(y.text) && (m == 0 || x.spaceBefore == y.spaceBefore);
                }
                if (!same) continue;
                int s = k, e = k + (close - from);
                Token before = s > 0 ? toks.get(s - 1) : null, after = e < n ? toks.get(e) : null;
                if (after != null && (isNameToken(after) && after.spaceBefore || !after.spaceBefore && (after.word || after.punct('-')))) continue;
                // not part of a longer name: no name word before (a sentence-initial common word is none), nothing glued on
                if (before != null && (!toks.get(s).spaceBefore && (before.word || before.punct('-'))
                    || isNameToken(before) && !(before.sentenceStart && lex.isCommonWord(before.lower)))) continue;
                boolean covered = false;
                for (Cand b : cands) if (b.to > s && b.from < e) { covered = true; break; }
                if (covered) continue;   // an exact earlier name of the same words joins by its key in merge
                Cand use = make(body, toks, s, e);
                use.aliasOf = a; use.type = a.type; use.score = a.score;
                int at = 0;
                while (at < cands.size() && cands.get(at).from < s) at++;
                cands.add(at, use);
                k = e - 1;
            }
        }
    }

    /** One to five capitalised words (connectors inside), no acronym, number, place, people or known name. */
    private boolean glossPhrase(List<Token> toks, int from, int to) {
        int words = 0;
        for (int k = from; k < to; k++) {
            Token t = toks.get(k);
            if (!t.word) continue;
            if (t.number) return false;
            boolean startsWord = k == from || t.spaceBefore;
            if (startsWord) words++;
            if (startsWord && !Norm.isUpperInitial(t.text) && !(CONNECTORS.contains(t.lower) && k > from)) return false;
            if (Lexicon.NON_ENTITY.contains(t.lower) || MONTH_ABBREV.contains(t.lower)) return false;
            // a translation is in English words (places may be named in it: "Russia Behind Bars"); a foreign or
            // unknown word is a name of its own, a credit or an agency ("(Reuters)")
            if (startsWord && !lex.isCommonWord(t.lower) && !CONNECTORS.contains(t.lower)
                && !(to - from > 1 && gaz.lookup(t.text).length > 0)) return false;
        }
        if (words < 1 || words > 5 || !isNameToken(toks.get(from)) || !Norm.isUpperInitial(toks.get(to - 1).text)) return false;
        StringBuilder b = new StringBuilder();
        for (int k = from; k < to; k++) { if (k > from && toks.get(k).spaceBefore) b.append(' '); b.append(toks.get(k).text); }
        String text = b.toString();
        String key = Norm.key(text);
        if (Norm.isAllCaps(text) || words == 1 && NO_GLOSS.contains(key)) return false;
        if (gaz.lookup(text).length > 0 || lex.continents.contains(key) || lex.demonyms.contains(key)) return false;
        if (lex.organizations.containsKey(key) || lex.people.containsKey(key) || dict.lookup(text) != null) return false;
        // a single word that is a first name or surname is more likely a name of its own than a translation
        return !(words == 1 && (lex.isGivenName(key) || lex.surnames.contains(key)));
    }

    private static boolean initialsMatch(String name, String acronym) {
        StringBuilder b = new StringBuilder();
        for (String w : WORD_BREAK.split(name)) {
            if (w.isEmpty()) continue;
            if (Character.isUpperCase(w.charAt(0))) b.append(w.charAt(0));
        }
        String ini = b.toString();
        // every acronym letter in order among the initials (allows skipped words: "Sudanese Armed Forces" = SAF)
        int p = 0;
        for (int i = 0; i < acronym.length() && p <= ini.length(); i++) {
            int f = ini.indexOf(acronym.charAt(i), p);
            if (f < 0) return false;
            p = f + 1;
        }
        return true;
    }

    private static final class Group {
        String id, name;
        EntityType type;
        Place place;
        GeoPoint geo;
        final List<Cand> mentions = new ArrayList<>();
        String lastKey, firstKey;
        int words;
    }

    private List<Entity> merge(String body, List<Cand> cands) {
        // people with a full name: their surnames and first names are short forms
        Map<String, Group> groups = new LinkedHashMap<>();
        Map<String, Group> byKey = new HashMap<>();
        Map<String, Group> personByPart = new HashMap<>();
        Set<String> ambiguousParts = new HashSet<>();
        Map<String, Map<EntityType, Double>> votes = new HashMap<>();
        for (Cand c : cands) {
            if (c.type != null && c.aliasOf == null && c.entry == null && c.type != EntityType.LOCATION) {
                votes.computeIfAbsent(c.key, x -> new HashMap<>()).merge(c.type, c.score, Double::sum);
            }
        }
        // majority type per surface key (a name introduced as a movement stays one when later said to speak)
        for (Cand c : cands) {
            Map<EntityType, Double> v = votes.get(c.key);
            if (v != null && c.aliasOf == null && c.entry == null && c.type != EntityType.LOCATION) {
                EntityType best = null;
                double bs = -1;
                for (Map.Entry<EntityType, Double> e : v.entrySet()) if (e.getValue() > bs) { bs = e.getValue(); best = e.getKey(); }
                c.type = best;
            }
            if (c.weak && c.type == null && v != null) c.type = EntityType.ORGANIZATION;
        }
        // pass 1: multi-word people
        for (Cand c : cands) {
            if (c.type != EntityType.PERSON || c.words < 2 || c.aliasOf != null) continue;
            Group g = groupFor(groups, byKey, c);
            // first and last word of the name, a hyphenated surname whole ("Anaya-Rivera")
            String[] words = personCore(c.clean).split(" ");
            String[] parts = {Norm.key(words[0]), Norm.key(words[words.length - 1])};
            for (String p : new String[] {parts[0], parts[parts.length - 1]}) {
                Group o = personByPart.putIfAbsent(p, g);
                if (o != null && o != g) ambiguousParts.add(p);
            }
        }
        for (String p : ambiguousParts) personByPart.remove(p);
        Map<String, Cand> aliasTarget = new HashMap<>();
        for (Cand c : cands) if (c.aliasOf != null) aliasTarget.putIfAbsent(c.key, c.aliasOf);
        // pass 2: everything else
        for (Cand c : cands) {
            if (c.aliasOf != null) continue;
            Cand target = aliasTarget.get(c.key);
            if (target != null && target != c && target.start < c.start) {
                Group tg = byKey.get(target.key);
                if (tg != null) { tg.mentions.add(c); continue; }
            }
            if (c.type == EntityType.PERSON && c.words >= 2) continue;
            // "Didier Kasongo ... Kasongo said": a person's short form is linked before the gazetteer's town of that
            // name, unless the text says it is a place or the place is big
            if (c.words == 1 && c.type == EntityType.LOCATION && !c.locative && c.entry == null && (c.place == null
                || c.place.kind == Kind.CITY && c.place.population < 1_000_000)) {
                Group person = personByPart.get(c.key);
                if (person != null) {
                    person.mentions.add(c);
                    continue;
                }
            }
            if (c.words == 1 && c.type != EntityType.LOCATION || c.weak) {
                Group person = personByPart.get(c.key);
                if (person != null && (c.type == null || c.type == EntityType.PERSON || c.weak || c.score < 3)) {
                    person.mentions.add(c);
                    continue;
                }
                Group same = byKey.get(c.key);
                if (same != null && (c.type == null || c.weak)) {
                    same.mentions.add(c);
                    continue;
                }
            }
            if (c.type == null) continue;
            if (c.weak && c.type == EntityType.LOCATION && c.place == null) continue;
            groupFor(groups, byKey, c);
        }
        // parenthesised aliases join their name's group
        for (Cand c : cands) {
            if (c.aliasOf == null) continue;
            Group g = byKey.get(c.aliasOf.key);
            if (g == null) continue;
            g.mentions.add(c);
            byKey.putIfAbsent(c.key, g);
        }
        // later short forms that are acronyms of a group ("RSF" after "Rapid Support Forces (RSF)") were merged by key
        List<Entity> out = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            if (g.mentions.isEmpty()) continue;
            List<Mention> ms = new ArrayList<>(g.mentions.size());
            g.mentions.sort((a, b) -> Integer.compare(a.start, b.start));
            for (Cand c : g.mentions) ms.add(new Mention(c.text, c.start, c.end));
            out.add(new Entity(g.id, g.name, g.type, ms, g.geo));
        }
        return out;
    }

    private Group groupFor(Map<String, Group> groups, Map<String, Group> byKey, Cand c) {
        // a name typed by context that the knowledge base knows under an ambiguous name ("the Memorial group")
        if (c.entry == null && c.place == null) c.entry = dict.contextMatch(c.clean, c.type);
        String id = idFor(c);
        Group g = groups.get(id);
        if (g == null) {
            g = new Group();
            g.id = id;
            g.type = c.type;
            g.name = canonicalName(c);
            g.place = c.place;
            if (c.place != null) {
                g.geo = new GeoPoint(c.place.lat, c.place.lon, c.place.country, c.place.admin1, c.place.geonamesId);
            } else if (c.entry != null && c.entry.geo() != null) {
                g.geo = c.entry.geo();
            }
            g.words = c.words;
            groups.put(id, g);
        } else if (c.type == EntityType.PERSON && c.words > g.words && c.entry == null) {
            g.name = canonicalName(c);
            g.words = c.words;
        }
        g.mentions.add(c);
        byKey.putIfAbsent(c.key, g);
        return g;
    }

    private String canonicalName(Cand c) {
        if (c.entry != null) return c.entry.name();
        if (c.place != null) return c.place.name;
        if (c.type == EntityType.PERSON && c.words == 1) {
            String full = lex.famousSurnames.get(c.key);
            if (full != null) return titleCase(full);
        }
        String s = c.type == EntityType.PERSON ? personCore(c.clean) : c.clean;
        if (s.startsWith("The ") || s.startsWith("the ")) s = s.substring(4);
        return s;
    }

    /**
     * A person's name as English-language news writes it on first reference: leading titles
     * ("Secretary-General Antonio Guterres") and a patronymic between given name and surname
     * ("Vladimir Vladimirovich Putin") dropped. Names of one or two words stay as they are.
     */
    private String personCore(String clean) {
        String[] words = clean.split(" ");
        int from = 0;
        while (words.length - from > 2 && isTitleWord(words[from])) from++;
        List<String> kept = new ArrayList<>(words.length);
        for (int i = from; i < words.length; i++) {
            boolean middle = i > from && i < words.length - 1;
            if (middle && words.length - from > 2 && isPatronymic(Norm.lower(words[i]))) continue;
            kept.add(words[i]);
        }
        return String.join(" ", kept);
    }

    private boolean isTitleWord(String word) {
        for (String part : Norm.lower(word).replace(".", "").split("-")) {
            if (!Lexicon.PERSON_TITLES.contains(part)) return false;
        }
        return true;
    }

    private static boolean isPatronymic(String lower) {
        return lower.length() > 6 && (lower.endsWith("ovich") || lower.endsWith("evich") || lower.endsWith("ovna")
            || lower.endsWith("evna") || lower.endsWith("ichna") || lower.endsWith("ovych") || lower.endsWith("ivna"));
    }

    private String idFor(Cand c) {
        if (c.entry != null) return c.entry.id();
        if (c.place != null) return c.place.id;
        switch (c.type) {
            case PERSON: {
                String k = Norm.key(personCore(c.clean));
                if (k.indexOf(' ') < 0 && lex.famousSurnames.containsKey(k)) k = lex.famousSurnames.get(k);
                return "nf:person:" + NameKey.standard().person(k);
            }
            case ORGANIZATION: {
                String k = c.key.startsWith("the ") ? c.key.substring(4) : c.key;
                if (c.words == 1 && Norm.isAllCaps(c.text)) return "nf:org:" + k.replace(' ', '-');
                return "nf:org:" + NameKey.standard().of(c.clean);
            }
            default: {
                // "X region" and "X" are one place; "X Sea" keeps its head (= "Sea of X", see NameKey)
                String k = c.clean;
                int sp = c.key.lastIndexOf(' ');
                String last = sp > 0 ? c.key.substring(sp + 1) : null;
                if (last != null && lex.placeWords.contains(last) && !NameKey.standard().isFeatureHead(last)) {
                    k = c.key.substring(0, sp);
                }
                return "nf:loc:" + NameKey.standard().of(k);
            }
        }
    }

    private static String titleCase(String s) {
        StringBuilder b = new StringBuilder();
        for (String w : s.split(" ")) {
            if (w.isEmpty()) continue;
            if (b.length() > 0) b.append(' ');
            b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return b.toString();
    }
}
