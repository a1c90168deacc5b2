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

/** Evidence that a name is a place: the gazetteer, place words, locative prepositions, lists and appositives. */
final class PlaceCues {
    private final Lexicon lex;
    private final Gazetteer gaz;

    PlaceCues(Lexicon lex, Gazetteer gaz) {
        this.lex = lex;
        this.gaz = gaz;
    }

    boolean continent(Candidate c, List<Token> toks) {
        if (lex.continents.contains(c.key)) return true;
        if (c.words < 2 || !Lexicon.DIRECTIONS.contains(toks.get(c.from).lower)) return false;
        int k = c.from + 1;
        while (k < c.to && !toks.get(k).word) k++;
        return k < c.to && lex.continents.contains(Norm.key(spanText(c.text, toks, k, c.to, c.start)));
    }

    /**
     * "rebel-held X", "Russian-occupied X": always a territory; "-controlled"/"-administered" only after a people,
     * a place or an armed group ("Indian-administered Kashmir", not "state-controlled Gazprom").
     */
    boolean heldByTerritory(List<Token> toks, int from) {
        Token verb = toks.get(from - 1);
        if (!(verb.is("controlled") || verb.is("administered"))) return true;
        if (from < 3) return false;
        Token who = toks.get(from - 3);
        if (!who.word) return false;
        if (lex.demonyms.contains(who.lower) || ARMED.contains(who.lower)) return true;
        Place[] p = gaz.lookup(who.text);
        return p.length > 0 && p[0].kind == Kind.COUNTRY;
    }

    /**
     * "X Oblast", "X Region", "X County", "X State": LOCATION, geocoded to the first-level region X when the
     * gazetteer has one (else without coordinates); "X School District" is an organisation. A US state is not
     * called "X State" in prose (that is a university: "Ohio State"), so "State" needs a region of another country.
     * False when the rule does not apply.
     */
    boolean regionSpan(Candidate c, List<Token> toks) {
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

    /** "Xtown, one of the worst-affected areas", "Kherson, a port city": an appositive place noun. */
    boolean appositivePlace(List<Token> toks, int to) {
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

    boolean acceptablePlace(List<Token> toks, int from, int to, Place[] places) {
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

    /**
     * Context that makes a capitalised ordinary word a place: a locative preposition ("in", "near", "outside",
     * "around", "from"), "the city of", "<name>, <age>, of", or a list with a gazetteer place that is no ordinary word
     * ("X, Y and Z").
     */
    boolean placeContext(List<Token> toks, int from, int to) {
        Token prev = from > 0 ? toks.get(from - 1) : null;
        Token prev2 = from > 1 ? toks.get(from - 2) : null;
        if (prev == null) return false;
        if (prev.word && STRONG_PLACE_PREPS.contains(prev.lower)) return true;
        if (prev.is("of") && prev2 != null && (PLACE_OF.contains(prev2.lower) || prev2.punct(','))) return true;
        return coordinatedPlace(toks, from - 1, true) || coordinatedPlace(toks, to, false);
    }

    /** Whether the list separator at {@code sep} ("," / "and" / "or") joins a gazetteer place that is no ordinary word. */
    boolean coordinatedPlace(List<Token> toks, int sep, boolean left) {
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

    static boolean aliasOnly(Place[] places, String key) {
        for (Place p : places) if (p.kind != Kind.CITY || Norm.key(p.name).equals(key)) return false;
        return true;
    }

    /** The text marks the name as a place: "in X", "the city of X", "X region", "X, Country". */
    boolean locative(List<Token> toks, Candidate c) {
        Token prev = c.from > 0 ? toks.get(c.from - 1) : null;
        Token prev2 = c.from > 1 ? toks.get(c.from - 2) : null;
        Token next = c.to < toks.size() ? toks.get(c.to) : null;
        if (prev != null && prev.word && Lexicon.PLACE_PREPS.contains(prev.lower)) return true;
        if (prev != null && prev.is("of") && prev2 != null && PLACE_OF.contains(prev2.lower)) return true;
        if (next != null && next.word && (lex.placeWords.contains(next.lower) || PLACE_OF.contains(next.lower))) return true;
        return next != null && next.punct(',') && c.to + 1 < toks.size() && gaz.lookup(toks.get(c.to + 1).text).length > 0
            && gaz.lookup(toks.get(c.to + 1).text)[0].kind != Kind.CITY;
    }
}
