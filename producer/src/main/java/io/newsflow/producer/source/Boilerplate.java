package io.newsflow.producer.source;

import java.util.List;
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

    /** Whole-paragraph patterns (matched against the entire paragraph). */
    private static final List<Pattern> PARAGRAPHS = List.of(
            Pattern.compile("^(?:related|related articles?|related stories|related story|related content|"
                    + "read more|read also|also read|see also|more on this(?: story)?|recommended|you may also like|"
                    + "more from [\\p{L} ]{1,40}|most read|trending|latest news)\\s*:.*", FLAGS),
            // photo credits: "Photo: Reuters", "Image credit: ...", "Photograph by ...", "© AFP", "AFP via Getty Images"
            Pattern.compile("^\\(?(?:photos?|photographs?|images?|pictures?|video|illustrations?|graphics?|footage|"
                    + "cover photo|main photo|top photo|header image)(?:\\s+credits?)?\\s*(?::|by\\b|courtesy(?: of)?\\b)"
                    + "[^\\n]{1,150}$", FLAGS),
            Pattern.compile("^(?:credits?|photo credits?|image credits?)\\s*:[^\\n]{1,150}$", FLAGS),
            Pattern.compile("^(?:©|\\(c\\)|copyright\\s)[^\\n]{1,150}$", FLAGS),
            Pattern.compile("^\\(?" + AGENCIES + "(?:\\s*(?:/|via)\\s*" + AGENCIES + ")?(?:\\s+photo)?\\)?\\.?$", FLAGS),
            Pattern.compile("^[^\\n]{1,150}\\s[/|]\\s*" + AGENCIES + "(?:\\s+via\\s+getty images)?\\.?$", FLAGS),
            // page furniture left as text
            Pattern.compile("^(?:advertisement|advertising|sponsored(?: content)?|share(?: this)?(?: article| story)?|"
                    + "tweet|copy link|print|comments?|skip to (?:main )?content|close)\\s*$", FLAGS));

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

    private Boilerplate() {
    }
}
