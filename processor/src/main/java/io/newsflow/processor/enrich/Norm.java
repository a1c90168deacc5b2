package io.newsflow.processor.enrich;

import java.text.Normalizer;
import java.util.Locale;

/** Text normalisation shared by the dictionaries and the recognisers. */
final class Norm {
    private Norm() {}

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '`' || c == '\u00B4' || c == '\u02B9';
    }

    /** ASCII-folds diacritics (keeps other scripts), lower-cases. */
    static String fold(String s) {
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
     * Lookup key of a name: folded, apostrophes removed, every other non-letter/digit run turned into one space.
     * "Kharkivs'ka" -> "kharkivska", "St. Petersburg" -> "st petersburg", "Ivano-Frankivsk" -> "ivano frankivsk".
     */
    static String key(String s) {
        String f = fold(s);
        StringBuilder b = new StringBuilder(f.length());
        boolean space = false;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && b.length() > 0) b.append(' ');
                space = false;
                b.append(c);
            } else if (isApostrophe(c) || c == '\u044C' || c == '\u042C') {
                // apostrophes and soft signs vanish inside a word
            } else {
                space = true;
            }
        }
        return b.toString();
    }

    private static final String[] CYR = {
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts",
        "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};

    /** Latin transliteration of Russian/Ukrainian Cyrillic (BGN-like), after folding; other characters unchanged. */
    static String translit(String folded) {
        StringBuilder b = null;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            String r = null;
            if (c >= '\u0430' && c <= '\u044F') r = CYR[c - '\u0430'];
            else if (c == '\u0451') r = "e";
            else if (c == '\u0456' || c == '\u0457') r = "i";
            else if (c == '\u0454') r = "ye";
            else if (c == '\u0491') r = "g";
            else if (c == '\u0439') r = "y";
            if (r != null && b == null) {
                b = new StringBuilder(folded.length() + 8);
                b.append(folded, 0, i);
            }
            if (b != null) b.append(r != null ? r : String.valueOf(c));
        }
        return b == null ? folded : b.toString();
    }

    /**
     * A spelling-insensitive key for project ids of people and organisations: per word the first letter plus the
     * consonants (vowels, y, w, h, j dropped, doubled letters collapsed), words joined with '-'. Transliteration
     * variants (Rus' Sidyashchaya / Rus Sidyashchaya / Русь сидящая; Zelensky / Zelenskyy) share it.
     */
    static String skeleton(String name) {
        String k = translit(key(name));
        StringBuilder b = new StringBuilder();
        for (String w : k.split(" ")) {
            if (w.isEmpty()) continue;
            if (b.length() > 0) b.append('-');
            boolean allDigits = w.chars().allMatch(Character::isDigit);
            if (w.length() <= 3 || allDigits) { b.append(w); continue; }
            char prev = 0;
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (i > 0 && "aeiouyhwj".indexOf(c) >= 0) continue;
                if (c == 'c' && i + 1 < w.length() && w.charAt(i + 1) == 'k') continue;
                if (c == 'q') c = 'k';
                if (c == prev) continue;
                b.append(c);
                prev = c;
            }
        }
        return b.toString();
    }

    /** "the moscow times" -> "moscow-times": readable slug for ids. */
    static String slug(String name) {
        String k = translit(key(name));
        if (k.startsWith("the ")) k = k.substring(4);
        return k.replace(' ', '-');
    }

    static boolean isUpperInitial(String s) {
        if (s.isEmpty()) return false;
        char c = s.charAt(0);
        return Character.isUpperCase(c) || Character.isTitleCase(c);
    }

    static boolean isAllCaps(String s) {
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

    /** The number of letters in {@code s}. */
    static int letters(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (Character.isLetter(s.charAt(i))) n++;
        return n;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
