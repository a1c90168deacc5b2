package io.newsflow.producer.source;

import io.newsflow.avro.RawArticle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one article file (plain text or markdown, UTF-8) into a {@link RawArticle}; {@link #parse(Path)}
 * reads {@code .html}/{@code .htm} files as web pages (see {@link HtmlArticles}). The body's
 * language is detected ({@link Languages}).
 *
 * <p>The layout it understands is the one article exports use:
 * <pre>
 * # Title                         first heading (or, without one, a short first line)
 * By [Name](#), Name and Name     byline → authors
 * December 29, 2023               date line → publishedAt (UTC when no zone is given)
 * ...paragraphs...                body: markdown links → their text, emphasis marks removed,
 *                                 "Related article:" lines dropped, paragraphs kept whole;
 *                                 photo credits and captions' credit lines dropped, their
 *                                 credit kept → credits ("Jane Doe / AFP")
 * Original url:                   footer → url, canonicalised
 * &lt;https://...&gt;
 * </pre>
 * The byline and date are looked for only in the header, before the first body paragraph.
 * The id is {@link ArticleIds#fromUrl} of the canonical URL, or {@link ArticleIds#fromContent}
 * of the body when the file has no URL. An article without a heading gets its first sentence as
 * title. Files that are unreadable, binary, not UTF-8, over {@link #maxBytes()} or without a body
 * fail with an {@link ArticleParseException} naming the file and, where it applies, the line.
 *
 * <p>Thread-safe; build it once and reuse it.
 */
public final class ArticleFileParser {
    /**
     * Default size limit of one article's text: what the pipeline carries (512 KiB; the enriched
     * record repeats the article and must still fit in Kafka's default 1 MiB record).
     */
    public static final long DEFAULT_MAX_BYTES = io.newsflow.schemas.serde.RecordSizes.MAX_ARTICLE_BYTES;

    private static final Logger LOG = LoggerFactory.getLogger(ArticleFileParser.class);
    private static final Pattern ORIGINAL_URL = Pattern.compile(
            "^\\s*(?:\\*\\*|__)?\\s*original\\s+url\\s*:?\\s*(?:\\*\\*|__)?\\s*:?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANGLE_URL = Pattern.compile("<(https?://[^>\\s]+)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK_URL = Pattern.compile("\\]\\((https?://[^)\\s]+)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_URL = Pattern.compile("https?://[^\\s<>\"\\[\\]()]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_SEPARATORS = Pattern.compile("\\s+[|·•—–]\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"”’)]?(?=\\s+[\\p{Lu}\"“‘(\\d]|$)");
    private static final int MAX_TITLE_LENGTH = 200;
    private static final int DERIVED_TITLE_LENGTH = 120;

    private final long maxBytes;
    private final Clock clock;

    public ArticleFileParser() {
        this(DEFAULT_MAX_BYTES, Clock.systemUTC());
    }

    /**
     * @param maxBytes the largest article file accepted, in bytes
     * @param clock    source of {@code ingestedAt}
     */
    public ArticleFileParser(long maxBytes, Clock clock) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The ingestion time for an article read now, to the millisecond. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Whether {@link #parse(Path)} reads {@code file} as an HTML page rather than as text. */
    static boolean isHtml(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml");
    }

    /** Reads and parses a file; the article's {@code source} is the path as given. */
    public RawArticle parse(Path file) throws ArticleParseException {
        String source = file.toString();
        if (isHtml(source)) {
            return HtmlArticles.parse(readFile(file, HtmlArticles.maxPageBytes(maxBytes)), null, null, source, this);
        }
        return parse(readFile(file, maxBytes), source);
    }

    /** The bytes of {@code file}, or an error naming it: missing, unreadable, a directory, over {@code limit}. */
    static byte[] readFile(Path file, long limit) throws ArticleParseException {
        String source = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw new ArticleParseException(source, "is a directory, not an article file");
            }
            long size = Files.size(file);
            if (size > limit) {
                throw tooLarge(source, size, limit);
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ArticleParseException(source, 0, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new ArticleParseException(source, 0, "cannot read: permission denied", e);
        } catch (IOException e) {
            throw new ArticleParseException(source, 0, "cannot read: " + e, e);
        }
    }

    /** Parses the bytes of an article file (UTF-8, optionally with a BOM) read from {@code source}. */
    public RawArticle parse(byte[] content, String source) throws ArticleParseException {
        if (content.length > maxBytes) {
            throw tooLarge(source, content.length);
        }
        for (int i = 0; i < content.length; i++) {
            if (content[i] == 0) {
                throw new ArticleParseException(source, lineOf(content, i),
                        "binary content (NUL byte at offset " + i + "), not a text article");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            throw new ArticleParseException(source, lineOf(content, at), String.format(
                    "not valid UTF-8 (byte 0x%02x at offset %d); save the file as UTF-8", content[at] & 0xff, at));
        }
        out.flip();
        return parseText(out.toString(), source);
    }

    /** Parses article text already decoded. */
    public RawArticle parseText(String text, String source) throws ArticleParseException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        if (text.isBlank()) {
            throw new ArticleParseException(source, "empty file: no article body");
        }

        int footer = lines.length;
        String url = null;
        for (int i = lines.length - 1; i >= 0; i--) {
            Matcher m = ORIGINAL_URL.matcher(lines[i]);
            if (m.matches()) {
                footer = i;
                url = footerUrl(lines, i, m.group(1), source);
                break;
            }
        }

        List<List<Line>> blocks = blocks(lines, footer);
        String title = null;
        List<String> authors = List.of();
        Instant publishedAt = null;
        List<String> paragraphs = new ArrayList<>();
        java.util.Set<String> credits = new java.util.LinkedHashSet<>();
        boolean inHeader = true;
        for (int b = 0; b < blocks.size(); b++) {
            List<Line> block = blocks.get(b);
            int k = 0;
            if (inHeader) {
                while (k < block.size()) {
                    Line line = block.get(k);
                    if (title == null && k + 1 < block.size() && MarkdownText.isSetextUnderline(block.get(k + 1).text)
                            && MarkdownText.heading(line.text).isEmpty()) {
                        title = MarkdownText.inline(line.text);
                        k += 2;
                        continue;
                    }
                    Optional<String> heading = MarkdownText.heading(line.text);
                    if (title == null && heading.isPresent()) {
                        title = MarkdownText.inline(heading.get());
                        k++;
                        continue;
                    }
                    if (MarkdownText.isRule(line.text)) {
                        k++;
                        continue;
                    }
                    String clean = MarkdownText.inline(line.text);
                    Meta meta = meta(clean);
                    if (meta != null) {
                        if (authors.isEmpty() && meta.authors != null) {
                            authors = meta.authors;
                        }
                        if (meta.date != null) {
                            if (meta.date.kind() == PublicationDates.Kind.DATE && publishedAt == null) {
                                publishedAt = meta.date.instant();
                            } else if (meta.date.kind() == PublicationDates.Kind.INVALID) {
                                LOG.warn("{}:{}: date line '{}' names no real date ({}); publishedAt left empty",
                                        source, line.number, clean, meta.date.problem());
                            }
                        }
                        k++;
                        continue;
                    }
                    if (title == null && k == block.size() - 1 && b < blocks.size() - 1 && plausibleTitle(clean)) {
                        title = clean;
                        k++;
                        continue;
                    }
                    break;
                }
                if (k >= block.size()) {
                    continue;
                }
                inHeader = false;
            }
            String paragraph = paragraph(block.subList(k, block.size()));
            if (paragraph.isEmpty()) {
                continue;
            }
            if (Boilerplate.isBoilerplate(paragraph)) {
                Boilerplate.credit(paragraph).ifPresent(credits::add);
            } else {
                paragraphs.add(paragraph);
            }
        }

        if (paragraphs.isEmpty()) {
            throw new ArticleParseException(source,
                    "no article body (nothing left after the title, byline, date and footer)");
        }
        String body = String.join("\n\n", paragraphs);
        if (title == null || title.isEmpty()) {
            title = derivedTitle(paragraphs.get(0));
        }
        return RawArticle.newBuilder()
                .setId(url != null ? ArticleIds.fromUrl(url) : ArticleIds.fromContent(body))
                .setUrl(url)
                .setTitle(title)
                .setAuthors(authors)
                .setCredits(List.copyOf(credits))
                .setPublishedAt(publishedAt)
                .setIngestedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .setSource(source)
                .setLanguage(Languages.detect(body).orElse(null))
                .setBody(body)
                .build();
    }

    private record Line(int number, String text) {
    }

    private record Meta(List<String> authors, PublicationDates.Result date) {
    }

    /** Byline and/or date, possibly on one line ("By X | December 29, 2023"); null when the line is neither. */
    private static Meta meta(String clean) {
        List<String> authors = null;
        PublicationDates.Result date = null;
        for (String part : META_SEPARATORS.split(clean)) {
            Optional<List<String>> byline = Bylines.parse(part);
            if (byline.isPresent() && authors == null) {
                authors = byline.get();
                continue;
            }
            PublicationDates.Result d = PublicationDates.parseLine(part);
            if (d.kind() != PublicationDates.Kind.NOT_A_DATE && date == null) {
                date = d;
                continue;
            }
            return null;
        }
        return authors == null && date == null ? null : new Meta(authors, date);
    }

    private static List<List<Line>> blocks(String[] lines, int end) {
        List<List<Line>> blocks = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            if (lines[i].isBlank()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(new Line(i + 1, lines[i]));
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    /** One paragraph of plain text: wrapped lines joined with spaces, list items one per line. */
    private static String paragraph(List<Line> lines) {
        List<StringBuilder> items = new ArrayList<>();
        for (Line line : lines) {
            if (MarkdownText.isRule(line.text)) {
                continue;
            }
            String text = MarkdownText.stripBlockMarks(line.text);
            if (items.isEmpty() || MarkdownText.isBullet(line.text)) {
                items.add(new StringBuilder(text));
            } else {
                items.get(items.size() - 1).append(' ').append(text);
            }
        }
        List<String> cleaned = new ArrayList<>();
        for (StringBuilder item : items) {
            String clean = MarkdownText.inline(item.toString());
            if (!clean.isEmpty()) {
                cleaned.add(clean);
            }
        }
        return String.join("\n", cleaned);
    }

    private static boolean plausibleTitle(String line) {
        if (line.length() < 3 || line.length() > MAX_TITLE_LENGTH) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        return last != '.' && last != ',' && last != ';' && last != ':';
    }

    static String derivedTitle(String paragraph) {
        String first = paragraph.lines().findFirst().orElse(paragraph);
        Matcher m = SENTENCE_END.matcher(first);
        while (m.find()) {
            if (m.end() >= 20) {
                first = first.substring(0, m.end());
                break;
            }
        }
        first = first.replaceFirst("\\.$", "");
        if (first.length() <= DERIVED_TITLE_LENGTH) {
            return first;
        }
        int cut = first.lastIndexOf(' ', DERIVED_TITLE_LENGTH - 1);
        return first.substring(0, cut > 40 ? cut : DERIVED_TITLE_LENGTH - 1).stripTrailing() + "…";
    }

    private static String footerUrl(String[] lines, int at, String rest, String source) throws ArticleParseException {
        int urlLine = at;
        String candidate = rest;
        if (candidate.isBlank()) {
            for (int j = at + 1; j < lines.length; j++) {
                if (!lines[j].isBlank()) {
                    urlLine = j;
                    candidate = lines[j];
                    break;
                }
            }
        }
        String raw = null;
        for (Pattern p : new Pattern[] {ANGLE_URL, LINK_URL, BARE_URL}) {
            Matcher m = p.matcher(candidate);
            if (m.find()) {
                raw = m.groupCount() > 0 ? m.group(1) : m.group();
                break;
            }
        }
        if (raw == null) {
            throw new ArticleParseException(source, urlLine + 1, "'Original url:' is not followed by an http(s) URL");
        }
        try {
            return UrlCanonicalizer.canonicalize(raw);
        } catch (IllegalArgumentException e) {
            throw new ArticleParseException(source, urlLine + 1, "bad 'Original url:' " + e.getMessage(), e);
        }
    }

    private ArticleParseException tooLarge(String source, long size) {
        return tooLarge(source, size, maxBytes);
    }

    static ArticleParseException tooLarge(String source, long size, long limit) {
        return new ArticleParseException(source, "article is " + size + " bytes, over the limit of " + limit + " bytes");
    }

    private static int lineOf(byte[] content, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
