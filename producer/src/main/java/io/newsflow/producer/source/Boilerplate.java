package io.newsflow.producer.source;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Paragraphs that belong to the page, not the article: related-article links, "read more"
 * teasers. Photo credits stay (they name people and agencies the enrichment may want).
 */
final class Boilerplate {
    private static final List<Pattern> PARAGRAPHS = List.of(
            Pattern.compile("^(?:related|related articles?|related stories|related story|related content|"
                    + "read more|read also|also read|see also|more on this(?: story)?|recommended|you may also like)\\s*:.*",
                    Pattern.CASE_INSENSITIVE | Pattern.DOTALL));

    /** Whether a paragraph (already plain text) is page furniture rather than article text. */
    static boolean isBoilerplate(String paragraph) {
        for (Pattern p : PARAGRAPHS) {
            if (p.matcher(paragraph).matches()) {
                return true;
            }
        }
        return false;
    }

    private Boilerplate() {
    }
}
