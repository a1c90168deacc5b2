package io.newsflow.processor.enrich;

import static io.newsflow.processor.enrich.EntityCues.*;
import static io.newsflow.processor.enrich.Names.*;

import io.newsflow.avro.Entity;
import io.newsflow.avro.EntityType;
import io.newsflow.avro.GeoPoint;
import io.newsflow.avro.Mention;
import io.newsflow.processor.enrich.Gazetteer.Kind;
import io.newsflow.processor.enrich.Gazetteer.Place;
import io.newsflow.processor.enrich.Tokenizer.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 1 of the recogniser, candidates: spans of capitalised tokens on one line, joined across connectors, particles,
 * hyphens, initials and brackets; trimmed of determiners, titles and sentence-initial words; split when the whole is
 * not one name (a title inside, an outlet's acronym after a person, places inside). Each candidate is classified by
 * the later stages as it is made, because the split depends on whether the whole is a name.
 */
final class CandidateStage {
    private static final boolean DEBUG = System.getenv("NF_DEBUG") != null;

    private final Lexicon lex;
    private final Gazetteer gaz;
    private final EntityDictionary dict;
    private final KnowledgeMatch knowledge;
    private final ContextClassifier classifier;
    private final PlaceCues places;
    private final OrgCues orgs;
    private final PersonCues persons;

    CandidateStage(Lexicon lex, Gazetteer gaz, EntityDictionary dict, KnowledgeMatch knowledge, ContextClassifier classifier, PlaceCues places, OrgCues orgs, PersonCues persons) {
        this.lex = lex;
        this.gaz = gaz;
        this.dict = dict;
        this.knowledge = knowledge;
        this.classifier = classifier;
        this.places = places;
        this.orgs = orgs;
        this.persons = persons;
    }

    /**
     * The candidates of a document, each classified by the later stages as it is made (stage 1 with 2 and 3); stops at
     * the deadline with what it found.
     */
    List<Candidate> find(String body, List<Token> toks, long deadlineNanos) {
        boolean[] headlineLine = headlineTokens(toks);
        List<Candidate> cands = new ArrayList<>();
        int n = toks.size();
        int i = 0;
        while (i < n) {
            if ((i & 255) == 0 && System.nanoTime() > deadlineNanos) break;
            Token t = toks.get(i);
            if (!isNameToken(t) && !faithWordInName(toks, i) || monthDate(toks, i) || clockWord(toks, i)) { i++; continue; }
            int j = extend(toks, i, headlineLine[i]);
            for (Candidate c : split(body, toks, i, j, headlineLine[i])) cands.add(c);
            i = Math.max(j, i + 1);
        }
        return cands;
    }

    /** For text in other languages: only places, by their names in any language of the gazetteer. */
    List<Candidate> placeCandidates(String body, List<Token> toks, long deadlineNanos) {
        List<Candidate> cands = new ArrayList<>();
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
                Candidate c = Candidate.of(body, toks, i, e);
                c.type = EntityType.LOCATION;
                c.place = p[0];
                c.score = 1;
                cands.add(c);
                i = e - 1;
                break;
            }
        }
        return cands;
    }

    /** Lines whose words are mostly capitalised (headlines, "Related article" titles). */
    boolean[] headlineTokens(List<Token> toks) {
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

    /** Extends a span of capitalised tokens from i; returns the exclusive end token index. */
    int extend(List<Token> toks, int i, boolean headline) {
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

    boolean connectorAllowed(List<Token> toks, int i, int j) {
        String c = toks.get(j).text;
        if (c.equals("and")) {
            // "Bosnia and Herzegovina", "Trinidad and Tobago": only when the whole is a known name
            int k = j + 1;
            String joined = toks.get(j - 1).text + " and " + toks.get(k).text;
            if (gaz.lookup(joined).length > 0 || lex.organizations.containsKey(Norm.key(joined))) return true;
            // "Department of Agriculture and Land Stewardship", "University of X Hospitals and Clinics": after an
            // organisation head and "of", "and" joins one to three ordinary capitalised words that end the name
            if (orgs.orgHeadOfBefore(toks, i, j)) {
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

    boolean joinsInHeadline(List<Token> toks, int i, int j) {
        // in Title Case lines only known multi-word names stay together
        String two = toks.get(j - 1).text + " " + toks.get(j).text;
        String k = Norm.key(two);
        return gaz.lookupKey(k).length > 0 || lex.organizations.containsKey(k) || lex.people.containsKey(k)
            || (lex.isGivenName(toks.get(j - 1).lower) && !lex.isCommonWord(toks.get(j).lower))
            || dict.lookup(two) != null;
    }

    /**
     * The first token of the name after leading determiners, titles and role nouns, direction words and
     * sentence-initial ordinary words are trimmed; encoded as {@code -(from + 1)} when a trimmed title or role noun
     * is a person cue.
     */
    private int trimLeading(String body, List<Token> toks, int from, int to, boolean headline) {
        boolean personCue = false;
        while (from < to) {
            Token t = toks.get(from);
            boolean last = from + 1 >= to;
            // never cut a hyphenated compound ("Rolls-Royce" at a sentence start is not "-Royce"); a title compound
            // ("Secretary-General", "Commander-in-Chief") before a name goes whole
            int compound = compoundEnd(toks, from, to);
            if (compound > from + 1) {
                if (compound < to && persons.isTitleCompound(toks, from, compound) && isNameToken(toks.get(compound))) {
                    from = compound;
                    personCue = true;
                    continue;
                }
                break;
            }
            if (DETERMINERS.contains(t.lower) && !last) { from++; continue; }
            // "U.S. President Donald Trump", "Russian Foreign Minister X": a country or people before the title
            int title = persons.titleAfterPlace(toks, from, to);
            if (title > from) { from = title; personCue = true; continue; }
            // "Senior General X", "Acting President X"
            if (TITLE_MODIFIERS.contains(t.lower) && from + 2 < to && Lexicon.PERSON_TITLES.contains(toks.get(from + 1).lower)) {
                from++;
                continue;
            }
            // "Secretary of State X", "Chief of Staff X": a title with its domain
            if (Lexicon.PERSON_TITLES.contains(t.lower) && from + 4 < to && toks.get(from + 1).is("of")
                && isNameToken(toks.get(from + 2)) && isNameToken(toks.get(from + 3)) && isNameToken(toks.get(from + 4))
                && !orgs.orgNamed(toks, from, to) && lex.isCommonWord(toks.get(from + 2).lower)) {
                from += 3;
                personCue = true;
                continue;
            }
            if (lex.roleNouns.contains(t.lower) && !last && isNameToken(toks.get(from + 1)) && !orgs.orgNamed(toks, from, to)
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
                && !knowledge.knownWhole(spanText(body, toks, from, to)) && !orgs.orgNamed(toks, from, to)
                && !persons.givenNameWithCue(toks, from, to) && !orgs.namedByAppositive(toks, from, to) && !toks.get(to - 1).number) {
                from++;
                continue;
            }
            break;
        }
        return personCue ? -(from + 1) : from;
    }

    /** Trims a raw span, classifies it, and splits it into names when the whole is not one. */
    List<Candidate> split(String body, List<Token> toks, int from, int to, boolean headline) {
        // "Marion County Sheriff John Smith", "Lviv Mayor Andriy Sadovyi": the person is the name after the last
        // title; what stands before the title is a name of its own (a place or an organisation) when recognisable
        // "Jane Doe BBC News Arabic" (a byline block whose lines were joined): an acronym after a person's name
        // starts another name
        int acr = headline ? -1 : persons.acronymAfterPerson(toks, from, to);
        if (acr > 0) {
            List<Candidate> both = new ArrayList<>(split(body, toks, from, acr, false));
            both.addAll(split(body, toks, acr, to, false));
            return both;
        }
        int[] inner = headline ? null : persons.innerTitle(toks, from, to);
        if (inner != null) {
            List<Candidate> both = new ArrayList<>(split(body, toks, from, inner[0], false));
            Candidate p = Candidate.of(body, toks, inner[1], to);
            p.personCue = true;
            classifier.classify(p, toks);
            if (p.type == null || p.type == EntityType.LOCATION && p.place == null) { p.type = EntityType.PERSON; p.score = 2; }
            both.add(p);
            return both;
        }
        List<Candidate> out = new ArrayList<>(1);
        // leading determiners, sentence-initial common words, titles
        int trimmed = trimLeading(body, toks, from, to, headline);
        boolean personCue = trimmed < 0;
        from = trimmed < 0 ? -trimmed - 1 : trimmed;
        // trailing junk: a dangling connector or punctuation
        while (to > from && !toks.get(to - 1).word) to--;
        if (from >= to) return out;
        Candidate c = Candidate.of(body, toks, from, to);
        c.headline = headline;
        c.personCue = personCue || persons.roleBefore(toks, from) || persons.roleCommaBefore(toks, from) || persons.appositivePerson(toks, to)
            || c.words == 1 && firstNameCue(toks, from)
            || c.words >= 2 && c.words <= 4 && (persons.creditBefore(toks, from) || persons.nameLine(toks, from, to));
        classifier.classify(c, toks);
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
                if (p.length > 0 && places.acceptablePlace(toks, k, e, p)) { best = e; cands = p; break; }
            }
            if (best > 0) {
                Candidate sub = Candidate.of(body, toks, k, best);
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
                    Candidate part = Candidate.of(body, toks, k, k + 1);
                    part.headline = headline;
                    classifier.classify(part, toks);
                    Candidate sub = part;
                    if (part.type == EntityType.LOCATION) compound = k + 1;
                    if (compound > k + 1) {
                        sub = Candidate.of(body, toks, k, compound);
                        sub.headline = headline;
                        classifier.classify(sub, toks);
                        if (sub.type == null) { sub.type = part.type; sub.score = part.score; sub.weak = part.weak; }
                    }
                    if (sub.type != null || sub.weak) out.add(sub);
                }
                k = compound;
            }
        }
        if (out.isEmpty() && (c.weak || c.words >= 2 && !persons.allCommon(toks, c))) {
            c.weak = true;
            out.add(c);
        }
        return out;
    }

    boolean isCommonStart(Token t) {
        if (!lex.isCommonWord(t.lower)) return false;
        if (lex.isGivenName(t.lower) && !lex.englishWords.contains(t.lower)) return false;
        // countries and big places that are also words (China, Turkey, Chad) stay
        Place[] p = gaz.lookup(t.text);
        return !(p.length > 0 && (p[0].kind == Kind.COUNTRY || p[0].population > 1_000_000));
    }
}
