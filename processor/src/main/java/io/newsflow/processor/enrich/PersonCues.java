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

/** Evidence that a name is a person: titles and roles, appositives, credits, bylines, name shapes. */
final class PersonCues {
    private final Lexicon lex;
    private final Gazetteer gaz;

    PersonCues(Lexicon lex, Gazetteer gaz) {
        this.lex = lex;
        this.gaz = gaz;
    }

    /** The index of an acronym right after two or three words of a person's name (given name first), else -1. */
    int acronymAfterPerson(List<Token> toks, int from, int to) {
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
    boolean innerTitleWord(Token t) {
        if (!t.word || !Norm.isUpperInitial(t.text) || Norm.isAllCaps(t.text) && t.text.length() > 1) return false;
        return Lexicon.PERSON_TITLES.contains(t.lower) || lex.roleNouns.contains(t.lower) && !t.lower.endsWith("s")
            && !lex.isGivenName(t.lower);
    }

    /**
     * {title start, name start} when the span [from, to) is "Prefix Title(s) Name": a prefix of its own (not only
     * titles), one or more title words, then one to four words that look like a person's name; else null.
     */
    int[] innerTitle(List<Token> toks, int from, int to) {
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
    boolean personLike(List<Token> toks, int from, int to) {
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

    boolean isTitleCompound(List<Token> toks, int from, int to) {
        for (int k = from; k < to; k++) {
            Token t = toks.get(k);
            if (t.word && !lex.roleNouns.contains(t.lower) && !CONNECTORS.contains(t.lower)) return false;
        }
        return true;
    }

    /** The index of a title word after a country, people or acronym at the start of a span, else -1. */
    int titleAfterPlace(List<Token> toks, int from, int to) {
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
    boolean roleCommaBefore(List<Token> toks, int from) {
        if (from < 2 || !toks.get(from - 1).punct(',')) return false;
        Token p = toks.get(from - 2);
        return p.word && !Norm.isUpperInitial(p.text) && Lexicon.PERSON_TITLES.contains(p.lower) && !lex.orgWords.contains(p.lower);
    }

    /**
     * "Mahsa Amini, a 22-year-old Kurdish woman", "X, 34,", "X, a trader in the market", "X, the agency's chief": an
     * appositive that describes a person. The head of an English noun phrase is its last noun, so the last cue word
     * before the phrase ends decides ("a senior party official" is a person, "an activist group" is not).
     */
    boolean appositivePerson(List<Token> toks, int to) {
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

    /**
     * The span follows a credit: "by" after a credit word ("Reporting by A in X and B in Y; Editing by C",
     * "Story by A. Translation by B.") with only this credit's names, places and "and" between, or a picture label
     * and a colon ("Photo: A/AFP"). A name right after "in"/"from" is the credit's place, not a person.
     */
    boolean creditBefore(List<Token> toks, int from) {
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
    boolean nameLine(List<Token> toks, int from, int to) {
        Token first = toks.get(from);
        Token last = toks.get(to - 1);
        // or the name starts a line and an outlet's acronym follows it on the same line ("Jane Doe BBC News")
        Token after = to < toks.size() ? toks.get(to) : null;
        boolean outletAfter = after != null && after.word && Norm.isAllCaps(after.text) && !last.newlineAfter;
        return first.lineStart && (last.newlineAfter || to == toks.size() || outletAfter) && lex.isGivenName(first.lower)
            && to - from <= 4 && from > 0;
    }

    /**
     * A sentence-initial given name that is also an English word ("Jean", "Mark", "Will") stays part of the name
     * when a person cue follows or precedes: an age or role appositive, a credit, or a line of its own.
     */
    boolean givenNameWithCue(List<Token> toks, int from, int to) {
        Token t = toks.get(from);
        if (!lex.isGivenName(t.lower) || to - from < 2 || to - from > 4 || !isNameToken(toks.get(from + 1))) return false;
        return appositivePerson(toks, to) || creditBefore(toks, from) || nameLine(toks, from, to);
    }

    boolean roleBefore(List<Token> toks, int from) {
        if (from == 0) return false;
        Token p = toks.get(from - 1);
        if (!p.word) return false;
        return !Norm.isUpperInitial(p.text) && lex.roleNouns.contains(p.lower) && !lex.orgWords.contains(p.lower);
    }

    boolean allCommon(List<Token> toks, Candidate c) {
        for (int k = c.from; k < c.to; k++) {
            Token t = toks.get(k);
            if (t.word && !lex.isCommonWord(t.lower) && !CONNECTORS.contains(t.lower)) return false;
        }
        return true;
    }

    boolean noneCommon(List<Token> toks, Candidate c) {
        for (int k = c.from; k < c.to; k++) {
            Token t = toks.get(k);
            if (t.word && lex.isCommonWord(t.lower) && !lex.isGivenName(t.lower)) return false;
        }
        return true;
    }
}
