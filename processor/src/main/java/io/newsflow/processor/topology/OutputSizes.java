package io.newsflow.processor.topology;

import io.newsflow.avro.CasualtyReport;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.EntityMention;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.serde.RecordSizes;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * Whether an article's outputs fit in a Kafka record, decided before any is forwarded.
 *
 * <p>Cheap first: {@link #upperBound} walks the record's fields and adds up the most each can take
 * in Avro binary (3 bytes per UTF-16 character of a string, 10 per number, the length of bytes),
 * which for ordinary articles (tens of kilobytes) is far below the limit, so nothing is serialized
 * twice. Only when the bound reaches the limit are the outputs measured exactly
 * ({@link RecordSizes#wireFormatSize}), the enriched article and every mention and report.
 * Mentions and reports repeat parts of the enriched article (an entity, the title, the places),
 * so when the bound of the enriched article fits, theirs do too.
 */
final class OutputSizes {
    /** Bytes per field beyond its value: Avro's union branch index and a varint length. */
    private static final int PER_VALUE = 5;

    private OutputSizes() {
    }

    /** Why the outputs do not fit, or empty when they do. */
    static Optional<String> tooLarge(EnrichedArticle enriched, List<EntityMention> mentions,
                                     List<CasualtyReport> reports, OutputLimits limits) {
        long max = limits.maxValueBytes();
        if (upperBound(enriched) <= max) {
            return Optional.empty();
        }
        long size = RecordSizes.wireFormatSize(enriched);
        if (size > max) {
            return Optional.of(message("the enriched article", Topics.ENRICHED, size, limits, enriched));
        }
        for (EntityMention mention : mentions) {
            long mentionSize = RecordSizes.wireFormatSize(mention);
            if (mentionSize > max) {
                return Optional.of(message("the mention of " + mention.getEntity().getId(), Topics.ENTITIES, mentionSize,
                        limits, enriched));
            }
        }
        for (CasualtyReport report : reports) {
            long reportSize = RecordSizes.wireFormatSize(report);
            if (reportSize > max) {
                return Optional.of(message("a casualty report", Topics.CASUALTIES, reportSize, limits, enriched));
            }
        }
        return Optional.empty();
    }

    private static String message(String what, String topic, long size, OutputLimits limits, EnrichedArticle enriched) {
        int body = enriched.getArticle() == null || enriched.getArticle().getBody() == null
                ? 0 : enriched.getArticle().getBody().length();
        return what + " for " + topic + " would be " + RecordSizes.bytes(size) + " bytes, over the limit of "
                + limits.describe() + " less " + RecordSizes.bytes(OutputLimits.MARGIN)
                + " bytes for key and headers (article body: " + RecordSizes.bytes(body) + " characters, "
                + enriched.getEntities().size() + " entities, " + enriched.getCasualties().size() + " figures);"
                + " the pipeline carries articles of up to " + RecordSizes.bytes(RecordSizes.MAX_ARTICLE_BYTES)
                + " bytes serialized, and the producer refuses larger ones";
    }

    /** The most bytes {@code value} can take in Avro binary, without encoding it. */
    static long upperBound(Object value) {
        if (value == null) {
            return 1;
        }
        if (value instanceof CharSequence text) {
            return PER_VALUE + 3L * text.length();
        }
        if (value instanceof ByteBuffer bytes) {
            return PER_VALUE + bytes.remaining();
        }
        if (value instanceof IndexedRecord record) {
            long size = 0;
            int fields = record.getSchema().getFields().size();
            for (int i = 0; i < fields; i++) {
                size += 1 + upperBound(record.get(i));
            }
            return size;
        }
        if (value instanceof Collection<?> items) {
            long size = 2 * PER_VALUE;
            for (Object item : items) {
                size += upperBound(item);
            }
            return size;
        }
        if (value instanceof Map<?, ?> map) {
            long size = 2 * PER_VALUE;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += upperBound(entry.getKey()) + upperBound(entry.getValue());
            }
            return size;
        }
        return 10; // numbers, booleans, enums, timestamps: a varint or a double
    }

    /** Exact, for a record the bound could not clear. */
    static long exact(SpecificRecord record) {
        return RecordSizes.wireFormatSize(record);
    }
}
