package io.newsflow.producer.source;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The language of an article body as an ISO 639-1 code ("en", "ru", "uk"), by Optimaize's n-gram
 * detector over its 71 built-in profiles. The profiles are loaded once, on first use (about a
 * second), and shared: the detector is immutable and thread-safe.
 */
public final class Languages {
    /** Below this probability the detector's best guess is not taken. */
    static final double MIN_PROBABILITY = 0.85;
    /** Enough text to tell the language; the rest of a long body only costs time. */
    private static final int SAMPLE_CHARS = 1000;
    private static final int MIN_LETTERS = 20;
    private static final Pattern TAG = Pattern.compile("^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$");

    private Languages() {
    }

    /** The detected language of {@code text}, when the detector is confident. */
    public static Optional<String> detect(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        if (sample.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return Optional.empty();
        }
        List<DetectedLanguage> ranked = Holder.DETECTOR.getProbabilities(Holder.TEXT.forText(sample));
        if (ranked.isEmpty() || ranked.get(0).getProbability() < MIN_PROBABILITY) {
            return Optional.empty();
        }
        return Optional.ofNullable(normalise(ranked.get(0).getLocale().getLanguage()));
    }

    /**
     * A language tag as this project records it: the primary subtag, lower case ("en-US" → "en",
     * "pt_BR" → "pt"); null when {@code tag} is not a language tag.
     */
    public static String normalise(String tag) {
        if (tag == null) {
            return null;
        }
        var m = TAG.matcher(tag.strip());
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** Loaded on first use: most runs that never detect a language never pay for the profiles. */
    private static final class Holder {
        static final LanguageDetector DETECTOR;
        static final TextObjectFactory TEXT = CommonTextObjectFactories.forDetectingOnLargeText();

        static {
            try {
                DETECTOR = LanguageDetectorBuilder.create(NgramExtractors.standard())
                        .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the language profiles of language-detector", e);
            }
        }
    }
}
