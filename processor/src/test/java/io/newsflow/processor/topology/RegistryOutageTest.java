package io.newsflow.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.RawArticle;
import io.newsflow.processor.topology.errors.DeadLetterDeserializationExceptionHandler;
import io.newsflow.processor.topology.errors.DeadLetterProcessingExceptionHandler;
import io.newsflow.processor.topology.errors.DeadLetterProductionExceptionHandler;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryException;
import io.newsflow.schemas.serde.AvroDeserializer;
import io.newsflow.schemas.serde.AvroSerializer;
import io.newsflow.schemas.serde.Subjects;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Records whose writer schema cannot be fetched because the registry is down, failing or slow:
 * retried within bounds, then dead-lettered (never dropped), while the stream goes on — and the
 * task fails rather than lose the record when not even the dead letter can be written.
 */
@Timeout(60)
class RegistryOutageTest {
    private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
    private static final Instant NOW = Instant.parse("2024-03-01T12:30:00Z");
    private static final String RAW_SUBJECT = Subjects.topicName(Topics.RAW, false);
    private static final String DLQ_SUBJECT = Subjects.topicName(Topics.DLQ, false);
    /** RawArticle as a newer producer writes it: one optional field more, so a new schema id. */
    private static final Schema RAW_V2 = withOptionalField(RawArticle.getClassSchema(), "wordCount");

    private final UnreliableRegistry registry = new UnreliableRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestInputTopic<byte[], byte[]> rawBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<byte[], DeadLetter> deadLetters;

    private void start(Map<String, Object> fetchSettings) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "registry-outage-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put("schema.registry.url", "http://localhost:1");
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingExceptionHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionExceptionHandler.class);
        props.put(WriterSchemaFetcher.ATTEMPTS_CONFIG, "3");
        props.put(WriterSchemaFetcher.BACKOFF_MS_CONFIG, "10");
        props.put(WriterSchemaFetcher.TIMEOUT_MS_CONFIG, "3000");
        props.putAll(fetchSettings);
        driver = new TopologyTestDriver(
                EnrichmentTopology.build(Articles::fakeEnrich, registry, Clock.fixed(NOW, ZoneOffset.UTC)), props, T0);
        raw = driver.createInputTopic(Topics.RAW, new StringSerializer(), new AvroSerializer<RawArticle>(registry, false));
        rawBytes = driver.createInputTopic(Topics.RAW, new ByteArraySerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED, new StringDeserializer(),
                new AvroDeserializer<>(EnrichedArticle.class, registry));
        deadLetters = driver.createOutputTopic(Topics.DLQ, new ByteArrayDeserializer(),
                new AvroDeserializer<>(DeadLetter.class, registry));
    }

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void shouldEnrichARecordWhoseWriterSchemaIsFetchedAfterTransientFailures() {
        // given: the registry fails the first two fetches of the article schema (e.g. 503 while it restarts)
        int rawId = registry.register(RAW_SUBJECT, RawArticle.getClassSchema());
        registry.failNextFetches(rawId, 2);
        start(Map.of());

        // when
        raw.pipeInput("a1", Articles.raw("a1", "Mobilized men killed"), T0);

        // then: the third attempt succeeds and the record is enriched, not dead-lettered
        assertThat(enriched.readKeyValue().key).isEqualTo("a1");
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(registry.fetchesOf(rawId)).isEqualTo(3);
    }

    @Test
    void shouldDeadLetterOnlyAfterRetriesAndLetTheNextRecordsThrough() throws IOException {
        // given: articles flow, then a producer starts writing a newer schema just as the registry goes down
        start(Map.of());
        raw.pipeInput("a1", Articles.raw("a1", "Before the outage"), T0);
        assertThat(enriched.readKeyValue().key).isEqualTo("a1");
        byte[] newer = serializeAsV2(Articles.raw("n1", "Written with the newer schema"));
        int newerId = ByteBuffer.wrap(newer, 1, 4).getInt();
        registry.down(newerId);

        // when
        rawBytes.pipeInput("n1".getBytes(StandardCharsets.UTF_8), newer, T0.plusSeconds(1));
        raw.pipeInput("a2", Articles.raw("a2", "During the outage"), T0.plusSeconds(2));

        // then: the unreadable record is dead-lettered after 3 attempts, intact and replayable
        TestRecord<byte[], DeadLetter> dead = deadLetters.readRecord();
        DeadLetter letter = dead.value();
        assertThat(letter.getStage()).isEqualTo(DeadLetters.STAGE_DESERIALIZE);
        assertThat(letter.getErrorClass()).isEqualTo(WriterSchemaUnavailableException.class.getName());
        assertThat(letter.getError()).contains("schema id " + newerId).contains("after 3 attempts")
                .contains("unreachable");
        assertThat(bytes(letter.getOriginalValue())).isEqualTo(newer);
        assertThat(dead.key()).isEqualTo("n1".getBytes(StandardCharsets.UTF_8));
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.RAW);
        assertThat(letter.getSourceOffset()).isEqualTo(1L);
        assertThat(registry.fetchesOf(newerId)).isEqualTo(3);
        assertThat(deadLetters.isEmpty()).isTrue();
        // and the next record, whose schema the client already holds, still comes through
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a2");

        // when the registry is back, the replayed dead letter reads fine
        registry.up();
        rawBytes.pipeInput(dead.key(), bytes(letter.getOriginalValue()), T0.plusSeconds(3));
        KeyValue<String, EnrichedArticle> replayed = enriched.readKeyValue();
        assertThat(replayed.key).isEqualTo("n1");
        assertThat(replayed.value.getArticle().getTitle()).isEqualTo("Written with the newer schema");
    }

    @Test
    void shouldDeadLetterWhenTheRegistryIsTooSlowWithinTheTimeout() {
        // given: a registry that accepts the call but does not answer for 30 s
        int rawId = registry.register(RAW_SUBJECT, RawArticle.getClassSchema());
        registry.slow(rawId, Duration.ofSeconds(30));
        start(Map.of(WriterSchemaFetcher.TIMEOUT_MS_CONFIG, "300"));

        // when
        long startNanos = System.nanoTime();
        raw.pipeInput("a1", Articles.raw("a1", "t"), T0);

        // then: the stream thread was held for the timeout, not for the registry
        assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isLessThan(Duration.ofSeconds(5));
        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getErrorClass()).isEqualTo(WriterSchemaUnavailableException.class.getName());
        assertThat(letter.getError()).contains("schema id " + rawId).contains("after 1 attempt")
                .contains("did not answer");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterAtOnceWhenTheRegistryAnswersThatTheIdDoesNotExist() {
        // given
        start(Map.of());
        byte[] unknown = ByteBuffer.allocate(8).put((byte) 0).putInt(4242).put(new byte[] {1, 2, 3}).array();

        // when
        rawBytes.pipeInput("k".getBytes(StandardCharsets.UTF_8), unknown, T0);

        // then: 40403 is the record's problem, not the registry's: no retries
        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getErrorClass()).isEqualTo(SchemaRegistryException.class.getName());
        assertThat(letter.getError()).contains("4242");
        assertThat(registry.fetchesOf(4242)).isEqualTo(1);
    }

    @Test
    void shouldWriteDeadLettersDuringAnOutageWithTheDeadLetterSchemaRegisteredAtStart() throws InterruptedException {
        // given: the processor started while the registry was up
        int rawId = registry.register(RAW_SUBJECT, RawArticle.getClassSchema());
        start(Map.of());
        awaitSubject(DLQ_SUBJECT);
        // when the registry goes down completely: no fetches, no new registrations
        registry.down(rawId);
        registry.refuseNewRegistrations();
        raw.pipeInput("a1", Articles.raw("a1", "t"), T0);

        // then the dead letter is written all the same, with the id registered ahead of time
        assertThat(deadLetters.readValue().getError()).contains("schema id " + rawId);
    }

    @Test
    void shouldFailTheTaskRatherThanDropTheRecordWhenNotEvenTheDeadLetterCanBeWritten() {
        // given: the registry is down since before the processor started, so the DeadLetter schema has no id
        int rawId = registry.register(RAW_SUBJECT, RawArticle.getClassSchema());
        registry.down(rawId);
        registry.refuseNewRegistrations();
        start(Map.of());

        // when / then: the task fails (under exactly_once_v2 nothing is committed; the record is read again)
        assertThatThrownBy(() -> raw.pipeInput("a1", Articles.raw("a1", "t"), T0))
                .hasStackTraceContaining("unreachable");
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(enriched.isEmpty()).isTrue();
    }

    // ---- helpers --------------------------------------------------------------------------------

    /**
     * An in-memory registry that can fail, be down or be slow for one schema id at a time, for ids
     * it has not served yet — like the real client, which serves ids it fetched once from its cache.
     * Registrations it has accepted once are answered again while it refuses new ones (the real
     * client caches those too). Thread-safe: the processor fetches on a helper thread.
     */
    static final class UnreliableRegistry extends InMemorySchemaRegistryClient {
        private final Set<Integer> served = ConcurrentHashMap.newKeySet();
        private final Set<String> registered = ConcurrentHashMap.newKeySet();
        private final Map<Integer, AtomicInteger> fetches = new ConcurrentHashMap<>();
        private final AtomicInteger failuresLeft = new AtomicInteger();
        private volatile int target = -1;
        private volatile boolean down;
        private volatile Duration delay = Duration.ZERO;
        private volatile boolean refuseNewRegistrations;

        void failNextFetches(int id, int times) {
            target = id;
            failuresLeft.set(times);
        }

        void down(int id) {
            target = id;
            down = true;
        }

        void slow(int id, Duration by) {
            target = id;
            delay = by;
        }

        void refuseNewRegistrations() {
            refuseNewRegistrations = true;
        }

        void up() {
            down = false;
            refuseNewRegistrations = false;
            delay = Duration.ZERO;
        }

        int fetchesOf(int id) {
            AtomicInteger count = fetches.get(id);
            return count == null ? 0 : count.get();
        }

        @Override
        public Schema getById(int id) {
            if (!served.contains(id)) {
                fetches.computeIfAbsent(id, i -> new AtomicInteger()).incrementAndGet();
                if (id == target) {
                    if (!delay.isZero()) {
                        try {
                            Thread.sleep(delay.toMillis());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new SchemaRegistryException("interrupted while trying to fetch schema id " + id, -1, -1, e);
                        }
                    }
                    if (down || failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new SchemaRegistryException("cannot fetch schema id " + id
                                + ": schema registry at mock://in-memory unreachable (connection refused)", -1, -1, null);
                    }
                }
            }
            Schema schema = super.getById(id);
            served.add(id);
            return schema;
        }

        @Override
        public int register(String subject, Schema schema) {
            String key = subject + "\n" + schema;
            if (refuseNewRegistrations && !registered.contains(key)) {
                throw new SchemaRegistryException("cannot register schema " + schema.getFullName() + " under subject '"
                        + subject + "': schema registry at mock://in-memory unreachable (connection refused)", -1, -1, null);
            }
            int id = super.register(subject, schema);
            registered.add(key);
            return id;
        }
    }

    private void awaitSubject(String subject) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!registry.getAllSubjects().contains(subject)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(subject + " was not registered in the background");
            }
            Thread.sleep(10); // polling a background registration with a deadline
        }
    }

    /** The article in the Confluent wire format under {@link #RAW_V2}, registered as a new version. */
    private byte[] serializeAsV2(RawArticle article) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<RawArticle>(RawArticle.getClassSchema()).write(article, encoder);
        encoder.flush();
        GenericRecord v2 = new GenericDatumReader<GenericRecord>(RawArticle.getClassSchema(), RAW_V2, GenericData.get())
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        v2.put("wordCount", 12);
        return new AvroSerializer<GenericRecord>(registry, false).serialize(Topics.RAW, v2);
    }

    private static Schema withOptionalField(Schema schema, String name) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        fields.add(new Schema.Field(name, Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.INT)),
                "added in version 2", JsonProperties.NULL_VALUE));
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
