package io.newsflow.processor.enrich.kb;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/** Character-level normalisation shared by the knowledge base, its key function and the recogniser's lookups. */
public final class Text {
    private Text() {}

    public static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '`' || c == '\u00B4' || c == '\u02B9';
    }

    /** ASCII-folds diacritics (keeps other scripts), lower-cases: "Côte d'Ivoire" → "cote d'ivoire". */
    public static String fold(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) { ascii = false; break; }
        }
        String d = ascii ? s : Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            int t = Character.getType(c);
            if (t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK) continue;
            switch (c) {
                case 'ß': b.append("ss"); break;
                case 'ø': case 'Ø': b.append('o'); break;
                case 'đ': case 'Đ': b.append('d'); break;
                case 'ł': case 'Ł': b.append('l'); break;
                case 'æ': case 'Æ': b.append("ae"); break;
                case 'œ': case 'Œ': b.append("oe"); break;
                case 'ı': b.append('i'); break;
                default: b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /**
     * The words of a name, folded and lower-cased: letters and digits; an apostrophe inside a word vanishes
     * ("Put' Dumoi" → put, dumoi; "Kharkivs'ka" → kharkivska), a possessive "'s" at a word's end is dropped
     * ("Ukraine's" → ukraine), Cyrillic soft and hard signs vanish; every other character separates words
     * ("al-Burhan" → al, burhan; "U.K." → u, k).
     */
    public static List<String> words(String name) {
        String f = fold(name);
        List<String> out = new ArrayList<>(4);
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (Character.isLetterOrDigit(c) && !isSign(c)) {
                w.append(c);
            } else if (isApostrophe(c) || isSign(c)) {
                boolean possessive = isApostrophe(c) && w.length() > 0 && i + 1 < f.length() && f.charAt(i + 1) == 's'
                    && (i + 2 == f.length() || !Character.isLetterOrDigit(f.charAt(i + 2)) && !isApostrophe(f.charAt(i + 2)));
                if (possessive) i++;
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        if (w.length() > 0) out.add(w.toString());
        return out;
    }

    /** Cyrillic soft and hard signs (ь ъ), which transliterations write as an apostrophe or not at all. */
    static boolean isSign(char c) {
        return c == '\u044C' || c == '\u042C' || c == '\u044A' || c == '\u042A';
    }

    /** Whether the letters of {@code s} are all upper case (at least two letters): "AFP", "U.K.". */
    public static boolean isAllCaps(String s) {
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (!Character.isUpperCase(c)) return false;
            }
        }
        return letters >= 2;
    }
}
