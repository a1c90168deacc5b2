package io.newsflow.producer.source;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paragraphs that belong to the page, not the article: related-article links, "read more"
 * teasers, photo credits and captions' credit lines, donation appeals, newsletter and follow-us
 * blocks, "Advertisement" markers. Each pattern is anchored on the whole (short) paragraph or on
 * a call to action, so that a news sentence which merely mentions a photo, a donation or a
 * newsletter stays.
 */
final class Boilerplate {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL;
    private static final String AGENCIES = "(?:getty images|afp|reuters|ap|ap photo|associated press|epa(?:-efe)?|"
            + "anadolu(?: agency)?|shutterstock|tass|ria novosti|sputnik|xinhua|bloomberg|alamy|pa images?|pa wire)";

    // photo credits: "Photo: Reuters", "Image credit: ...", "Photograph by ...", "© AFP", "AFP via Getty Images"
    private static final Pattern PHOTO_LABEL = Pattern.compile("^\\(?(?:photos?|photographs?|images?|pictures?|video|"
            + "illustrations?|graphics?|footage|cover photo|main photo|top photo|header image)(?:\\s+credits?)?\\s*"
            + "(?::|by\\b|courtesy(?: of)?\\b)\\s*([^\\n]{1,150})$", FLAGS);
    private static final Pattern CREDIT_LABEL = Pattern.compile("^(?:credits?|photo credits?|image credits?)\\s*:\\s*"
            + "([^\\n]{1,150})$", FLAGS);
    private static final Pattern COPYRIGHT = Pattern.compile("^(?:©|\\(c\\)|copyright\\s)\\s*([^\\n]{1,150})$", FLAGS);
    private static final Pattern AGENCY_ONLY = Pattern.compile("^\\(?(" + AGENCIES + "(?:\\s*(?:/|via)\\s*" + AGENCIES
            + ")?(?:\\s+photo)?)\\)?\\.?$", FLAGS);
    /** A caption ending in its credit: "... the Russian Army. Yevgeny Yepanchintsev / TASS" (group 1 before the last separator). */
    private static final Pattern TRAILING_AGENCY = Pattern.compile("^([^\\n]{1,150})\\s([/|])\\s*(" + AGENCIES
            + "(?:\\s+via\\s+getty images)?)\\.?$", FLAGS);
    /** A caption ending in an agency's own credit: "... in Gaziantep. (AP Photo/John Smith)". */
    private static final Pattern AGENCY_PHOTO = Pattern.compile("^(?:[^\\n]{0,400}?\\s)?\\((" + AGENCIES
            + "\\s+photos?\\s*/\\s*[^()\\n/]{1,60}(?:/[^()\\n/]{1,40})?)\\)\\.?$", FLAGS);
    private static final List<Pattern> CREDITS = List.of(PHOTO_LABEL, CREDIT_LABEL, COPYRIGHT, AGENCY_ONLY,
            TRAILING_AGENCY, AGENCY_PHOTO);

    /** Whole-paragraph patterns (matched against the entire paragraph) that are not credits. */
    private static final List<Pattern> PARAGRAPHS = List.of(
            Pattern.compile("^(?:related|related articles?|related stories|related story|related content|"
                    + "read more|read also|also read|see also|more on this(?: story)?|recommended|you may also like|"
                    + "more from [\\p{L} ]{1,40}|most read|trending|latest news)\\s*:.*", FLAGS),
            // page furniture left as text
            Pattern.compile("^(?:advertisement|advertising|sponsored(?: content)?|share(?: this)?(?: article| story)?|"
                    + "tweet|copy link|print|comments?|skip to (?:main )?content|close)\\s*$", FLAGS));

    /** A sentence end inside a caption: where the credit after it starts. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"”’)]?\\s+");
    /** Labels in front of a credit: "Photo:", "Photo by", "Credit:", "©". */
    private static final Pattern LABEL = Pattern.compile("^(?:(?:photos?|photographs?|images?|pictures?|video|"
            + "illustrations?|footage)(?:\\s+credits?)?\\s*(?::|by\\b|courtesy(?: of)?\\b)|credits?\\s*:|©|\\(c\\)|"
            + "copyright\\b)\\s*", FLAGS);
    private static final Pattern YEAR = Pattern.compile("^(?:19|20)\\d\\d\\b[,.]?\\s*|\\s*[,.]?\\s*\\b(?:19|20)\\d\\d$");
    /** Lower-case particles of names ("Ana de la Cruz", "Omar al Hassan"). */
    private static final Set<String> PARTICLES = Set.of("de", "del", "della", "da", "dos", "das", "di", "du", "la",
            "le", "van", "von", "der", "den", "ter", "al", "el", "bin", "ibn", "and", "&");
    private static final int MAX_CREDIT_LENGTH = 120;

    /** Calls to action found anywhere in a paragraph no longer than {@link #APPEAL_MAX_LENGTH}. */
    private static final List<Pattern> APPEALS = List.of(
            // donation appeals
            Pattern.compile("\\b(?:support (?:our|independent|quality|free|honest) (?:journalism|reporting|media|press|"
                    + "newsroom|work)|support us\\b|donate (?:now|today|here|to us|to support|monthly)|"
                    + "make a (?:one-time |monthly )?(?:donation|contribution)|become a (?:member|patron|supporter|"
                    + "paying subscriber)|we (?:rely|depend) on (?:our )?readers|reader[- ]funded|chip in\\b|"
                    + "please (?:donate|consider donating|support us))", FLAGS),
            // newsletter and follow-us blocks
            Pattern.compile("\\b(?:sign up|subscribe|register)\\b[^.]{0,80}\\b(?:newsletter|mailing list|"
                    + "(?:daily|weekly|morning|evening) (?:brief|briefing|digest|email)|our emails|email updates)", FLAGS),
            Pattern.compile("^(?:get|receive) (?:our|the) [^.]{0,40}newsletter", FLAGS),
            Pattern.compile("^(?:follow|join|find) us on (?:telegram|twitter|x|facebook|instagram|whatsapp|youtube|"
                    + "tiktok|threads|bluesky|mastodon)\\b", FLAGS));

    private static final int APPEAL_MAX_LENGTH = 500;

    /** Whether a paragraph (already plain text) is page furniture rather than article text. */
    static boolean isBoilerplate(String paragraph) {
        String text = paragraph.strip();
        for (Pattern p : CREDITS) {
            if (p.matcher(text).matches()) {
                return true;
            }
        }
        for (Pattern p : PARAGRAPHS) {
            if (p.matcher(text).matches()) {
                return true;
            }
        }
        if (text.length() <= APPEAL_MAX_LENGTH) {
            for (Pattern p : APPEALS) {
                if (p.matcher(text).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The credit of a paragraph that {@link #isBoilerplate} drops as a photo credit or a caption's credit line,
     * cleaned of its label, parentheses and the caption sentence before it: "Rescue workers search the rubble.
     * Ahmet Yilmaz / Anadolu Agency" → "Ahmet Yilmaz / Anadolu Agency", "Photo: Jane Doe / AFP" → "Jane Doe / AFP",
     * "(AP Photo/John Smith)" → "AP Photo/John Smith". Empty for every other paragraph, and for copyright notices
     * of the page ("© 2024 Example News. All rights reserved.").
     */
    static Optional<String> credit(String paragraph) {
        String text = paragraph.strip();
        Matcher m = PHOTO_LABEL.matcher(text);
        if (m.matches()) {
            String rest = m.group(1);
            if (text.startsWith("(") && rest.endsWith(")")) {
                rest = rest.substring(0, rest.length() - 1);
            }
            return cleanCredit(rest);
        }
        m = CREDIT_LABEL.matcher(text);
        if (m.matches()) {
            return cleanCredit(m.group(1));
        }
        m = COPYRIGHT.matcher(text);
        if (m.matches()) {
            String rest = m.group(1);
            if (rest.toLowerCase(Locale.ROOT).matches(".*\\b(?:rights reserved|all rights|reproduc\\w*|permission)\\b.*")) {
                return Optional.empty(); // the page's copyright notice, not a picture's
            }
            return cleanCredit(rest);
        }
        m = AGENCY_ONLY.matcher(text);
        if (m.matches()) {
            return cleanCredit(m.group(1));
        }
        m = AGENCY_PHOTO.matcher(text);
        if (m.matches()) {
            return cleanCredit(m.group(1));
        }
        m = TRAILING_AGENCY.matcher(text);
        if (m.matches()) {
            String before = m.group(1);
            int from = 0;
            Matcher end = SENTENCE_END.matcher(before);
            while (end.find()) {
                from = end.end();
            }
            String names = LABEL.matcher(before.substring(from).strip()).replaceFirst("");
            if (looksLikeNames(names)) {
                int start = text.indexOf(names, from);
                return cleanCredit(text.substring(start < 0 ? m.start(3) : start));
            }
            return cleanCredit(m.group(3));
        }
        return Optional.empty();
    }

    /** A credit label inside a caption: "... in Kherson. Photo: Jane Doe / AFP", "... Photograph by Jane Doe". */
    private static final Pattern CAPTION_LABEL = Pattern.compile("(?:^|[.!?…][\"”’)]?\\s+|\\s[|–—-]\\s+|\\()"
            + "(?:photos?|photographs?|images?|pictures?|video|footage)(?:\\s+credits?)?\\s*(?::|by\\b|courtesy(?: of)?\\b)"
            + "\\s*([^\\n]{1,150})$", FLAGS);

    /**
     * The credit in a picture's caption (an HTML figcaption or caption element): what {@link #credit} finds, or
     * a labelled credit after the caption sentence ("Photo: Jane Doe"). Empty when the caption names no credit.
     */
    static Optional<String> captionCredit(String caption) {
        String text = caption.strip();
        Optional<String> whole = credit(text);
        if (whole.isPresent()) {
            return whole;
        }
        Matcher m = CAPTION_LABEL.matcher(text);
        if (m.find()) {
            String rest = m.group(1);
            if (m.group().startsWith("(") && rest.endsWith(")")) {
                rest = rest.substring(0, rest.length() - 1);
            }
            return cleanCredit(rest);
        }
        return Optional.empty();
    }

    /** A credit as downstream users read it: label, parentheses, emphasis marks, trailing dot and year removed. */
    static Optional<String> cleanCredit(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.replaceAll("[*_`]+", " ").replaceAll("\\s+", " ").strip();
        for (int i = 0; i < 3; i++) {
            String before = s;
            if (s.startsWith("(") && s.endsWith(")") && s.indexOf('(', 1) < 0) {
                s = s.substring(1, s.length() - 1).strip();
            }
            s = LABEL.matcher(s).replaceFirst("");
            s = YEAR.matcher(s).replaceAll("");
            s = s.replaceAll("[\\s.,;:]+$", "").replaceAll("^[\\s,;:|/]+", "").strip();
            if (s.equals(before)) {
                break;
            }
        }
        if (s.isEmpty() || s.length() > MAX_CREDIT_LENGTH || s.matches("(?i)^https?://.*") || !s.matches(".*\\p{L}.*")) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** 1–6 capitalised words with name particles, possibly several names joined by '/', ',' or "and". */
    private static boolean looksLikeNames(String text) {
        String[] words = text.strip().split("\\s+");
        int names = 0;
        for (String w : words) {
            if (w.isEmpty() || w.equals("/") || w.equals("|") || w.equals(",")) {
                continue;
            }
            String bare = w.replaceAll("^[(\"“]+|[),\"”]+$", "");
            if (bare.isEmpty()) {
                continue;
            }
            if (PARTICLES.contains(bare.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (!Character.isUpperCase(bare.codePointAt(0))) {
                return false;
            }
            names++;
        }
        return names >= 1 && names <= 6;
    }

    private Boilerplate() {
    }
}
