package io.newsflow.producer.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.avro.RawArticle;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Articles as JSON records: a {@code .json} file holds one record, an array of them, or an object
 * with an {@code articles} (or {@code items}) array; a {@code .jsonl} file holds one record per
 * line. The fields of a record (unknown ones are ignored):
 * <pre>
 * url          the article's URL (canonicalised; tracking parameters dropped)      alias: link
 * title        the headline (derived from the body when missing)                   alias: headline
 * authors      ["Jane Doe", ...] or "Jane Doe and John Roe" (or [{"name": ...}])   alias: author
 * publishedAt  a date in any form {@link PublicationDates} reads, or epoch millis   aliases: published_at, datePublished, date
 * credits      photo/media credits ["Jane Doe / AFP", ...] or one string              alias: credit
 * outlet       the publication ("Meduza")                                          aliases: site, publisher
 * language     ISO 639-1 code or language tag ("en", "en-US"); detected when absent alias: lang
 * body | text  plain text, paragraphs separated by blank lines
 * html         the article as HTML, read like a page                               alias: content (text or HTML)
 * </pre>
 * A malformed line or record is reported with its line; the rest of the file goes on.
 */
public final class JsonArticles {
    private static final Logger LOG = LoggerFactory.getLogger(JsonArticles.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonArticles() {
    }

    /** One record per line; blank lines and lines starting with {@code //} are skipped. */
    static void readLines(byte[] content, String source, ArticleFileParser context, ArticleSink sink) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.stripLeading().startsWith("//")) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    sink.reject(new ArticleParseException(source, number, "malformed JSON: " + e.getOriginalMessage(), e));
                    continue;
                }
                emit(node, source, number, null, context, sink);
            }
        }
    }

    /** A record, an array of records, or {"articles": [...]}. */
    static void readDocument(byte[] content, String source, ArticleFileParser context, ArticleSink sink) throws IOException {
        try (JsonParser parser = JSON.createParser(content)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                sink.reject(new ArticleParseException(source, "empty file: no JSON records"));
                return;
            }
            if (token == JsonToken.START_ARRAY) {
                int index = 0;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                    index++;
                    int line = parser.currentTokenLocation().getLineNr();
                    emit(JSON.readTree(parser), source, line, "record " + index, context, sink);
                }
                return;
            }
            int line = parser.currentTokenLocation().getLineNr();
            JsonNode node = JSON.readTree(parser);
            JsonNode list = node.isObject() ? (node.has("articles") ? node.get("articles") : node.get("items")) : null;
            if (list != null && list.isArray() && !hasBody(node)) {
                int index = 0;
                for (JsonNode record : list) {
                    emit(record, source, 0, "record " + ++index, context, sink);
                }
            } else {
                emit(node, source, line, null, context, sink);
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            sink.reject(new ArticleParseException(source, Math.max(line, 0), "malformed JSON: " + e.getOriginalMessage(), e));
        }
    }

    private static void emit(JsonNode node, String source, int line, String item, ArticleFileParser context, ArticleSink sink) {
        try {
            sink.accept(fromRecord(node, source, line, item, context));
        } catch (ArticleParseException e) {
            sink.reject(e);
        }
    }

    /** One record → one article; a record without a body, or with a field of the wrong type, is an error. */
    static RawArticle fromRecord(JsonNode node, String source, int line, String item, ArticleFileParser context)
            throws ArticleParseException {
        ArticleFields fields = new ArticleFields(source);
        fields.line = line;
        fields.item = item;
        if (node == null || !node.isObject()) {
            throw fields.error("expected a JSON object with the article's fields, found " + kind(node));
        }
        fields.url = string(node, fields, "url", "link");
        fields.title = string(node, fields, "title", "headline");
        JsonNode authors = field(node, "authors", "author");
        if (authors != null) {
            addAuthors(authors, fields);
        }
        JsonNode credits = field(node, "credits", "credit");
        if (credits != null && !credits.isNull()) {
            addCredits(credits, fields);
        }
        JsonNode date = field(node, "publishedAt", "published_at", "datePublished", "date");
        if (date != null && !date.isNull()) {
            fields.publishedAt = date(date, fields);
        }
        JsonNode outlet = field(node, "outlet", "site", "publisher");
        if (outlet != null && outlet.isObject()) {
            outlet = outlet.get("name");
        }
        fields.outlet = outlet == null || outlet.isNull() ? null : outlet.asText();
        fields.language = string(node, fields, "language", "lang");
        String text = string(node, fields, "body", "text");
        String html = string(node, fields, "html");
        String content = string(node, fields, "content");
        if (text == null && html == null && content != null) {
            if (HtmlArticles.looksLikeHtml(content)) {
                html = content;
            } else {
                text = content;
            }
        }
        if (text != null && !text.isBlank()) {
            fields.paragraphs.addAll(List.of(text.replace("\r\n", "\n").split("\\n\\s*\\n")));
        } else if (html != null && !html.isBlank()) {
            HtmlArticles.addFragment(html, fields);
        } else {
            throw fields.error("no article body: give 'body', 'text' or 'html'");
        }
        return fields.build(context);
    }

    /** "credits": ["Jane Doe / AFP", ...], a string, or [{"name": ...}]. */
    private static void addCredits(JsonNode credits, ArticleFields fields) throws ArticleParseException {
        if (credits.isArray()) {
            for (JsonNode c : credits) {
                if (!c.isNull()) {
                    addCredits(c, fields);
                }
            }
        } else if (credits.isObject() && credits.hasNonNull("name")) {
            fields.credits.add(credits.get("name").asText());
        } else if (credits.isTextual()) {
            fields.credits.add(credits.asText());
        } else {
            throw fields.error("field 'credits' must be a list of credits or a string, found " + kind(credits));
        }
    }

    private static void addAuthors(JsonNode authors, ArticleFields fields) throws ArticleParseException {
        if (authors.isNull()) {
            return;
        }
        if (authors.isArray()) {
            for (JsonNode a : authors) {
                addAuthors(a, fields);
            }
        } else if (authors.isObject()) {
            if (authors.hasNonNull("name")) {
                fields.authors.add(authors.get("name").asText());
            }
        } else if (authors.isTextual()) {
            String names = authors.asText().strip();
            Optional<List<String>> parsed = Bylines.parse("By " + names.replaceFirst("(?i)^by\\s+", ""));
            if (parsed.isPresent()) {
                fields.authors.addAll(parsed.get());
            } else if (!names.isEmpty()) {
                fields.authors.add(names);
            }
        } else {
            throw fields.error("field 'authors' must be a list of names or a string, found " + kind(authors));
        }
    }

    private static Instant date(JsonNode date, ArticleFields fields) throws ArticleParseException {
        if (date.isNumber()) {
            long value = date.asLong();
            return Instant.ofEpochMilli(Math.abs(value) < 100_000_000_000L ? value * 1000 : value);
        }
        if (!date.isTextual()) {
            throw fields.error("field 'publishedAt' must be a date string or epoch milliseconds, found " + kind(date));
        }
        PublicationDates.Result result = PublicationDates.parseLine(date.asText());
        if (result.kind() == PublicationDates.Kind.DATE) {
            return result.instant();
        }
        LOG.warn("{}: publishedAt '{}' is not a date this reader knows{}; publishedAt left empty",
                fields.source + (fields.line > 0 ? ":" + fields.line : "") + (fields.item == null ? "" : " " + fields.item),
                date.asText(), result.problem() == null ? "" : " (" + result.problem() + ")");
        return null;
    }

    private static JsonNode field(JsonNode node, String... names) {
        for (String name : names) {
            if (node.has(name)) {
                return node.get(name);
            }
        }
        return null;
    }

    private static String string(JsonNode node, ArticleFields fields, String... names) throws ArticleParseException {
        JsonNode value = field(node, names);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode() || value.isBinary()) {
            throw fields.error("field '" + names[0] + "' must be a string, found " + kind(value));
        }
        return value.asText();
    }

    private static boolean hasBody(JsonNode node) {
        return node.has("body") || node.has("text") || node.has("html") || node.has("content");
    }

    private static String kind(JsonNode node) {
        if (node == null) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
