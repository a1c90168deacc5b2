package io.newsflow.producer.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Article ids: the first 32 hex characters (128 bits) of SHA-256 over the canonical URL, or over
 * the normalised body when an article has no URL. The same article read twice, from anywhere,
 * gets the same id — which is what makes re-publishing idempotent downstream.
 */
public final class ArticleIds {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** The id of an article with this canonical URL (see {@link UrlCanonicalizer}). */
    public static String fromUrl(String canonicalUrl) {
        return hash(canonicalUrl);
    }

    /** The id of an article without a URL: NFKC-normalised, lower-cased, whitespace collapsed. */
    public static String fromContent(String body) {
        return hash(normaliseContent(body));
    }

    static String normaliseContent(String body) {
        String text = Normalizer.normalize(body, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private ArticleIds() {
    }
}
