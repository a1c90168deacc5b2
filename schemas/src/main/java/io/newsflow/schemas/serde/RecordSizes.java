package io.newsflow.schemas.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;

/**
 * How big a record is on the wire, measured before it is sent, so a service can refuse (producer)
 * or dead-letter (processor) what Kafka would refuse, with the size and the limit in the message,
 * instead of learning it from a {@code RecordTooLargeException}.
 *
 * <p>The limits of the pipeline:
 * <ul>
 * <li>{@link #KAFKA_DEFAULT_MAX_REQUEST_SIZE}: a Kafka producer refuses a record larger than its
 *     {@code max.request.size} (1 MiB by default); brokers refuse batches over a topic's
 *     {@code max.message.bytes} (1 MiB + 12 bytes by default).</li>
 * <li>{@link #MAX_ARTICLE_BYTES}: the largest {@code RawArticle} the pipeline carries. Half the
 *     default request size, because the {@code EnrichedArticle} repeats the whole article and adds
 *     its entities and figures: the other half is theirs.</li>
 * </ul>
 */
public final class RecordSizes {
    /** Kafka's default {@code max.request.size}. */
    public static final int KAFKA_DEFAULT_MAX_REQUEST_SIZE = 1_048_576;
    /** The largest RawArticle, serialized in the wire format, that the pipeline carries (512 KiB). */
    public static final int MAX_ARTICLE_BYTES = KAFKA_DEFAULT_MAX_REQUEST_SIZE / 2;
    /**
     * Kafka's own upper bound of what one record adds around its key, value and headers when it is
     * sent alone (record batch header 61 bytes, record overhead at most 21 bytes).
     */
    public static final int KAFKA_RECORD_OVERHEAD = 61 + 21;

    private static final Map<Schema, DatumWriter<SpecificRecord>> WRITERS = new ConcurrentHashMap<>();

    private RecordSizes() {
    }

    /** Bytes of {@code record} in the Confluent wire format (5-byte header + Avro binary), without building them. */
    public static long wireFormatSize(SpecificRecord record) {
        Schema schema = record.getSchema();
        DatumWriter<SpecificRecord> writer = WRITERS.computeIfAbsent(schema,
                s -> new SpecificDatumWriter<>(s, SpecificData.getForSchema(s)));
        CountingStream counter = new CountingStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(counter, null);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + schema.getFullName(), e);
        }
        return WireFormat.HEADER_SIZE + counter.count;
    }

    /**
     * Kafka's upper bound of the size of a record with this key, value and headers, as the producer
     * compares it with {@code max.request.size} (uncompressed).
     */
    public static long kafkaRecordSize(long keyBytes, long valueBytes, Iterable<Header> headers) {
        long size = KAFKA_RECORD_OVERHEAD + keyBytes + valueBytes + 5;
        if (headers != null) {
            for (Header header : headers) {
                size += 10 + header.key().getBytes(StandardCharsets.UTF_8).length
                        + (header.value() == null ? 0 : header.value().length);
            }
        }
        return size;
    }

    /** {@code 1,048,576} — sizes in messages are read by people. */
    public static String bytes(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** Counts and drops what is written: measuring a 1 MB record needs no 1 MB buffer. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
