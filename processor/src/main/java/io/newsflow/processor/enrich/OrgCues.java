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

/** Evidence that a name is an organisation: cue nouns, appositives, "the X movement", heads before "of". */
final class OrgCues {
    private final Lexicon lex;

    OrgCues(Lexicon lex) {
        this.lex = lex;
    }

    boolean orgCueBefore(List<Token> toks, int from) {
        if (from == 0) return false;
        Token p = toks.get(from - 1);
        return p.word && !Norm.isUpperInitial(p.text) && Lexicon.ORG_CUES.contains(p.lower);
    }

    boolean appositiveOrg(List<Token> toks, int to) {
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

    /** An organisation head right before an "of"/"for" inside the name: "Human Rights Commission of Pakistan". */
    boolean headBeforeOf(List<Token> toks, int from, int to) {
        for (int k = from + 1; k < to - 1; k++) {
            Token t = toks.get(k);
            if (!(t.is("of") || t.is("for"))) continue;
            String h = toks.get(k - 1).lower;
            return lex.orgWords.contains(h) && !lex.placeWords.contains(h) && !h.equals("republic") && !h.equals("kingdom");
        }
        return false;
    }

    /** An organisation head followed by "of" inside [i, j): "Department of", "University of", "Ministry of". */
    boolean orgHeadOfBefore(List<Token> toks, int i, int j) {
        for (int k = i; k + 1 < j; k++) {
            String h = toks.get(k).lower;
            if (toks.get(k + 1).is("of") && lex.orgWords.contains(h) && !lex.placeWords.contains(h)) return true;
        }
        return false;
    }

    /** "the X movement", "the X group", "X news agency". */
    boolean movementAfter(List<Token> toks, Candidate c) {
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

    /** Two or more words ending in an organisation head, the first not one of the most frequent words. */
    boolean orgNamed(List<Token> toks, int from, int to) {
        if (to - from < 2) return false;
        Token last = toks.get(to - 1);
        Set<String> frequent = lex.frequentWords.getOrDefault("en", Set.of());
        if (to - from >= 3 && !frequent.contains(toks.get(from).lower) && !DETERMINERS.contains(toks.get(from).lower)) {
            if (headBeforeOf(toks, from, to)) return true;
        }
        return lex.orgWords.contains(last.lower) && !lex.placeWords.contains(last.lower)
            && !frequent.contains(toks.get(from).lower) && !DETERMINERS.contains(toks.get(from).lower);
    }

    /**
     * "Alarm Phone, a hotline for migrants, said": a short span of ordinary words at a sentence start is kept whole
     * when an organisation appositive follows it (not after a frequent word or an adverb: "Meanwhile Oxfam, a charity").
     */
    boolean namedByAppositive(List<Token> toks, int from, int to) {
        Token t = toks.get(from);
        if (to - from < 2 || to - from > 4 || t.lower.endsWith("ly")) return false;
        if (lex.frequentWords.getOrDefault("en", Set.of()).contains(t.lower)) return false;
        return appositiveOrg(toks, to);
    }
}
