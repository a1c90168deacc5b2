package io.newsflow.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.avro.RawArticle;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final AvroSerde<RawArticle> serde = new AvroSerde<>(RawArticle.class, registry, false);

    static RawArticle article() {
        return RawArticle.newBuilder()
                .setId("abc123")
                .setUrl("https://example.org/a")
                .setTitle("A title")
                .setAuthors(List.of("Jane Roe"))
                .setPublishedAt(Instant.parse("2023-12-29T00:00:00Z"))
                .setIngestedAt(Instant.parse("2024-01-01T10:00:00Z"))
                .setSource("sample.txt")
                .setLanguage("en")
                .setBody("Body text.")
                .build();
    }

    @Test
    void shouldFrameValueWithMagicByteSchemaIdAndPlainAvroBinary() throws Exception {
        RawArticle article = article();

        byte[] bytes = serde.serializer().serialize(Topics.RAW, article);

        int id = registry.register(Topics.RAW + "-value", RawArticle.getClassSchema());
        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(expected, null);
        new SpecificDatumWriter<RawArticle>(RawArticle.getClassSchema()).write(article, encoder);
        encoder.flush();
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(expected.toByteArray());
    }

    @Test
    void shouldReadBackWhatItWrote() {
        RawArticle article = article();

        RawArticle back = serde.deserializer().deserialize(Topics.RAW, serde.serializer().serialize(Topics.RAW, article));

        assertThat(back).isEqualTo(article);
        assertThat(back.getPublishedAt()).isEqualTo(Instant.parse("2023-12-29T00:00:00Z"));
    }

    @Test
    void shouldReadRecordWrittenWithOlderSchemaVersionUsingDefaults() throws Exception {
        // given a record written by an older producer whose RawArticle had no language/authors fields
        Schema older = SchemaBuilder.record("RawArticle").namespace("io.newsflow.avro").fields()
                .requiredString("id")
                .name("url").type().unionOf().nullType().and().stringType().endUnion().nullDefault()
                .requiredString("title")
                .name("ingestedAt").type(org.apache.avro.LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
                .requiredString("source")
                .requiredString("body")
                .endRecord();
        GenericRecord old = new GenericData.Record(older);
        old.put("id", "old-1");
        old.put("title", "Old");
        old.put("ingestedAt", 1_700_000_000_000L);
        old.put("source", "legacy");
        old.put("body", "text");
        int id = registry.register("legacy", older);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(older).write(old, encoder);
        encoder.flush();

        // when the current code reads it
        RawArticle read = serde.deserializer().deserialize(Topics.RAW, out.toByteArray());

        // then the new fields take their defaults
        assertThat(read.getId()).isEqualTo("old-1");
        assertThat(read.getAuthors()).isEmpty();
        assertThat(read.getLanguage()).isNull();
        assertThat(read.getIngestedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    }

    @Test
    void shouldRejectBytesThatAreNotInTheWireFormatNamingTheTopic() {
        byte[] garbage = "not avro at all".getBytes();

        assertThatThrownBy(() -> serde.deserializer().deserialize(Topics.RAW, garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(Topics.RAW)
                .hasMessageContaining("magic byte");
    }

    @Test
    void shouldNameTheIdWhenTheSchemaIsUnknown() {
        byte[] unknownId = {0, 0, 0, 0x7f, 0x7f, 2, 'x'};

        assertThatThrownBy(() -> serde.deserializer().deserialize(Topics.RAW, unknownId))
                .hasMessageContaining("32639");
    }

    @Test
    void shouldReadGenericRecordsWhenNoTypeIsGiven() {
        byte[] bytes = serde.serializer().serialize(Topics.RAW, article());
        AvroDeserializer<GenericRecord> generic = new AvroDeserializer<>(null, registry);

        GenericRecord record = generic.deserialize(Topics.RAW, bytes);

        assertThat(record.get("title").toString()).isEqualTo("A title");
    }

    @Test
    void shouldPassNullsThrough() {
        assertThat(serde.serializer().serialize(Topics.RAW, null)).isNull();
        assertThat(serde.deserializer().deserialize(Topics.RAW, null)).isNull();
    }
}
