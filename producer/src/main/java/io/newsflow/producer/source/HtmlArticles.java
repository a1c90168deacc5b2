package io.newsflow.producer.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.avro.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Main-text extraction from news pages (jsoup). Metadata comes from what sites publish for
 * search engines and social cards, strongest first: schema.org JSON-LD ({@code NewsArticle}),
 * Open Graph / {@code article:*} meta tags, other meta tags, then the page itself ({@code <h1>},
 * {@code <time>}, a "By ..." byline). The body is the text of the article's block elements
 * (paragraphs, sub-headings, list items, quotes) inside the element that holds the article —
 * {@code [itemprop=articleBody]}, the single {@code <article>}, or else the element with the most
 * paragraph text — after page furniture is removed: scripts, navigation, header/footer, asides,
 * figures and captions (their photo credits kept in {@code credits}), forms, and elements whose class or id names related links,
 * sharing, newsletters, donations, ads, comments. Link lists (blocks that are mostly link text) and
 * boilerplate paragraphs ({@link Boilerplate}) are dropped too.
 */
public final class HtmlArticles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MIN_PAGE_LIMIT = 16L << 20;
    private static final String FURNITURE = "script, style, noscript, template, iframe, object, embed, svg, canvas, "
            + "form, button, input, select, textarea, nav, footer, aside, figure, figcaption, picture, video, "
            + "audio, dialog, menu, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], "
            + "[role=dialog], [aria-hidden=true], [hidden], .sr-only, .visually-hidden";
    private static final String BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre, dd";
    /** Parts of class and id names (split at '-', '_', camel humps) that mark furniture. */
    private static final Set<String> FURNITURE_WORDS = Set.of(
            "related", "share", "sharing", "social", "newsletter", "newsletters", "subscribe", "subscription",
            "signup", "donate", "donation", "donations", "support", "promo", "promotion", "advert", "advertisement",
            "ad", "ads", "adslot", "sponsor", "sponsored", "comment", "comments", "breadcrumb", "breadcrumbs",
            "cookie", "cookies", "consent", "sidebar", "menu", "navbar", "nav", "footer", "caption", "credit",
            "credits", "byline", "tags", "recommended", "recommendations", "outbrain", "taboola", "paywall",
            "popular", "trending", "toolbar", "modal", "popup", "banner", "teaser", "teasers", "readmore", "more");
    private static final Pattern WORD_SPLIT = Pattern.compile("[-_\\s]+|(?<=[a-z])(?=[A-Z])");
    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
            "analysisnewsarticle", "backgroundnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "blogposting",
            "liveblogposting", "webpage", "report", "socialmediaposting");

    private HtmlArticles() {
    }

    /** The largest HTML page read for an article limit of {@code maxArticleBytes}: pages carry far more than their text. */
    public static long maxPageBytes(long maxArticleBytes) {
        return Math.max(MIN_PAGE_LIMIT, maxArticleBytes);
    }

    /**
     * Reads one news page.
     *
     * @param charset the charset the server declared, or null to detect it (BOM, {@code <meta charset>}, else UTF-8)
     * @param pageUrl the URL the page was fetched from (resolves relative links; the article's URL
     *                when the page names no canonical one), or null for a file
     */
    static RawArticle parse(byte[] html, String charset, String pageUrl, String source, ArticleFileParser context)
            throws ArticleParseException {
        long limit = maxPageBytes(context.maxBytes());
        if (html.length > limit) {
            throw ArticleFileParser.tooLarge(source, html.length, limit);
        }
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(html), charset, pageUrl == null ? "" : pageUrl);
        } catch (IOException | RuntimeException e) {
            throw new ArticleParseException(source, 0, "cannot read as HTML: " + e.getMessage(), e);
        }
        ArticleFields fields = new ArticleFields(source);
        fields.baseUrl = pageUrl;
        extract(doc, fields);
        if (fields.url == null) {
            fields.url = pageUrl;
        }
        return fields.build(context);
    }

    /** The paragraphs and picture credits of an HTML fragment (a feed item's content, a JSON record's {@code html}) into {@code fields}. */
    static void addFragment(String html, ArticleFields fields) {
        fields.paragraphs.addAll(bodyParagraphs(Jsoup.parseBodyFragment(html), fields.credits));
    }

    /** Whether {@code text} looks like markup rather than plain text. */
    static boolean looksLikeHtml(String text) {
        return Pattern.compile("<(?:p|div|br|span|a|em|strong|b|i|ul|ol|li|h[1-6]|img|figure|blockquote|article|section|"
                + "html|body|table)\\b[^>]*>", Pattern.CASE_INSENSITIVE).matcher(text).find();
    }

    static void extract(Document doc, ArticleFields fields) {
        Optional<JsonNode> ld = jsonLdArticle(doc);
        // title
        fields.title = first(
                ld.map(n -> text(n.get("headline"))).orElse(null),
                meta(doc, "property", "og:title"), meta(doc, "name", "twitter:title"), meta(doc, "name", "title"),
                textOf(doc.selectFirst("article h1, main h1, h1")), siteTrimmed(doc.title(), doc));
        // canonical URL
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        fields.url = first(canonical == null ? null : canonical.attr("abs:href").isEmpty() ? canonical.attr("href") : canonical.attr("abs:href"),
                meta(doc, "property", "og:url"), ld.map(n -> text(n.get("url"))).orElse(null));
        // outlet
        fields.outlet = first(meta(doc, "property", "og:site_name"),
                ld.map(n -> name(n.get("publisher"))).orElse(null),
                meta(doc, "name", "application-name"), meta(doc, "name", "publisher"));
        // publication date
        fields.publishedAt = firstDate(
                ld.map(n -> text(n.get("datePublished"))).orElse(null),
                meta(doc, "property", "article:published_time"), meta(doc, "property", "og:published_time"),
                meta(doc, "itemprop", "datePublished"), meta(doc, "name", "pubdate"), meta(doc, "name", "publishdate"),
                meta(doc, "name", "publish-date"), meta(doc, "name", "date"), meta(doc, "name", "dc.date.issued"),
                meta(doc, "name", "dc.date"), meta(doc, "name", "DC.date.issued"), meta(doc, "name", "sailthru.date"),
                attr(doc.selectFirst("[itemprop=datePublished][datetime], [itemprop=datePublished][content]"), "datetime", "content"),
                attr(doc.selectFirst("article time[datetime], time[pubdate][datetime], time[datetime]"), "datetime"),
                textOf(doc.selectFirst("article time, time")));
        // authors
        List<String> authors = new ArrayList<>();
        ld.ifPresent(n -> names(n.get("author"), authors));
        if (authors.isEmpty()) {
            for (Element m : doc.select("meta[name=author][content], meta[property=article:author][content], "
                    + "meta[name=byl][content], meta[name=parsely-author][content]")) {
                String content = m.attr("content").strip();
                if (!content.isEmpty() && !content.matches("(?i)^https?://.*")) {
                    authors.addAll(Bylines.parse("By " + content.replaceFirst("(?i)^by\\s+", ""))
                            .orElse(List.of(content)));
                }
            }
        }
        if (authors.isEmpty()) {
            for (Element e : doc.select("[itemprop=author] [itemprop=name], [rel=author], [itemprop=author]")) {
                if (!e.text().isBlank()) {
                    authors.add(e.text());
                }
            }
        }
        if (authors.isEmpty()) {
            for (Element e : doc.select(".byline, .author, [class*=byline], [class*=author-name]")) {
                Optional<List<String>> byline = Bylines.parse(e.text());
                if (byline.isPresent()) {
                    authors.addAll(byline.get());
                    break;
                }
            }
        }
        fields.authors.addAll(authors);
        // language as the page declares it (detection on the body comes first)
        fields.declaredLanguage = first(doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("lang"),
                meta(doc, "http-equiv", "content-language"), meta(doc, "property", "og:locale"),
                ld.map(n -> text(n.get("inLanguage"))).orElse(null));
        // body
        fields.paragraphs.addAll(bodyParagraphs(doc, fields.credits));
        if (fields.paragraphs.isEmpty()) {
            ld.map(n -> text(n.get("articleBody"))).ifPresent(b -> fields.paragraphs.addAll(List.of(b.split("\\n\\s*\\n"))));
        }
    }

    private static List<String> bodyParagraphs(Document doc, List<String> credits) {
        Element body = doc.body();
        if (body == null) {
            return List.of();
        }
        collectCredits(body, credits);
        body.select(FURNITURE).remove();
        for (Element header : body.select("header")) {
            if (header.parent() != null && header.closest("article") == null) {
                header.remove(); // the site's masthead; an article's own header keeps its standfirst
            }
        }
        removeFurnitureByName(body);
        Element root = articleRoot(body);
        List<String> paragraphs = new ArrayList<>();
        Elements blocks = root.select(BLOCKS);
        for (Element block : blocks) {
            if (block.select(BLOCKS).size() > 1) {
                continue; // a container of other blocks: its leaves are taken one by one
            }
            String text = block.text().strip();
            if (text.isEmpty() || isLinkList(block, text) || isMetaLine(text)) {
                continue;
            }
            paragraphs.add(text);
        }
        if (paragraphs.isEmpty()) {
            // text straight in <div>s separated by <br>: take the root's text lines
            for (String line : root.wholeText().split("\\n\\s*\\n|\\n")) {
                if (!line.isBlank()) {
                    paragraphs.add(line.strip());
                }
            }
        }
        return paragraphs;
    }

    /**
     * Credits of the article's pictures, before figures and captions are removed as furniture: the text of
     * credit elements ({@code class="credit"}, {@code itemprop=creditText|copyrightHolder}) and the credit in a
     * {@code <figcaption>} or caption element without one ({@link Boilerplate#captionCredit}). Pictures in
     * navigation, asides, footers and related-article blocks are not the article's.
     */
    private static void collectCredits(Element body, List<String> credits) {
        for (Element e : body.getAllElements()) {
            if (e == body) {
                continue;
            }
            boolean credit = isCreditElement(e);
            boolean caption = !credit && (e.tagName().equals("figcaption") || namesAny(e.className(), CAPTION_WORDS)
                    || namesAny(e.id(), CAPTION_WORDS) || e.attr("itemprop").equalsIgnoreCase("caption"));
            if (!credit && !caption || notTheArticles(e)) {
                continue;
            }
            if (credit) {
                boolean nested = false;
                for (Element a : e.parents()) {
                    nested |= isCreditElement(a);
                }
                if (!nested) {
                    Boilerplate.cleanCredit(ArticleFields.clean(e.text())).ifPresent(credits::add);
                }
            } else {
                boolean hasCreditElement = false;
                for (Element inner : e.getAllElements()) {
                    hasCreditElement |= inner != e && isCreditElement(inner);
                }
                boolean innerCaption = false;
                for (Element inner : e.getAllElements()) {
                    innerCaption |= inner != e && (inner.tagName().equals("figcaption")
                            || namesAny(inner.className(), CAPTION_WORDS));
                }
                if (!hasCreditElement && !innerCaption) {
                    Boilerplate.captionCredit(ArticleFields.clean(e.text())).ifPresent(credits::add);
                }
            }
        }
    }

    private static final Set<String> CREDIT_WORDS = Set.of("credit", "credits", "copyright", "photographer");
    private static final Set<String> CAPTION_WORDS = Set.of("caption", "figcaption");
    private static final Set<String> FIGURE_WORDS = Set.of("caption", "figcaption", "credit", "credits", "copyright",
            "photographer", "media", "image", "figure", "photo");

    private static boolean isCreditElement(Element e) {
        String itemprop = e.attr("itemprop");
        return itemprop.equalsIgnoreCase("creditText") || itemprop.equalsIgnoreCase("copyrightHolder")
                || namesAny(e.className(), CREDIT_WORDS) || namesAny(e.id(), CREDIT_WORDS);
    }

    /** Inside navigation, an aside, a footer, the site's masthead or a block named as furniture (related, promo ...). */
    private static boolean notTheArticles(Element e) {
        for (Element a : e.parents()) {
            String tag = a.tagName();
            if (tag.equals("nav") || tag.equals("aside") || tag.equals("footer") || tag.equals("menu")
                    || tag.equals("header") && a.closest("article") == null
                    || a.attr("role").matches("(?i)navigation|complementary|banner|contentinfo")) {
                return true;
            }
            if (tag.equals("article") || tag.equals("main") || a.attr("itemprop").equals("articleBody")) {
                continue;
            }
            if (namesFurnitureBesides(a.className()) || namesFurnitureBesides(a.id())) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesFurnitureBesides(String names) {
        if (names == null || names.isBlank()) {
            return false;
        }
        for (String token : names.split("\\s+")) {
            for (String word : WORD_SPLIT.split(token)) {
                String w = word.toLowerCase(Locale.ROOT);
                if (FURNITURE_WORDS.contains(w) && !FIGURE_WORDS.contains(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean namesAny(String names, Set<String> words) {
        if (names == null || names.isBlank()) {
            return false;
        }
        for (String token : names.split("\\s+")) {
            for (String word : WORD_SPLIT.split(token)) {
                if (words.contains(word.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void removeFurnitureByName(Element body) {
        List<Element> doomed = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e == body || e.tagName().equals("article") || e.tagName().equals("main")
                    || e.hasAttr("itemprop") && e.attr("itemprop").equals("articleBody")) {
                continue;
            }
            if (namesFurniture(e.className()) || namesFurniture(e.id())) {
                if (e.selectFirst("[itemprop=articleBody], article, main") == null) {
                    doomed.add(e);
                }
            }
        }
        for (Element e : doomed) {
            e.remove();
        }
    }

    private static boolean namesFurniture(String names) {
        if (names == null || names.isBlank()) {
            return false;
        }
        for (String token : names.split("\\s+")) {
            for (String word : WORD_SPLIT.split(token)) {
                if (FURNITURE_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** [itemprop=articleBody]; else the one {@code <article>}; else the element with the most paragraph text. */
    private static Element articleRoot(Element body) {
        Element marked = body.selectFirst("[itemprop=articleBody]");
        if (marked != null) {
            return marked;
        }
        Elements articles = body.select("article");
        if (articles.size() == 1 && paragraphText(articles.first()) > 0) {
            return articles.first();
        }
        Element best = body;
        double bestScore = 0;
        java.util.Map<Element, Double> scores = new java.util.IdentityHashMap<>();
        for (Element p : body.select("p")) {
            int length = p.text().length();
            if (length < 25) {
                continue;
            }
            Element parent = p.parent();
            if (parent != null) {
                scores.merge(parent, (double) length, Double::sum);
                Element grand = parent.parent();
                if (grand != null) {
                    scores.merge(grand, length / 2.0, Double::sum);
                }
            }
        }
        for (var entry : scores.entrySet()) {
            if (entry.getValue() > bestScore) {
                bestScore = entry.getValue();
                best = entry.getKey();
            }
        }
        return best;
    }

    private static int paragraphText(Element e) {
        int total = 0;
        for (Element p : e.select("p")) {
            total += p.text().length();
        }
        return total;
    }

    /** A dateline or byline left in the page's text: metadata, not body. */
    private static boolean isMetaLine(String text) {
        if (text.length() > 100) {
            return false;
        }
        return PublicationDates.parseLine(text).kind() != PublicationDates.Kind.NOT_A_DATE
                || Bylines.parse(text).isPresent();
    }

    private static boolean isLinkList(Element block, String text) {
        int linked = 0;
        for (Element a : block.select("a")) {
            linked += a.text().length();
        }
        return linked > 0 && linked >= text.length() * 0.6;
    }

    private static Optional<JsonNode> jsonLdArticle(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                Optional<JsonNode> found = findArticle(JSON.readTree(script.data()));
                if (found.isPresent()) {
                    return found;
                }
            } catch (IOException | RuntimeException e) {
                // broken JSON-LD is common: the meta tags and the page still tell
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> findArticle(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                Optional<JsonNode> found = findArticle(n);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        JsonNode type = node.get("@type");
        List<String> types = new ArrayList<>();
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText().toLowerCase(Locale.ROOT)));
        } else if (type != null) {
            types.add(type.asText().toLowerCase(Locale.ROOT));
        }
        if (types.stream().anyMatch(ARTICLE_TYPES::contains) && !types.contains("webpage")) {
            return Optional.of(node);
        }
        return findArticle(node.get("@graph"));
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : text(node.get(0));
        }
        if (node.isObject()) {
            return text(node.has("@id") && !node.has("url") ? node.get("@id") : node.get("url"));
        }
        return node.asText();
    }

    private static String name(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : name(node.get(0));
        }
        if (node.isObject()) {
            return node.hasNonNull("name") ? node.get("name").asText() : null;
        }
        return node.asText();
    }

    private static void names(JsonNode node, List<String> into) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> names(n, into));
        } else {
            String name = name(node);
            if (name != null && !name.isBlank()) {
                into.add(name);
            }
        }
    }

    private static String meta(Document doc, String attribute, String value) {
        for (Element m : doc.select("meta[" + attribute + "][content]")) {
            if (m.attr(attribute).equalsIgnoreCase(value) && !m.attr("content").isBlank()) {
                return m.attr("content").strip();
            }
        }
        return null;
    }

    private static String attr(Element e, String... names) {
        if (e == null) {
            return null;
        }
        for (String name : names) {
            if (e.hasAttr(name) && !e.attr(name).isBlank()) {
                return e.attr(name);
            }
        }
        return null;
    }

    private static String textOf(Element e) {
        return e == null ? null : e.text();
    }

    /** "Title | Site" / "Title - Site" → "Title", when the tail is the site's name. */
    private static String siteTrimmed(String title, Document doc) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String site = meta(doc, "property", "og:site_name");
        if (site != null) {
            for (String sep : new String[] {" | ", " - ", " — ", " – ", " · "}) {
                if (title.endsWith(sep + site)) {
                    return title.substring(0, title.length() - sep.length() - site.length());
                }
            }
        }
        return title;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static Instant firstDate(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                Optional<Instant> date = PublicationDates.parse(v);
                if (date.isPresent()) {
                    return date.get();
                }
            }
        }
        return null;
    }
}
