package io.newsflow.processor.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A linear, allocation-light tokenizer: words (letters/digits with inner apostrophes, dots of initials and
 * digit group separators) and single punctuation characters, each with offsets; marks sentence starts.
 */
final class Tokenizer {
    private Tokenizer() {}

    /** Abbreviations whose trailing dot does not end a sentence. */
    static final Set<String> ABBREV = Rules.TOKENS.set("abbreviations");

    static final class Token {
        final String text;
        final int start, end;
        final boolean word;      // letters/digits
        final boolean number;    // starts with a digit
        boolean sentenceStart;
        boolean lineStart;
        boolean spaceBefore;
        boolean newlineAfter;    // the token is the last on its line
        String lower;

        Token(String text, int start, int end, boolean word, boolean number) {
            this.text = text; this.start = start; this.end = end; this.word = word; this.number = number;
            this.lower = Norm.lower(text);
        }

        boolean cap() { return word && !number && Norm.isUpperInitial(text); }
        boolean is(String s) { return lower.equals(s); }
        boolean punct(char c) { return !word && text.length() == 1 && text.charAt(0) == c; }
        @Override public String toString() { return text; }
    }

    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>(Math.max(16, s.length() / 5));
        int n = s.length();
        int i = 0;
        boolean sentStart = true, lineStart = true, space = true;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                if (!out.isEmpty()) out.get(out.size() - 1).newlineAfter = true;
                // a blank line or a line break after a line without final punctuation starts a sentence
                sentStart = true;
                lineStart = true;
                space = true;
                i++;
                continue;
            }
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u00A0') { space = true; i++; continue; }
            if (Character.isLetterOrDigit(c)) {
                int j = i;
                boolean digit = Character.isDigit(c);
                while (j < n) {
                    char d = s.charAt(j);
                    if (Character.isLetterOrDigit(d)) { j++; continue; }
                    if (Character.getType(d) == Character.NON_SPACING_MARK) { j++; continue; }
                    // inner apostrophe followed by a letter, but not the possessive 's
                    if (Norm.isApostrophe(d) && j + 1 < n && Character.isLetter(s.charAt(j + 1)) && !digit) {
                        boolean possessive = (s.charAt(j + 1) == 's' || s.charAt(j + 1) == 'S')
                            && (j + 2 >= n || !Character.isLetterOrDigit(s.charAt(j + 2)));
                        if (possessive) break;
                        j++;
                        continue;
                    }
                    // digit groups: 1,234  3.2  189 000 (thin/no-break spaces too)
                    if (digit && (d == ',' || d == '.' || d == '\u202F' || d == '\u2009' || d == '\u00A0' || d == ' ')
                        && j + 1 < n && Character.isDigit(s.charAt(j + 1))) {
                        if (d == ' ' || d == '\u00A0' || d == '\u202F' || d == '\u2009') {
                            // a space separator only before exactly three digits ("189 000")
                            int k = j + 1, cnt = 0;
                            while (k < n && Character.isDigit(s.charAt(k))) { k++; cnt++; }
                            if (cnt != 3 || (k < n && Character.isLetterOrDigit(s.charAt(k)))) break;
                        }
                        j++;
                        continue;
                    }
                    break;
                }
                String w = s.substring(i, j);
                Token t = new Token(w, i, j, true, digit);
                t.sentenceStart = sentStart; t.lineStart = lineStart; t.spaceBefore = space;
                out.add(t);
                sentStart = false; lineStart = false; space = false;
                i = j;
                continue;
            }
            // punctuation: one char per token
            Token t = new Token(String.valueOf(c), i, i + 1, false, false);
            t.spaceBefore = space; t.lineStart = lineStart;
            out.add(t);
            lineStart = false;
            space = false;
            if (c == '.' || c == '!' || c == '?' || c == '\u2026') {
                Token prev = out.size() >= 2 ? out.get(out.size() - 2) : null;
                boolean abbrev = c == '.' && prev != null && prev.word && prev.end == i
                    && (ABBREV.contains(prev.lower) || (prev.text.length() == 1 && Character.isUpperCase(prev.text.charAt(0))));
                if (!abbrev) sentStart = true;
            }
            i++;
        }
        return out;
    }
}
