package io.newsflow.producer.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Author lines: "By Leyla Latypova", "By Jane Doe, John Roe and Ann Poe", "By A & B". Each name
 * must look like a name (1-6 capitalised words, with the usual particles), so that a sentence
 * such as "By the end of the year ..." is never taken for a byline.
 */
final class Bylines {
    private static final Pattern PREFIX = Pattern.compile("^(?:by|written by|words by)\\s*:?\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATORS = Pattern.compile("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*");
    private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}[\\p{L}'’.-]*|\\p{Lu}\\.");
    private static final Set<String> PARTICLES = Set.of(
            "de", "da", "das", "do", "dos", "du", "del", "della", "der", "den", "van", "von", "la", "le",
            "bin", "ibn", "al", "el", "y", "di", "ter", "ten", "zu", "st.");

    static Optional<List<String>> parse(String cleanLine) {
        String text = cleanLine.strip();
        var prefix = PREFIX.matcher(text);
        if (!prefix.find() || text.length() > 200) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (String part : SEPARATORS.split(text.substring(prefix.end()).strip())) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!looksLikeName(name)) {
                return Optional.empty();
            }
            names.add(name);
        }
        return names.isEmpty() || names.size() > 12 ? Optional.empty() : Optional.of(List.copyOf(names));
    }

    private static boolean looksLikeName(String name) {
        String[] words = name.split("\\s+");
        if (words.length > 6 || name.length() > 80) {
            return false;
        }
        boolean capitalised = false;
        for (String word : words) {
            if (NAME_WORD.matcher(word).matches()) {
                capitalised = true;
            } else if (!PARTICLES.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                return false;
            }
        }
        return capitalised && Character.isUpperCase(words[0].charAt(0));
    }

    private Bylines() {
    }
}
