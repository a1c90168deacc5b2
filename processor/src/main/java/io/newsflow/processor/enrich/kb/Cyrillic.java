package io.newsflow.processor.enrich.kb;

/**
 * Russian, Ukrainian and Belarusian Cyrillic in Latin letters, one scheme (close to BGN/PCGN without its
 * diacritics) whose output goes through the same spelling-insensitive key as any Latin spelling, so it meets the
 * other transliterations there. Ukrainian words (with і, ї, є or ґ) write г as h, as Ukrainian transliteration does
 * (Харків = Kharkiv, Гор... = Hor...); Russian ones as g.
 */
final class Cyrillic {
    private Cyrillic() {}

    //                                 а    б    в    г    д    е    ж     з    и    й    к    л    м    н    о    п
    private static final String[] RU = {"a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
        // р    с    т    у    ф    х     ц     ч     ш     щ       ъ   ы    ь   э    ю     я
        "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia"};

    /** The word in Latin letters; a word without Cyrillic letters is returned as it is. Input is lower case. */
    static String latin(String w) {
        boolean cyrillic = false;
        boolean ukrainian = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c >= '\u0400' && c <= '\u04FF') cyrillic = true;
            if (c == '\u0456' || c == '\u0457' || c == '\u0454' || c == '\u0491') ukrainian = true;
        }
        if (!cyrillic) return w;
        StringBuilder b = new StringBuilder(w.length() + 4);
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c >= '\u0430' && c <= '\u044F') {
                b.append(c == '\u0433' && ukrainian ? "h" : RU[c - '\u0430']);
            } else if (c == '\u0451') {
                b.append('e');          // ё
            } else if (c == '\u0456' || c == '\u0457') {
                b.append('i');          // і ї
            } else if (c == '\u0454') {
                b.append("ie");         // є
            } else if (c == '\u0491') {
                b.append('g');          // ґ
            } else if (c == '\u045E') {
                b.append('u');          // ў
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
