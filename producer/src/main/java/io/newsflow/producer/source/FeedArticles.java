package io.newsflow.producer.source;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsflow.avro.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RSS (0.9x, 1.0, 2.0) and Atom feeds, read with Rome: one article per item. The item's link is
 * the article URL (relative links resolved against the feed), its full content
 * ({@code content:encoded}, Atom {@code content}) or else its description/summary is the body,
 * {@code author}/{@code dc:creator} the authors, {@code pubDate}/{@code published} (or
 * {@code updated}) the date, the feed's title the outlet. DOCTYPEs are refused, so a feed cannot
 * make the parser read local files or URLs (XXE). An item that cannot be read is reported by its
 * number and title; the others go on. A feed that is not well-formed XML is reported with its line.
 */
public final class FeedArticles {
    private static final long MIN_FEED_LIMIT = 64L << 20;
    /** RSS {@code author} is an e-mail address, often with the name in parentheses: "jd@x.org (Jane Doe)". */
    private static final Pattern EMAIL_WITH_NAME = Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)$");

    private FeedArticles() {
    }

    /** The largest feed document read. */
    public static long maxFeedBytes(long maxArticleBytes) {
        return Math.max(MIN_FEED_LIMIT, maxArticleBytes);
    }

    /** Whether these first bytes look like an RSS or Atom document rather than an HTML page. */
    static boolean looksLikeFeed(String head) {
        String lower = head.toLowerCase(Locale.ROOT);
        return lower.contains("<rss") || lower.contains("<feed") || lower.contains("<rdf:rdf") || lower.contains("<channel");
    }

    /**
     * Reads every item of the feed in {@code xml} into {@code sink}.
     *
     * @param feedUrl the URL the feed was fetched from, or null for a file
     */
    static void read(byte[] xml, String source, String feedUrl, ArticleFileParser context, ArticleSink sink) {
        long limit = maxFeedBytes(context.maxBytes());
        if (xml.length > limit) {
            sink.reject(ArticleFileParser.tooLarge(source, xml.length, limit));
            return;
        }
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new XmlReader(new ByteArrayInputStream(xml)));
        } catch (ParsingFeedException e) {
            String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            sink.reject(new ArticleParseException(source, Math.max(e.getLineNumber(), 0), "malformed feed XML: " + reason, e));
            return;
        } catch (FeedException | IllegalArgumentException e) {
            sink.reject(new ArticleParseException(source, 0, "not an RSS or Atom feed: " + e.getMessage(), e));
            return;
        } catch (IOException e) {
            sink.reject(new ArticleParseException(source, 0, "cannot read the feed: " + e.getMessage(), e));
            return;
        }
        String base = feedUrl != null ? feedUrl : httpOrNull(feed.getLink());
        List<SyndEntry> entries = feed.getEntries();
        for (int i = 0; i < entries.size(); i++) {
            try {
                sink.accept(item(entries.get(i), i + 1, feed, base, source, context));
            } catch (ArticleParseException e) {
                sink.reject(e);
            }
        }
    }

    private static RawArticle item(SyndEntry entry, int number, SyndFeed feed, String base, String source,
                                   ArticleFileParser context) throws ArticleParseException {
        ArticleFields fields = new ArticleFields(source);
        String title = entry.getTitle() == null ? null : entry.getTitle().strip();
        fields.item = "item " + number + (title != null && !title.isEmpty() ? " ('" + abbreviate(title) + "')"
                : entry.getUri() != null ? " (" + entry.getUri() + ")" : "");
        fields.title = title;
        fields.baseUrl = base;
        fields.url = link(entry);
        fields.outlet = feed.getTitle();
        fields.declaredLanguage = feed.getLanguage();
        if (entry.getPublishedDate() != null) {
            fields.publishedAt = entry.getPublishedDate().toInstant();
        } else if (entry.getUpdatedDate() != null) {
            fields.publishedAt = entry.getUpdatedDate().toInstant();
        }
        for (SyndPerson person : entry.getAuthors()) {
            if (person.getName() != null && !person.getName().isBlank()) {
                fields.authors.add(person.getName());
            }
        }
        if (fields.authors.isEmpty() && entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            String author = entry.getAuthor().strip();
            Matcher m = EMAIL_WITH_NAME.matcher(author);
            if (m.matches()) {
                author = m.group(1);
            }
            if (!author.contains("@")) {
                Optional<List<String>> names = Bylines.parse("By " + author.replaceFirst("(?i)^by\\s+", ""));
                fields.authors.addAll(names.orElse(List.of(author)));
            }
        }
        SyndContent body = null;
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && !content.getValue().isBlank()
                    && (body == null || content.getValue().length() > body.getValue().length())) {
                body = content;
            }
        }
        SyndContent description = entry.getDescription();
        if (description != null && description.getValue() != null && !description.getValue().isBlank()
                && (body == null || description.getValue().length() > body.getValue().length())) {
            body = description;
        }
        if (body == null) {
            throw fields.error("no body: the item has neither content nor a description");
        }
        String type = body.getType() == null ? "" : body.getType().toLowerCase(Locale.ROOT);
        String value = body.getValue();
        if (type.equals("text") || type.equals("text/plain") || (!type.contains("html") && !HtmlArticles.looksLikeHtml(value))) {
            fields.paragraphs.addAll(List.of(value.replace("\r\n", "\n").split("\\n\\s*\\n")));
        } else {
            HtmlArticles.addFragment(value, fields);
        }
        return fields.build(context);
    }

    private static String link(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink().strip();
        }
        for (SyndLink link : entry.getLinks()) {
            if (link.getHref() != null && (link.getRel() == null || link.getRel().equals("alternate"))) {
                return link.getHref().strip();
            }
        }
        return httpOrNull(entry.getUri());
    }

    private static String httpOrNull(String url) {
        return url != null && url.strip().toLowerCase(Locale.ROOT).matches("^https?://.*") ? url.strip() : null;
    }

    private static String abbreviate(String title) {
        String t = title.replaceAll("\\s+", " ");
        return t.length() <= 60 ? t : t.substring(0, 57) + "...";
    }
}
