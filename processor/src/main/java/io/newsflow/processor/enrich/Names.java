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

/** Token-level shapes of names that need no dictionary: name tokens, clock words, dates, compounds, spans. */
final class Names {
    private Names() {
    }

    static final java.util.regex.Pattern ROMAN = java.util.regex.Pattern.compile("[IVXLC]+");

    static boolean isCyrillic(String text) {
        return !text.isEmpty() && Character.UnicodeScript.of(text.codePointAt(0)) == Character.UnicodeScript.CYRILLIC;
    }

    static boolean isNameToken(Token t) {
        if (!t.word || t.number) return false;
        if (!Norm.isUpperInitial(t.text)) return false;
        return !Lexicon.NON_ENTITY.contains(t.lower) || Norm.isAllCaps(t.text) && t.text.length() <= 5;
    }

    /** "Muslim League", "Christian Democratic Union": a faith adjective followed by more of the name. */
    static boolean faithWordInName(List<Token> toks, int j) {
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
    static boolean monthDate(List<Token> toks, int i) {
        if (!MONTH_ABBREV.contains(toks.get(i).lower)) return false;
        int k = i + 1;
        if (k < toks.size() && toks.get(k).punct('.') && !toks.get(k).spaceBefore) k++;
        return k < toks.size() && toks.get(k).number && toks.get(k).text.length() <= 2;
    }

    /** The end of the hyphenated compound that starts at {@code from} ("Rolls-Royce", "Tehreek-e-Insaf"). */
    static int compoundEnd(List<Token> toks, int from, int to) {
        int k = from + 1;
        while (k + 1 < to && (toks.get(k).punct('-') || toks.get(k).punct('\u2010')) && !toks.get(k).spaceBefore
            && toks.get(k + 1).word && !toks.get(k + 1).spaceBefore) k += 2;
        return k;
    }

    static boolean transliterationApostrophe(List<Token> toks, int i) {
        return i + 1 < toks.size() && !toks.get(i + 1).word && toks.get(i + 1).text.length() == 1
            && Norm.isApostrophe(toks.get(i + 1).text.charAt(0)) && !toks.get(i + 1).spaceBefore
            && i + 2 < toks.size() && toks.get(i + 2).spaceBefore && Norm.isUpperInitial(toks.get(i + 2).text);
    }

    static String spanText(String body, List<Token> toks, int from, int to) {
        return body.substring(toks.get(from).start, toks.get(to - 1).end);
    }

    static String spanText(String text, List<Token> toks, int from, int to, int offset) {
        return text.substring(toks.get(from).start - offset, toks.get(to - 1).end - offset);
    }

    static boolean isRoman(String s) {
        return ROMAN.matcher(s).matches();
    }

    /** Tokens between two names: 0 for a comma, 1 for "and"/"or" (", and"), -1 for anything else. */
    static int listSeparator(List<Token> toks, int a, int b) {
        if (b - a == 1) {
            Token t = toks.get(a);
            return t.punct(',') ? 0 : t.is("and") || t.is("or") ? 1 : -1;
        }
        if (b - a == 2 && toks.get(a).punct(',') && (toks.get(a + 1).is("and") || toks.get(a + 1).is("or"))) return 1;
        return -1;
    }

    /** "... Report – Meduza", "Photo: X / AFP": a name after a spaced dash or slash at the end of a line. */
    static boolean dashSource(List<Token> toks, Candidate c) {
        Token prev = c.from > 0 ? toks.get(c.from - 1) : null;
        Token last = toks.get(c.to - 1);
        Token next = c.to < toks.size() ? toks.get(c.to) : null;
        return prev != null && (prev.punct('\u2013') || prev.punct('\u2014') || prev.punct('-') || prev.punct('/'))
            && prev.spaceBefore && (next == null || last.newlineAfter || !next.word && (next.punct('*') || next.punct('|')));
    }

    /** "X-led", "X-run", "X-backed": X leads or runs something. */
    static boolean ledBy(List<Token> toks, Candidate c) {
        int k = c.to;
        return k + 1 < toks.size() && toks.get(k).punct('-') && !toks.get(k).spaceBefore && !toks.get(k + 1).spaceBefore
            && LED_BY.contains(toks.get(k + 1).lower);
    }

    /** "who gave only his first name, Adam,", "identified only as Karim": a single first name. */
    static boolean firstNameCue(List<Token> toks, int from) {
        int k = from - 1;
        if (k >= 0 && toks.get(k).punct(',')) k--;
        if (k < 0 || !toks.get(k).word) return false;
        Token t = toks.get(k);
        if (t.is("name") || t.is("names") || t.is("surname") || t.is("nickname") || t.is("pseudonym")) return true;
        // "identified only as X", "known only as X"
        return t.is("as") && k >= 2 && toks.get(k - 1).is("only") && (toks.get(k - 2).is("identified")
            || toks.get(k - 2).is("known") || toks.get(k - 2).is("named"));
    }
}
