package io.newsflow.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.CasualtyReport;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.EntityMention;
import io.newsflow.avro.GazetteerEntry;
import io.newsflow.avro.RawArticle;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Records written by producers on a released schema version (src/main/avro-released/v*) are read
 * by the current code: the serde fetches the writer's schema by id and resolves it against the
 * generated class. With v1 the only release, the writer and reader schemas are equal today; each
 * new release adds its version here automatically.
 */
class AvroSerdeEvolutionTest {
    static final Path RELEASED = Path.of("src/main/avro-released");
    static final List<Class<? extends SpecificRecord>> TOP_LEVEL = List.of(RawArticle.class, EnrichedArticle.class,
            EntityMention.class, CasualtyReport.class, DeadLetter.class, GazetteerEntry.class);

    static Stream<Arguments> releasedRecords() {
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> versions = Files.list(RELEASED)) {
            for (Path version : versions.filter(Files::isDirectory).sorted().toList()) {
                var types = io.newsflow.schemas.evolution.ReleasedSchemas.parse(version);
                for (Class<? extends SpecificRecord> type : TOP_LEVEL) {
                    Schema released = types.get(type.getName());
                    if (released != null) {
                        cases.add(Arguments.of(version.getFileName().toString(), type.getSimpleName(), released, type));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} written with released {0}")
    @MethodSource("releasedRecords")
    void shouldReadRecordWrittenWithReleasedVersion(String version, String name, Schema released,
                                                    Class<? extends SpecificRecord> type) throws Exception {
        // given a producer on the released schema, registering it under the topic's subject
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        GenericRecord old = (GenericRecord) SampleRecords.sample(released, name);
        byte[] bytes = new AvroSerializer<GenericRecord>(registry, false).serialize("topic", old);

        // when the current code reads it
        SpecificRecord read = new AvroDeserializer<SpecificRecord>(type, registry).deserialize("topic", bytes);

        // then it is what Avro's schema resolution makes of the old record in the current schema
        Schema current = ((SpecificRecord) type.getDeclaredConstructor().newInstance()).getSchema();
        assertThat(read).isInstanceOf(type);
        GenericRecord expected = (GenericRecord) new GenericDatumReader<>(released, current)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        assertThat(asGeneric(read, current)).isEqualTo(expected);
    }

    private static GenericRecord asGeneric(SpecificRecord record, Schema schema) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(schema).write(record, encoder);
        encoder.flush();
        return (GenericRecord) new GenericDatumReader<>(schema, schema)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }
}
