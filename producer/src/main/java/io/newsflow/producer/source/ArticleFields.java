package io.newsflow.producer.source;

import io.newsflow.avro.RawArticle;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a structured source (HTML page, JSON record, feed item) found about one article, and the
 * one way every such source turns it into a {@link RawArticle}: paragraphs cleaned of
 * boilerplate (photo credits among it kept in {@code credits}), URL resolved and canonicalised, title derived when missing, language detected,
 * size limit applied, id from the canonical URL or the normalised body.
 */
final class ArticleFields {
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");

    final String source;
    int line;
    /** Which record of a multi-article input, for messages: "item 3 ('Title')"; null for a single article. */
    String item;
    String url;
    /** What a relative {@link #url} is resolved against (the page or feed URL). */
    String baseUrl;
    String title;
    final List<String> authors = new ArrayList<>();
    /** Photo and media credits found outside the paragraphs (figure captions, a JSON field), as printed. */
    final List<String> credits = new ArrayList<>();
    Instant publishedAt;
    String outlet;
    /** A language the input states and that is trusted (an operator's JSON field). */
    String language;
    /** A language the input declares but that is often a template default (html lang, feed language): used when detection is unsure. */
    String declaredLanguage;
    final List<String> paragraphs = new ArrayList<>();

    ArticleFields(String source) {
        this.source = source;
    }

    ArticleParseException error(String reason) {
        return new ArticleParseException(source, line, item == null ? reason : item + ": " + reason);
    }

    ArticleParseException error(String reason, Throwable cause) {
        return new ArticleParseException(source, line, item == null ? reason : item + ": " + reason, cause);
    }

    /** The article, with where it came from and the outlet that published it (when known). */
    RawArticle build(ArticleFileParser context) throws ArticleParseException {
        List<String> kept = new ArrayList<>();
        Set<String> creditLines = new LinkedHashSet<>();
        for (String credit : credits) {
            if (credit != null) {
                Boilerplate.cleanCredit(clean(credit)).ifPresent(creditLines::add);
            }
        }
        for (String paragraph : paragraphs) {
            String clean = clean(paragraph);
            if (clean.isEmpty()) {
                continue;
            }
            if (Boilerplate.isBoilerplate(clean)) {
                Boilerplate.credit(clean).ifPresent(creditLines::add);
            } else if (kept.isEmpty() || !kept.get(kept.size() - 1).equals(clean)) {
                kept.add(clean);
            }
        }
        if (kept.isEmpty()) {
            throw error("no article body");
        }
        String body = String.join("\n\n", kept);
        long size = body.getBytes(StandardCharsets.UTF_8).length;
        if (size > context.maxBytes()) {
            throw error("article is " + size + " bytes, over the limit of " + context.maxBytes() + " bytes");
        }
        String canonical = null;
        if (url != null && !url.isBlank()) {
            try {
                String absolute = url.strip();
                if (baseUrl != null && !absolute.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
                    absolute = URI.create(baseUrl).resolve(absolute).toString();
                }
                canonical = UrlCanonicalizer.canonicalize(absolute);
            } catch (IllegalArgumentException e) {
                throw error("url '" + url.strip() + "': " + e.getMessage(), e);
            }
        }
        String cleanTitle = title == null ? "" : clean(title);
        if (cleanTitle.isEmpty()) {
            cleanTitle = ArticleFileParser.derivedTitle(kept.get(0));
        }
        Set<String> names = new LinkedHashSet<>();
        for (String author : authors) {
            String name = author == null ? "" : clean(author);
            if (!name.isEmpty() && !name.matches("(?i)^https?://.*") && name.length() <= 120) {
                names.add(name);
            }
        }
        String lang = Languages.normalise(language);
        if (lang == null) {
            lang = Languages.detect(body).orElse(Languages.normalise(declaredLanguage));
        }
        String site = outlet == null ? null : clean(outlet);
        return RawArticle.newBuilder()
                .setId(canonical != null ? ArticleIds.fromUrl(canonical) : ArticleIds.fromContent(body))
                .setUrl(canonical)
                .setTitle(cleanTitle)
                .setAuthors(List.copyOf(names))
                .setCredits(List.copyOf(creditLines))
                .setPublishedAt(publishedAt == null ? null : publishedAt.truncatedTo(ChronoUnit.MILLIS))
                .setIngestedAt(context.now())
                .setSource(source)
                .setOutlet(site == null || site.isEmpty() ? null : site)
                .setLanguage(lang)
                .setBody(body)
                .build();
    }

    static String clean(String text) {
        return SPACES.matcher(text.replace('\r', ' ')).replaceAll(" ").strip();
    }
}
