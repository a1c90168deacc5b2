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
 * Stage 4 of the recogniser, in-document coreference: parenthesised acronyms and translations are the name before
 * them ("Rapid Support Forces (RSF)", "Put' Dumoi (Way Home)") and so are their later bare uses; each surface form
 * gets the type most of its uses vote for.
 */
final class Coreference {
    private static final java.util.regex.Pattern WORD_BREAK = java.util.regex.Pattern.compile("[\\s\\-]+");

    private final Lexicon lex;
    private final Gazetteer gaz;
    private final EntityDictionary dict;

    Coreference(Lexicon lex, Gazetteer gaz, EntityDictionary dict) {
        this.lex = lex;
        this.gaz = gaz;
        this.dict = dict;
    }

    /** "Islamic Revolutionary Guard Corps (IRGC)", "Memorial (Memory)": the parenthesised name is the same entity. */
    void linkAliases(List<Token> toks, List<Candidate> cands) {
        for (int k = 0; k + 1 < cands.size(); k++) {
            Candidate a = cands.get(k), b = cands.get(k + 1);
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

    /**
     * "Put' Dumoi (Way Home), a movement ...", "Sdelano (Made Here), a civic group": a capitalised phrase of one to
     * five words in parentheses right after an organisation or person is a translation gloss of that name, so it and
     * its later bare uses in the article ("Way Home said") are mentions of the same entity. Not an acronym (see
     * linkAliases), not a known place, continent, people, organisation or person, no number or date, no aside such as
     * "(pictured)".
     */
    void glossAliases(String body, List<Token> toks, List<Candidate> cands) {
        int n = toks.size();
        for (int ci = 0; ci < cands.size(); ci++) {
            Candidate a = cands.get(ci);
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
            Candidate exact = null;
            boolean blocked = false;
            for (Candidate b : cands) {
                if (b.to <= from || b.from >= close) continue;
                if (b.from == from && b.to == close) exact = b;
                if (b.aliasOf != null || b.entry != null || b.type == EntityType.LOCATION && b.place != null) blocked = true;
            }
            if (blocked) continue;
            final Candidate keep = exact;
            final int end = close;
            cands.removeIf(b -> b != keep && b.to > from && b.from < end);
            Candidate g = exact != null ? exact : Candidate.of(body, toks, from, close);
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
                for (Candidate b : cands) if (b.to > s && b.from < e) { covered = true; break; }
                if (covered) continue;   // an exact earlier name of the same words joins by its key in merge
                Candidate use = Candidate.of(body, toks, s, e);
                use.aliasOf = a; use.type = a.type; use.score = a.score;
                int at = 0;
                while (at < cands.size() && cands.get(at).from < s) at++;
                cands.add(at, use);
                k = e - 1;
            }
        }
    }

    /** One to five capitalised words (connectors inside), no acronym, number, place, people or known name. */
    boolean glossPhrase(List<Token> toks, int from, int to) {
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

    static boolean initialsMatch(String name, String acronym) {
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

    /** The type most uses of a surface form vote for (a name introduced as a movement stays one when it later "said"). */
    void voteTypes(List<Candidate> cands) {
        Map<String, Map<EntityType, Double>> votes = new HashMap<>();
        for (Candidate c : cands) {
            if (c.type != null && c.aliasOf == null && c.entry == null && c.type != EntityType.LOCATION) {
                votes.computeIfAbsent(c.key, x -> new HashMap<>()).merge(c.type, c.score, Double::sum);
            }
        }
        // majority type per surface key (a name introduced as a movement stays one when later said to speak)
        for (Candidate c : cands) {
            Map<EntityType, Double> v = votes.get(c.key);
            if (v != null && c.aliasOf == null && c.entry == null && c.type != EntityType.LOCATION) {
                EntityType best = null;
                double bs = -1;
                for (Map.Entry<EntityType, Double> e : v.entrySet()) if (e.getValue() > bs) { bs = e.getValue(); best = e.getKey(); }
                c.type = best;
            }
            if (c.weak && c.type == null && v != null) c.type = EntityType.ORGANIZATION;
        }
    }
}
