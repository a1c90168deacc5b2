package io.newsflow.processor.enrich.kb;

/**
 * British word endings in their American form, for keys only (both spellings meet): -isation/-ise/-ised/-ising
 * → -iz..., -yse → -yze, -tre/-bre → -ter/-ber, -mme → -m, -logue → -log. Words of five letters or fewer are left
 * alone ("wise", "metre" is in the spelling table).
 */
final class Suffixes {
    private Suffixes() {}

    private static final String[][] ENDINGS = {
        {"isations", "izations"}, {"isation", "ization"}, {"ising", "izing"}, {"isers", "izers"}, {"iser", "izer"},
        {"ised", "ized"}, {"ises", "izes"}, {"ise", "ize"}, {"yse", "yze"}, {"ysed", "yzed"}, {"logue", "log"},
        {"mme", "m"}};

    static String american(String w) {
        if (w.length() <= 5) return w;
        for (String[] e : ENDINGS) {
            if (w.endsWith(e[0])) return w.substring(0, w.length() - e[0].length()) + e[1];
        }
        int n = w.length();
        if ((w.endsWith("tre") || w.endsWith("bre")) && "aeiouy".indexOf(w.charAt(n - 4)) < 0) {
            return w.substring(0, n - 2) + "er";
        }
        return w;
    }
}
