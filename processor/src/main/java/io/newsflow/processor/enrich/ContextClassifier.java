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
 * Stage 3 of the recogniser, context classification: a candidate the knowledge base does not know is typed by its
 * form (organisation heads, region words, acronyms) and its context (cue nouns, appositives, locative prepositions,
 * titles, reporting verbs, lists of places), first match wins (docs/enrichment.md, "Classification").
 */
final class ContextClassifier {
    private final Lexicon lex;
    private final Gazetteer gaz;
    private final KnowledgeMatch knowledge;
    private final PlaceCues places;
    private final OrgCues orgs;
    private final PersonCues persons;

    ContextClassifier(Lexicon lex, Gazetteer gaz, KnowledgeMatch knowledge, PlaceCues places, OrgCues orgs, PersonCues persons) {
        this.lex = lex;
        this.gaz = gaz;
        this.knowledge = knowledge;
        this.places = places;
        this.orgs = orgs;
        this.persons = persons;
    }

    /** What classification looks at around one candidate, worked out once. */
    private static final class Clues {
        final Candidate c;
        final List<Token> toks;
        final Token first, last, prev, prev2, next, next2;
        final String lastLower;
        final boolean acronym;
        Place[] found;             // gazetteer candidates of the whole name
        String w1;                 // a single word, hyphenated compounds whole: "Anaya-Rivera", "Rolls-Royce"
        boolean givenFirst, anyGiven, surnameLast, appositiveOrg, orgContext, toldOrBy;
        boolean placeWordAfter, placeWordLast, placeOfBefore;

        Clues(Candidate c, List<Token> toks) {
            this.c = c;
            this.toks = toks;
            first = toks.get(c.from);
            last = toks.get(c.to - 1);
            prev = c.from > 0 ? toks.get(c.from - 1) : null;
            prev2 = c.from > 1 ? toks.get(c.from - 2) : null;
            next = c.to < toks.size() ? toks.get(c.to) : null;
            next2 = c.to + 1 < toks.size() ? toks.get(c.to + 1) : null;
            lastLower = last.lower;
            acronym = c.words == 1 && Norm.isAllCaps(c.text) && c.text.length() >= 2 && c.text.length() <= 6;
        }
    }

    /** Types the candidate (sets type, score, place; or marks it weak), or leaves it undecided. First match wins. */
    void classify(Candidate c, List<Token> toks) {
        if (c.key.isEmpty()) return;
        // 1.-2. the dictionary and the knowledge base (stage 2)
        if (knowledge.match(c)) return;
        Clues x = new Clues(c, toks);
        if (c.headline) {
            classifyHeadline(c, x.acronym, toks);
            return;
        }
        if (byForm(x)) return;
        gatherCues(x);
        if (byOrganisationContext(x)) return;
        if (asPlace(x)) return;
        if (asPerson(x)) return;
        if (c.words == 1) {
            singleWord(x);
            return;
        }
        reported(x);
    }

    /** Steps 3–4: a number, an organisation head, a continent, a region word, a head before "of", an acronym. */
    private boolean byForm(Clues x) {
        Candidate c = x.c;
        List<Token> toks = x.toks;
        // 3. a name that ends in a number before a reporting verb (see extend): "Rescue 1122 said"
        if (c.words >= 2 && x.last.number) { c.type = EntityType.ORGANIZATION; c.score = 2; return true; }
        // organisation heads: Rapid Support Forces, The Moscow Times, Sudan Doctors Network
        if (c.words >= 2 && lex.orgWords.contains(x.lastLower) && !lex.placeWords.contains(x.lastLower)) {
            c.type = EntityType.ORGANIZATION; c.score = 3;
            return true;
        }
        Place[] found = gaz.lookup(c.clean);
        x.found = found;
        // continents, also with a direction: "Europe", "West Africa", "Southeast Asia"
        if (found.length == 0 && places.continent(c, toks)) { c.type = EntityType.LOCATION; c.score = 2.5; return true; }
        // 3a. "Kherson Oblast", "Zaporizhzhia Region", "Hamilton County": a region word after a name is a region
        if (c.words >= 2 && found.length == 0 && REGION_WORDS.contains(x.lastLower) && Norm.isUpperInitial(x.last.text)
            && places.regionSpan(c, toks)) return true;
        // 3b. an organisation head before "of"/"for": Ministry of Health, International Organization for Migration
        if (c.words >= 3 && found.length == 0 && orgs.headBeforeOf(toks, c.from, c.to)) {
            c.type = EntityType.ORGANIZATION; c.score = 3;
            return true;
        }
        // 4. acronyms: BBC, TASS, RSF (a country code like US or UK is a place)
        if (x.acronym) {
            if (found.length > 0 && (found[0].kind == Kind.COUNTRY
                || c.text.length() >= 4 && found[0].population >= 100_000 && lex.organizations.get(c.key) == null)) {
                c.type = EntityType.LOCATION; c.place = found[0]; c.score = 3;
                return true;
            }
            if (!isRoman(c.text) && !(c.text.length() > 4 && lex.isCommonWord(x.first.lower))) {
                c.type = EntityType.ORGANIZATION; c.score = 2;
                return true;
            }
        }
        return false;
    }

    private void gatherCues(Clues x) {
        Candidate c = x.c;
        List<Token> toks = x.toks;
        Token prev = x.prev, prev2 = x.prev2, next = x.next, next2 = x.next2;
        x.givenFirst = lex.isGivenName(x.first.lower);
        x.w1 = c.words == 1 ? Norm.lower(c.clean) : x.first.lower;
        for (int k = c.from; k < c.to; k++) if (toks.get(k).word && lex.isGivenName(toks.get(k).lower)) x.anyGiven = true;
        x.surnameLast = c.words >= 2 && (Lexicon.surnameShape(x.lastLower) || lex.surnames.contains(x.lastLower));
        x.appositiveOrg = orgs.appositiveOrg(toks, c.to);
        x.orgContext = orgs.orgCueBefore(toks, c.from) || x.appositiveOrg || orgs.movementAfter(toks, c)
            || c.words <= 3 && ledBy(toks, c) && !lex.demonyms.contains(x.lastLower) && !lex.isCommonWord(x.lastLower);
        x.placeWordAfter = next != null && next.word && !Norm.isUpperInitial(next.text) && (lex.placeWords.contains(next.lower)
            || next.is("camp") || next.is("refugee") && next2 != null && next2.is("camp"));
        x.placeWordLast = c.words >= 2 && lex.placeWords.contains(x.lastLower) && !lex.orgWords.contains(x.lastLower);
        x.placeOfBefore = prev != null && prev2 != null && prev.is("of") && PLACE_OF.contains(prev2.lower);
        x.toldOrBy = prev != null && (prev.is("told") || prev.is("by") || prev.is("via")
            || (prev.is("to") && prev2 != null && prev2.is("according")));
    }

    /** Step 5: organisation context ("aid group X", "X, a rights group", "the ruling X party", "X-led", "told X"). */
    private boolean byOrganisationContext(Clues x) {
        Candidate c = x.c;
        Place[] found = x.found;
        // "the ruling Morena party", "Hamas-led": the context wins over a town of that name (or an alternate
        // name of one), not over a country, a region or a city of a million
        boolean bigPlace = found.length > 0 && (found[0].kind != Kind.CITY || found[0].population >= 1_000_000
            || x.appositiveOrg && found[0].population >= 100_000);
        if (x.orgContext && !(bigPlace && !orgs.orgCueBefore(x.toks, c.from))) {
            c.type = EntityType.ORGANIZATION; c.score = 3;
            return true;
        }
        String w1 = x.w1;
        if (c.words == 1 && x.toldOrBy && !x.acronym && !lex.isGivenName(w1) && !Lexicon.surnameShape(w1)
            && !lex.isCommonWord(w1)
            && !(found.length > 0 && (found[0].kind != Kind.CITY || found[0].population >= 1_000_000))) {
            c.type = EntityType.ORGANIZATION; c.score = 1.5;
            return true;
        }
        return false;
    }

    /** Steps 6–7: the gazetteer, then place words and features ("X River", "Lake X", "rebel-held X", "in X said"). */
    private boolean asPlace(Clues x) {
        Candidate c = x.c;
        List<Token> toks = x.toks;
        Place[] found = x.found;
        Token first = x.first, prev = x.prev, prev2 = x.prev2, next = x.next;
        // 6. places from the gazetteer
        if (found.length > 0 && places.acceptablePlace(toks, c.from, c.to, found)
            && !(c.personCue && c.words >= 2) && !(x.givenFirst && c.words >= 2 && found[0].kind == Kind.CITY && found[0].population < 100_000)) {
            c.type = EntityType.LOCATION; c.place = found[0]; c.score = 2;
            return true;
        }
        // 7. places by their place word: Danube River, the Donbas region, the island of Java, the Isthmus of Kra,
        // Lake Kivu, Columbus Junction (a town named after a gazetteer place), Russian-occupied X
        boolean featureFirst = c.words >= 2 && GEO_FEATURES.contains(first.lower) && !c.personCue
            && (c.words >= 3 && toks.get(c.from + 1).is("of")
                || c.words <= 3 && FEATURE_BEFORE_NAME.contains(first.lower) && !toks.get(c.from + 1).is("of"));
        boolean townSuffix = c.words >= 2 && c.words <= 3 && TOWN_SUFFIXES.contains(x.lastLower) && !c.personCue
            && gaz.lookup(spanText(c.text, toks, c.from, c.to - 1, c.start)).length > 0;
        boolean heldBy = prev != null && prev2 != null && prev.word && HELD.contains(prev.lower) && prev2.punct('-')
            && !prev2.spaceBefore && !prev.spaceBefore && !lex.demonyms.contains(first.lower)
            && places.heldByTerritory(toks, c.from);
        if (featureFirst || townSuffix || heldBy) {
            c.type = EntityType.LOCATION; c.score = 2;
            return true;
        }
        if (x.placeWordLast || x.placeWordAfter || x.placeOfBefore) {
            if (!(c.words == 1 && lex.isGivenName(x.w1) && !x.placeOfBefore) && !(c.personCue && x.givenFirst && c.words >= 2)) {
                c.type = EntityType.LOCATION; c.score = 2;
                return true;
            }
        }
        // "medics in Deir al-Balah said": after a locative preposition the name is a place, not a speaker
        if (c.words >= 2 && c.words <= 3 && !c.personCue && prev != null && (prev.is("in") || prev.is("near") || prev.is("outside"))
            && next != null && Lexicon.REPORT_VERBS.contains(next.lower)) {
            c.type = EntityType.LOCATION; c.score = 1;
            return true;
        }
        return false;
    }

    /** Step 8: people of two to five words (given names, surname shapes, titles and role nouns, bylines). */
    private boolean asPerson(Clues x) {
        Candidate c = x.c;
        Token prev = x.prev;
        boolean byline = prev != null && prev.is("by") && prev.lineStart;
        if (c.words >= 2 && c.words <= 5 && (x.givenFirst || x.anyGiven && c.words >= 3 || x.surnameLast || c.personCue || byline)
            && (!persons.allCommon(x.toks, c) || x.givenFirst && (c.personCue || byline))) {
            c.type = EntityType.PERSON; c.score = x.givenFirst || c.personCue ? 3 : 2;
            return true;
        }
        return false;
    }

    /** A single word without a dictionary entry: a person cue, a source, an appositive place, "X said", "in X". */
    private void singleWord(Clues x) {
        Candidate c = x.c;
        List<Token> toks = x.toks;
        Token prev = x.prev, next = x.next;
        String w1 = x.w1;
        // "said Smith, a spokesman": a surname that is also a word, with a person cue
        if (lex.isCommonWord(w1) && !(c.personCue && lex.surnames.contains(w1)) || lex.demonyms.contains(w1)) return;
        if (c.personCue) { c.type = EntityType.PERSON; c.score = 2; return; }
        boolean dashSource = dashSource(toks, c);
        if ((x.toldOrBy || dashSource) && !lex.isGivenName(w1) && !Lexicon.surnameShape(w1)) {
            c.type = EntityType.ORGANIZATION; c.score = 1.5;
            return;
        }
        // otherwise decided by coreference (a surname, a short form) or dropped
        c.weak = true;
        if (places.appositivePlace(toks, c.to) && !lex.isGivenName(w1)) {
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
    }

    /** Step 9: several unknown capitalised words next to a reporting verb are most often a person. */
    private void reported(Clues x) {
        Candidate c = x.c;
        Token prev = x.prev, next = x.next;
        boolean reportNear = next != null && Lexicon.REPORT_VERBS.contains(next.lower)
            || prev != null && Lexicon.REPORT_VERBS.contains(prev.lower);
        if (c.words <= 3 && !c.personCue && prev != null && (prev.is("in") || prev.is("near") || prev.is("outside"))
            && next != null && Lexicon.REPORT_VERBS.contains(next.lower)) {
            c.type = EntityType.LOCATION; c.score = 1;
            return;
        }
        if (c.words <= 3 && !persons.allCommon(x.toks, c) && persons.noneCommon(x.toks, c) && reportNear) {
            c.type = EntityType.PERSON; c.score = 1;
        }
    }

    /** A name in a mostly capitalised line (headline): only strong evidence counts. */
    private void classifyHeadline(Candidate c, boolean acronym, List<Token> toks) {
        if (c.words == 1 && dashSource(toks, c) && !lex.isGivenName(c.key)) {
            c.type = EntityType.ORGANIZATION; c.score = 1.5;
            return;
        }
        Place[] found = gaz.lookup(c.clean);
        if (found.length > 0 && !lex.isCommonWord(c.key) && places.acceptablePlace(toks, c.from, c.to, found)
            && (found[0].kind != Kind.CITY || found[0].population >= 100_000)) {
            c.type = EntityType.LOCATION; c.place = found[0]; c.score = 1.5;
            return;
        }
        if (acronym && !isRoman(c.text)) { c.type = EntityType.ORGANIZATION; c.score = 1; return; }
        if (c.words >= 2 && lex.isGivenName(Norm.lower(c.clean.split(" ")[0]))) { c.type = EntityType.PERSON; c.score = 1; return; }
        if (c.words == 1 && !lex.isCommonWord(c.key)) c.weak = true;
    }

    /**
     * "Protests spread to Aville, Btown and Kharkiv": unknown names listed with gazetteer places (a list joined by
     * "and"/"or", or of three or more names) are places too, unless a member is a person or organisation or the list
     * is the subject of a reporting verb.
     */
    void listPlaces(List<Token> toks, List<Candidate> cands) {
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
                    Candidate c = cands.get(k);
                    if (c.type == EntityType.LOCATION && c.place != null) anyPlace = true;
                    else if ((c.type == EntityType.PERSON || c.type == EntityType.ORGANIZATION) && !c.weak) anyOther = true;
                }
                int end = cands.get(j).to;
                boolean subject = end < toks.size() && Lexicon.REPORT_VERBS.contains(toks.get(end).lower);
                if (anyPlace && !anyOther && !subject) {
                    for (int k = i; k <= j; k++) {
                        Candidate c = cands.get(k);
                        if (!(c.type == null || c.weak && c.type == EntityType.LOCATION) || c.words > 3) continue;
                        Token first = toks.get(c.from);
                        if (lex.isGivenName(first.lower) || Lexicon.surnameShape(Norm.lower(c.clean)) || !persons.noneCommon(toks, c)
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
}
