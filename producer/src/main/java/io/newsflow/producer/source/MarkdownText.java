package io.newsflow.producer.source;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown (as article exports write it) to plain text: link text kept, link targets, images,
 * emphasis and code marks removed. Square brackets that are not links stay — editors use them
 * for insertions in quotes ("[war]", "[Putin]").
 */
final class MarkdownText {
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
    /** [text](target) with one level of parentheses inside the target, and an optional title. */
    private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]]*)]\\((?:[^()]|\\([^()]*\\))*\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("\\[([^\\[\\]]+)]\\[[^\\[\\]]*]");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|mailto):[^>\\s]+)>");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern STRONG_STARS = Pattern.compile("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*");
    private static final Pattern STRONG_UNDERSCORES = Pattern.compile("(?<![\\p{L}\\p{N}_])__(?=\\S)(.+?)(?<=\\S)__(?![\\p{L}\\p{N}_])");
    private static final Pattern EM_STAR = Pattern.compile("(?<![\\p{L}\\p{N}*\\\\])\\*(?=[^\\s*])(.+?)(?<=[^\\s*\\\\])\\*(?![\\p{L}\\p{N}*])");
    private static final Pattern EM_UNDERSCORE = Pattern.compile("(?<![\\p{L}\\p{N}_\\\\])_(?=[^\\s_])(.+?)(?<=[^\\s_\\\\])_(?![\\p{L}\\p{N}_])");
    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!>~|])");
    private static final Pattern HTML_BREAK = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}(?:\\s+(.*?))?(?:\\s+#+)?\\s*$");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}(?:=+|-+)\\s*$");
    private static final Pattern RULE = Pattern.compile("^ {0,3}(?:(?:\\*\\s*){3,}|(?:-\\s*){3,}|(?:_\\s*){3,})$");
    private static final Pattern BLOCKQUOTE = Pattern.compile("^ {0,3}>\\s?");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+");

    /** Inline marks removed, whitespace collapsed, trimmed. */
    static String inline(String text) {
        String s = HTML_BREAK.matcher(text).replaceAll(" ");
        s = IMAGE.matcher(s).replaceAll("");
        s = replace(LINK, s);
        s = replace(REFERENCE_LINK, s);
        s = replace(AUTOLINK, s);
        s = replace(CODE, s);
        s = replace(STRONG_STARS, s);
        s = replace(STRONG_UNDERSCORES, s);
        s = replace(EM_STAR, s);
        s = replace(EM_UNDERSCORE, s);
        s = replace(STRIKE, s);
        s = replace(ESCAPE, s);
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    /** The text of an ATX heading ("# Title", "## Title ##"), if the line is one. */
    static Optional<String> heading(String line) {
        Matcher m = HEADING.matcher(line);
        if (!m.matches() || m.group(1) == null) {
            return Optional.empty();
        }
        return Optional.of(m.group(1));
    }

    /** "===" or "---" under a line, making it a heading. */
    static boolean isSetextUnderline(String line) {
        return SETEXT_UNDERLINE.matcher(line).matches();
    }

    static boolean isRule(String line) {
        return RULE.matcher(line).matches();
    }

    /** A line without its block marks: heading hashes, blockquote '>' and list bullets. */
    static String stripBlockMarks(String line) {
        String s = line;
        Matcher q;
        while ((q = BLOCKQUOTE.matcher(s)).find()) {
            s = s.substring(q.end());
        }
        Optional<String> heading = heading(s);
        if (heading.isPresent()) {
            return heading.get();
        }
        return BULLET.matcher(s).replaceFirst("");
    }

    static boolean isBullet(String line) {
        return BULLET.matcher(line).find() && !isRule(line);
    }

    private static String replace(Pattern pattern, String text) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }

    private MarkdownText() {
    }
}
