package io.newsflow.bench.recognisers;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The "string identity" linking baseline of issue 8: the spans a stock recogniser found become entities by their
 * normalised exact name, and the id is that name ({@code str:<normalised name>}). Normalising follows the shared
 * scorer: NFKC, lower case, one apostrophe, no trailing 's, no leading "the", no punctuation but hyphens.
 * An entity's type is the one most of its mentions got (the first seen on a tie); its name is its first mention.
 */
public final class StringIdentity {
    public static final String ID_PREFIX = "str:";
    private static final Pattern APOSTROPHES = Pattern.compile("[\u2018\u2019\u02bc`\u00b4]");
    private static final Pattern POSSESSIVE = Pattern.compile("'s\\b", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern LEADING_THE = Pattern.compile("^the\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\w\\s-]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private StringIdentity() {
    }

    /** The normalised name; empty when nothing but punctuation is left. */
    public static String normalise(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = APOSTROPHES.matcher(s).replaceAll("'");
        s = POSSESSIVE.matcher(s).replaceAll("");
        s = LEADING_THE.matcher(s).replaceFirst("");
        s = PUNCTUATION.matcher(s).replaceAll("");
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    public static String id(String name) {
        return ID_PREFIX + normalise(name);
    }

    /** Entities of {@code spans} (offsets into {@code body}), one per normalised name, in order of first mention. */
    public static List<FoundEntity> entities(String body, List<Span> spans) {
        Map<String, List<Span>> byName = new LinkedHashMap<>();
        for (Span span : spans) {
            String key = normalise(span.text(body));
            if (!key.isEmpty()) {
                byName.computeIfAbsent(key, k -> new ArrayList<>()).add(span);
            }
        }
        List<FoundEntity> entities = new ArrayList<>(byName.size());
        for (Map.Entry<String, List<Span>> e : byName.entrySet()) {
            List<Span> mentions = e.getValue();
            entities.add(new FoundEntity(ID_PREFIX + e.getKey(), mentions.get(0).text(body), majorityType(mentions),
                    mentions, null));
        }
        return entities;
    }

    /** The type most spans have; the first span's among equals. */
    static String majorityType(List<Span> spans) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        for (Span s : spans) {
            votes.merge(s.type(), 1, Integer::sum);
        }
        String best = null;
        int bestVotes = 0;
        for (Map.Entry<String, Integer> v : votes.entrySet()) {
            if (v.getValue() > bestVotes) {
                best = v.getKey();
                bestVotes = v.getValue();
            }
        }
        return best;
    }
}
