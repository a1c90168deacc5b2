package io.newsflow.consumer.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.avro.CasualtyFigure;
import io.newsflow.avro.CasualtyReport;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.Entity;
import io.newsflow.avro.EntityMention;
import io.newsflow.avro.GazetteerEntry;
import io.newsflow.avro.GeoPoint;
import io.newsflow.avro.RawArticle;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

/**
 * Prints pipeline records for people and for tools.
 *
 * <p>JSON ({@link #toJson}): an Avro record as a plain JSON object — field names as in the
 * schema, unions unwrapped (not Avro's {@code {"string": ...}} encoding), timestamps as ISO-8601
 * strings, bytes as base64, enums by name. One line per record.
 *
 * <p>Text ({@link #format(Object)}): an enriched article as its title and id, then one line per
 * entity (type, name, id, coordinates for places) and per casualty figure
 * ({@code KILLED at least 4,787 — mobilized men (Mediazona and BBC)}); one compact line for the
 * records of the other topics.
 */
public final class RecordFormatter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int NAME_COLUMN_MAX = 32;

    // ---- JSON -------------------------------------------------------------------------------

    /** One line of JSON for an Avro record (SpecificRecord or GenericRecord). */
    public static String toJson(IndexedRecord record) {
        try {
            return JSON.writeValueAsString(toJsonNode(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + record.getSchema().getFullName(), e);
        }
    }

    /** An Avro record as a Jackson tree (see the class comment for the mapping). */
    public static ObjectNode toJsonNode(IndexedRecord record) {
        return (ObjectNode) node(record, record.getSchema());
    }

    private static JsonNode node(Object value, Schema schema) {
        if (value == null) {
            return NODES.nullNode();
        }
        switch (schema.getType()) {
            case UNION:
                return node(value, branch(value, schema));
            case RECORD: {
                IndexedRecord record = (IndexedRecord) value;
                ObjectNode object = NODES.objectNode();
                for (Schema.Field field : record.getSchema().getFields()) {
                    object.set(field.name(), node(record.get(field.pos()), field.schema()));
                }
                return object;
            }
            case ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (Object item : (Collection<?>) value) {
                    array.add(node(item, schema.getElementType()));
                }
                return array;
            }
            case MAP: {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    object.set(e.getKey().toString(), node(e.getValue(), schema.getValueType()));
                }
                return object;
            }
            case ENUM:
            case STRING:
                return NODES.textNode(value.toString());
            case BYTES:
                if (value instanceof ByteBuffer) {
                    ByteBuffer buffer = ((ByteBuffer) value).duplicate();
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
                }
                return NODES.textNode(Base64.getEncoder().encodeToString((byte[]) value));
            case FIXED:
                return NODES.textNode(Base64.getEncoder().encodeToString(((GenericFixed) value).bytes()));
            case INT:
            case LONG:
                return temporalOrNumber(value, schema.getLogicalType());
            case FLOAT:
            case DOUBLE: {
                double d = ((Number) value).doubleValue();
                return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(Double.toString(d));
            }
            case BOOLEAN:
                return NODES.booleanNode((Boolean) value);
            case NULL:
            default:
                return NODES.nullNode();
        }
    }

    private static JsonNode temporalOrNumber(Object value, LogicalType logical) {
        if (value instanceof Instant || value instanceof LocalDate || value instanceof java.time.LocalTime) {
            return NODES.textNode(value.toString());
        }
        long n = ((Number) value).longValue();
        if (logical instanceof LogicalTypes.TimestampMillis) {
            return NODES.textNode(Instant.ofEpochMilli(n).toString());
        }
        if (logical instanceof LogicalTypes.TimestampMicros) {
            return NODES.textNode(Instant.EPOCH.plus(n, java.time.temporal.ChronoUnit.MICROS).toString());
        }
        if (logical instanceof LogicalTypes.Date) {
            return NODES.textNode(LocalDate.ofEpochDay(n).toString());
        }
        return value instanceof Integer ? NODES.numberNode((Integer) value) : NODES.numberNode(n);
    }

    /** The union branch a value belongs to (our unions are ["null", T]; wider ones are matched by type). */
    private static Schema branch(Object value, Schema union) {
        List<Schema> types = union.getTypes();
        Schema only = null;
        int nonNull = 0;
        for (Schema s : types) {
            if (s.getType() != Schema.Type.NULL) {
                only = s;
                nonNull++;
            }
        }
        if (nonNull == 1) {
            return only;
        }
        for (Schema s : types) {
            if (matches(value, s)) {
                return s;
            }
        }
        throw new IllegalArgumentException("value of " + value.getClass() + " matches no branch of " + union);
    }

    private static boolean matches(Object value, Schema s) {
        switch (s.getType()) {
            case RECORD:
                return value instanceof IndexedRecord && ((IndexedRecord) value).getSchema().getFullName().equals(s.getFullName());
            case ENUM:
                return (value instanceof Enum || value instanceof GenericEnumSymbol)
                        && s.getEnumSymbols().contains(value.toString());
            case FIXED:
                return value instanceof GenericFixed && ((GenericFixed) value).getSchema().getFullName().equals(s.getFullName());
            case STRING:
                return value instanceof CharSequence;
            case BYTES:
                return value instanceof ByteBuffer || value instanceof byte[];
            case INT:
                return value instanceof Integer || value instanceof LocalDate;
            case LONG:
                return value instanceof Long || value instanceof Instant;
            case FLOAT:
                return value instanceof Float;
            case DOUBLE:
                return value instanceof Double;
            case BOOLEAN:
                return value instanceof Boolean;
            case ARRAY:
                return value instanceof Collection;
            case MAP:
                return value instanceof Map;
            default:
                return false;
        }
    }

    // ---- text -------------------------------------------------------------------------------

    /** Human text for any record of the pipeline's topics; other values by {@code toString()}. */
    public static String format(Object value) {
        if (value instanceof EnrichedArticle) {
            return formatEnriched((EnrichedArticle) value);
        } else if (value instanceof EntityMention) {
            return formatEntityMention((EntityMention) value);
        } else if (value instanceof CasualtyReport) {
            return formatCasualtyReport((CasualtyReport) value);
        } else if (value instanceof DeadLetter) {
            return formatDeadLetter((DeadLetter) value);
        } else if (value instanceof RawArticle) {
            return formatRaw((RawArticle) value);
        } else if (value instanceof GazetteerEntry) {
            return formatGazetteerEntry((GazetteerEntry) value);
        }
        return String.valueOf(value);
    }

    /**
     * An enriched article over several lines: title; id, date and URL; its entities one per line;
     * its figures one per line. No trailing newline.
     * <pre>
     * 'Our Men Are Dying for Nothing': Russian Soldier's Widow Makes Anti-War Plea
     *   id 39122f9c9171b7456653b2592eb8fde0 · 2023-12-29 · https://www.themoscowtimes.com/...
     *   entities (3)
     *     ORGANIZATION  Put' Dumoi     Q123
     *     PERSON        Maria Ishkova  nf:maria-ishkova
     *     LOCATION      Berdiansk      geonames:712451  (46.7550, 36.7890 UA)
     *   figures (1)
     *     KILLED at least 4,787 — mobilized men (Mediazona and BBC)
     * </pre>
     */
    public static String formatEnriched(EnrichedArticle enriched) {
        RawArticle article = enriched.getArticle();
        StringBuilder out = new StringBuilder();
        out.append(article.getTitle()).append('\n');
        out.append("  id ").append(enriched.getId());
        if (article.getPublishedAt() != null) {
            out.append(" · ").append(date(article.getPublishedAt()));
        }
        if (article.getUrl() != null) {
            out.append(" · ").append(article.getUrl());
        }
        out.append('\n');
        List<Entity> entities = enriched.getEntities();
        out.append("  entities (").append(entities.size()).append(')');
        int nameWidth = Math.min(NAME_COLUMN_MAX, entities.stream().mapToInt(e -> e.getName().length()).max().orElse(0));
        int typeWidth = entities.stream().mapToInt(e -> e.getType().name().length()).max().orElse(0);
        for (Entity entity : entities) {
            out.append("\n    ").append(pad(entity.getType().name(), typeWidth)).append("  ")
                    .append(pad(entity.getName(), nameWidth)).append("  ").append(entity.getId());
            if (entity.getGeo() != null) {
                out.append("  ").append(coordinates(entity.getGeo()));
            }
            String spellings = otherSpellings(entity);
            if (!spellings.isEmpty()) {
                out.append("  as ").append(spellings);
            }
        }
        List<CasualtyFigure> figures = enriched.getCasualties();
        out.append("\n  figures (").append(figures.size()).append(')');
        for (CasualtyFigure figure : figures) {
            out.append("\n    ").append(formatFigure(figure));
        }
        return out.toString();
    }

    /**
     * The article's own spellings of an entity that differ from its canonical name — the reader
     * sees that "Berdiansk" in the text became Berdyansk — at most three, quoted, in text order.
     */
    static String otherSpellings(Entity entity) {
        return entity.getMentions().stream()
                .map(m -> m.getText().replace('\n', ' '))
                .filter(t -> !t.equals(entity.getName()))
                .distinct()
                .limit(3)
                .map(t -> "\u201c" + t + "\u201d")
                .collect(Collectors.joining(", "));
    }

    /** One entity on one line: {@code LOCATION Berdiansk geonames:712451 (46.7550, 36.7890 UA)}. */
    public static String formatEntity(Entity entity) {
        String line = entity.getType().name() + " " + entity.getName() + " " + entity.getId();
        return entity.getGeo() == null ? line : line + " " + coordinates(entity.getGeo());
    }

    /**
     * One figure: category, qualifier words, number, then the subject after a dash and the
     * attribution in parentheses when known — {@code KILLED at least 4,787 — mobilized men
     * (Mediazona and BBC)}; ranges as {@code min–max}.
     */
    public static String formatFigure(CasualtyFigure figure) {
        StringBuilder out = new StringBuilder(figure.getCategory().name()).append(' ');
        switch (figure.getQualifier()) {
            case AT_LEAST:
                out.append("at least ").append(number(figure.getCount()));
                break;
            case AT_MOST:
                out.append("at most ").append(number(figure.getCount()));
                break;
            case APPROXIMATE:
                out.append("about ").append(number(figure.getCount()));
                break;
            case RANGE:
                long min = figure.getMin() != null ? figure.getMin() : figure.getCount();
                out.append(number(min));
                if (figure.getMax() != null) {
                    out.append('–').append(number(figure.getMax()));
                }
                break;
            case EXACT:
            default:
                out.append(number(figure.getCount()));
        }
        if (figure.getSubject() != null && !figure.getSubject().isBlank()) {
            out.append(" — ").append(figure.getSubject());
        }
        if (figure.getAttribution() != null && !figure.getAttribution().isBlank()) {
            out.append(" (").append(figure.getAttribution()).append(')');
        }
        return out.toString();
    }

    /** {@code LOCATION Berdiansk geonames:712451 (46.7550, 36.7890 UA) in <article id> "<title>"}. */
    public static String formatEntityMention(EntityMention mention) {
        return formatEntity(mention.getEntity()) + "  in " + mention.getArticleId() + " \"" + mention.getArticleTitle() + "\"";
    }

    /** {@code KILLED at least 4,787 — mobilized men (Mediazona and BBC)  in <article id> "<title>"  places: A, B}. */
    public static String formatCasualtyReport(CasualtyReport report) {
        String line = formatFigure(report.getFigure()) + "  in " + report.getArticleId() + " \"" + report.getArticleTitle() + "\"";
        if (report.getPlaces().isEmpty()) {
            return line;
        }
        return line + "  places: " + report.getPlaces().stream().map(Entity::getName).collect(Collectors.joining(", "));
    }

    /** {@code PROCESS news.articles.raw[0]@12 2024-01-01T00:00:00Z: <error> (<errorClass>)}. */
    public static String formatDeadLetter(DeadLetter letter) {
        StringBuilder out = new StringBuilder(letter.getStage());
        if (letter.getSourceTopic() != null) {
            out.append(' ').append(letter.getSourceTopic());
            if (letter.getSourcePartition() != null) {
                out.append('[').append(letter.getSourcePartition()).append(']');
            }
            if (letter.getSourceOffset() != null) {
                out.append('@').append(letter.getSourceOffset());
            }
        }
        out.append(' ').append(letter.getFailedAt()).append(": ").append(letter.getError());
        if (letter.getErrorClass() != null) {
            out.append(" (").append(letter.getErrorClass()).append(')');
        }
        if (letter.getOriginalValue() != null) {
            out.append(" [").append(letter.getOriginalValue().remaining()).append(" bytes kept]");
        }
        return out.toString();
    }

    /** {@code <id> 2023-12-29 "<title>" (<source>)}. */
    public static String formatRaw(RawArticle article) {
        return article.getId() + " " + (article.getPublishedAt() == null ? "-" : date(article.getPublishedAt()))
                + " \"" + article.getTitle() + "\" (" + article.getSource() + ")";
    }

    /** {@code <id> LOCATION Name aka A, B (lat, lon CC)}. */
    public static String formatGazetteerEntry(GazetteerEntry entry) {
        StringBuilder out = new StringBuilder(entry.getId()).append(' ').append(entry.getType().name()).append(' ')
                .append(entry.getName());
        if (!entry.getAliases().isEmpty()) {
            out.append(" aka ").append(String.join(", ", entry.getAliases()));
        }
        if (entry.getGeo() != null) {
            out.append(' ').append(coordinates(entry.getGeo()));
        }
        return out.toString();
    }

    /** {@code (46.7550, 36.7890 UA)}; without the country when it is unknown. */
    public static String coordinates(GeoPoint geo) {
        return String.format(Locale.ROOT, "(%.4f, %.4f%s)", geo.getLat(), geo.getLon(),
                geo.getCountry() == null ? "" : " " + geo.getCountry());
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String date(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private RecordFormatter() {
    }
}
