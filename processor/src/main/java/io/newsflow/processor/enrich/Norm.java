package io.newsflow.processor.enrich;

import io.newsflow.processor.enrich.kb.Text;

import java.util.Locale;

/** Text normalisation shared by the dictionaries and the recognisers. */
final class Norm {
    private Norm() {}

    static boolean isApostrophe(char c) {
        return Text.isApostrophe(c);
    }

    /** ASCII-folds diacritics (keeps other scripts), lower-cases. */
    static String fold(String s) {
        return Text.fold(s);
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

    static boolean isUpperInitial(String s) {
        if (s.isEmpty()) return false;
        char c = s.charAt(0);
        return Character.isUpperCase(c) || Character.isTitleCase(c);
    }

    static boolean isAllCaps(String s) {
        return Text.isAllCaps(s);
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
