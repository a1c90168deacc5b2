package io.newsflow.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.avro.RawArticle;
import io.newsflow.schemas.PublishedSchemas;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaMetadata;
import io.newsflow.schemas.registry.SchemaRegistryException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The serde's Confluent settings: subject name strategies, auto.register.schemas, use.latest.version. */
class AvroSerdeConfigTest {
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    private AvroSerializer<RawArticle> serializer(Map<String, ?> config, boolean isKey) {
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>(registry, isKey);
        serializer.configure(config, isKey);
        return serializer;
    }

    private static int id(byte[] bytes) {
        return ByteBuffer.wrap(bytes, 1, 4).getInt();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource({
        "'',                                                              news.articles.raw-value",
        "io.confluent.kafka.serializers.subject.TopicNameStrategy,       news.articles.raw-value",
        "TopicNameStrategy,                                               news.articles.raw-value",
        "io.confluent.kafka.serializers.subject.RecordNameStrategy,      io.newsflow.avro.RawArticle",
        "RecordNameStrategy,                                              io.newsflow.avro.RawArticle",
        "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy, news.articles.raw-io.newsflow.avro.RawArticle",
        "topic_record_name,                                               news.articles.raw-io.newsflow.avro.RawArticle",
    })
    void shouldRegisterUnderTheSubjectOfTheConfiguredStrategy(String strategy, String subject) {
        byte[] bytes = serializer(Map.of(SerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, strategy), false)
                .serialize(Topics.RAW, AvroSerdeTest.article());

        assertThat(registry.getAllSubjects()).containsExactly(subject);
        assertThat(registry.getLatestVersion(subject).id()).isEqualTo(id(bytes));
    }

    @Test
    void shouldUseTheKeyStrategyForKeys() {
        serializer(Map.of(SerdeConfig.KEY_SUBJECT_NAME_STRATEGY, "RecordNameStrategy",
                SerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "TopicRecordNameStrategy"), true)
                .serialize(Topics.RAW, AvroSerdeTest.article());
        serializer(Map.of(), true).serialize(Topics.RAW, AvroSerdeTest.article());

        assertThat(registry.getAllSubjects()).containsExactlyInAnyOrder("io.newsflow.avro.RawArticle", "news.articles.raw-key");
    }

    @Test
    void shouldAcceptACustomStrategyClass() {
        serializer(Map.of(SerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, FixedSubject.class.getName()), false)
                .serialize(Topics.RAW, AvroSerdeTest.article());

        assertThat(registry.getAllSubjects()).containsExactly("fixed");
    }

    public static class FixedSubject implements SubjectNameStrategy {
        @Override
        public String subjectName(String topic, boolean isKey, Schema schema) {
            return "fixed";
        }
    }

    @Test
    void shouldRejectAnUnknownStrategyByName() {
        assertThatThrownBy(() -> serializer(Map.of(SerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "NoSuchStrategy"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NoSuchStrategy");
        assertThatThrownBy(() -> serializer(Map.of(SerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "com.example.Missing"), false))
                .hasMessageContaining("com.example.Missing");
    }

    @Test
    void shouldLookUpInsteadOfRegisteringWhenAutoRegisterIsOff() {
        // given the schema registered by CI
        int registered = registry.register("news.articles.raw-value", RawArticle.getClassSchema());

        byte[] bytes = serializer(Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false)
                .serialize(Topics.RAW, AvroSerdeTest.article());

        assertThat(id(bytes)).isEqualTo(registered);
        assertThat(registry.getAllVersions("news.articles.raw-value")).containsExactly(1);
    }

    @Test
    void shouldFailClearlyWhenAutoRegisterIsOffAndTheSchemaIsNotRegistered() {
        AvroSerializer<RawArticle> serializer = serializer(Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);

        assertThatThrownBy(() -> serializer.serialize(Topics.RAW, AvroSerdeTest.article()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("io.newsflow.avro.RawArticle")
                .hasMessageContaining("news.articles.raw-value")
                .hasMessageContaining("auto.register.schemas")
                .hasRootCauseInstanceOf(SchemaRegistryException.class);
        assertThat(registry.getAllSubjects()).isEmpty();
    }

    @Test
    void shouldWriteWithTheLatestVersionWhenAsked() {
        // given the subject's latest version has a field this producer does not know yet
        Schema newer = withExtraOptionalField(RawArticle.getClassSchema());
        registry.register("news.articles.raw-value", RawArticle.getClassSchema());
        int latestId = registry.register("news.articles.raw-value", newer);

        // when this producer writes with use.latest.version
        byte[] bytes = serializer(Map.of(SerdeConfig.USE_LATEST_VERSION, "true", SerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false)
                .serialize(Topics.RAW, AvroSerdeTest.article());

        // then the record carries the latest id and is encoded in the latest schema (the new field at its default)
        assertThat(id(bytes)).isEqualTo(latestId);
        GenericRecord generic = new AvroDeserializer<GenericRecord>(null, registry).deserialize(Topics.RAW, bytes);
        assertThat(generic.getSchema()).isEqualTo(PublishedSchemas.withoutJavaProperties(newer));
        assertThat(generic.get("title").toString()).isEqualTo("A title");
        assertThat(generic.get("section")).isNull();
        // and the current reader still reads it
        assertThat(new AvroDeserializer<RawArticle>(RawArticle.class, registry).deserialize(Topics.RAW, bytes))
                .isEqualTo(AvroSerdeTest.article());
    }

    @Test
    void shouldRefuseALatestVersionThatCannotReadTheRecordWhenStrict() {
        // given a latest version (registered with compatibility NONE) that requires a field this producer lacks
        registry.updateCompatibility("news.articles.raw-value", "NONE");
        Schema incompatible = new Schema.Parser().parse(RawArticle.getClassSchema().toString()
                .replace("\"name\":\"body\"", "\"name\":\"text\""));
        registry.register("news.articles.raw-value", incompatible);

        AvroSerializer<RawArticle> serializer = serializer(Map.of(SerdeConfig.USE_LATEST_VERSION, true), false);

        assertThatThrownBy(() -> serializer.serialize(Topics.RAW, AvroSerdeTest.article()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("news.articles.raw-value")
                .hasMessageContaining("latest.compatibility.strict");
    }

    @Test
    void shouldFailClearlyWhenUseLatestVersionFindsNoSubject() {
        AvroSerializer<RawArticle> serializer = serializer(Map.of(SerdeConfig.USE_LATEST_VERSION, "true"), false);

        assertThatThrownBy(() -> serializer.serialize(Topics.RAW, AvroSerdeTest.article()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("use.latest.version")
                .hasMessageContaining("news.articles.raw-value");
    }

    @Test
    void shouldReadIntoTheGeneratedClassWithSpecificAvroReader() {
        byte[] bytes = serializer(Map.of(), false).serialize(Topics.RAW, AvroSerdeTest.article());
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>(null, registry);
        deserializer.configure(Map.of(SerdeConfig.SPECIFIC_AVRO_READER, "true"), false);

        assertThat(deserializer.deserialize(Topics.RAW, bytes)).isEqualTo(AvroSerdeTest.article());
    }

    @Test
    void shouldRejectARequiredSettingThatIsMissingOrMalformed() {
        assertThatThrownBy(() -> new AvroSerializer<RawArticle>().configure(Map.of(), false))
                .hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> serializer(Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "yes"), false))
                .hasMessageContaining("auto.register.schemas");
    }

    @Test
    void shouldConfigureTheRegistryClientFromTheSerdeConfig() {
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>();

        serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:1", "max.retries", "0"), false);

        assertThatThrownBy(() -> serializer.serialize(Topics.RAW, AvroSerdeTest.article()))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("news.articles.raw-value")
                .hasMessageContaining("unreachable")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).isRetriable()).isTrue());
    }

    // ---- the in-memory registry behaves as the real one -----------------------------------

    @Test
    void inMemoryRegistryShouldEnforceBackwardCompatibilityAndShareIdsAcrossSubjects() {
        int id = registry.register("a-value", RawArticle.getClassSchema());
        assertThat(registry.register("b-value", RawArticle.getClassSchema())).isEqualTo(id);

        Schema breaking = new Schema.Parser().parse(RawArticle.getClassSchema().toString()
                .replace("\"name\":\"body\"", "\"name\":\"text\""));
        assertThatThrownBy(() -> registry.register("a-value", breaking))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("a-value")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).isIncompatible()).isTrue());
        assertThat(registry.testCompatibility("a-value", breaking).compatible()).isFalse();
        assertThat(registry.testCompatibility("a-value", withExtraOptionalField(RawArticle.getClassSchema())).compatible()).isTrue();
    }

    @Test
    void inMemoryRegistryShouldAnswerLookupsLikeTheRealOne() {
        registry.register("a-value", RawArticle.getClassSchema());

        assertThat(registry.lookup("a-value", RawArticle.getClassSchema()))
                .isEqualTo(new SchemaMetadata("a-value", 1, 1, PublishedSchemas.withoutJavaProperties(RawArticle.getClassSchema())));
        assertThatThrownBy(() -> registry.lookup("nope", RawArticle.getClassSchema()))
                .satisfies(e -> assertThat(((SchemaRegistryException) e).isSubjectNotFound()).isTrue())
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> registry.lookup("a-value", withExtraOptionalField(RawArticle.getClassSchema())))
                .satisfies(e -> assertThat(((SchemaRegistryException) e).isSchemaNotFound()).isTrue());
        assertThatThrownBy(() -> registry.getVersion("a-value", 2))
                .satisfies(e -> assertThat(((SchemaRegistryException) e).isVersionNotFound()).isTrue());
    }

    /** RawArticle with one more optional field, as the next release might add it. */
    static Schema withExtraOptionalField(Schema schema) {
        java.util.List<Schema.Field> fields = new java.util.ArrayList<>();
        schema.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("section", Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                null, Schema.Field.NULL_DEFAULT_VALUE));
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    @SuppressWarnings("unused")
    private static GenericRecord generic(Schema schema) {
        return new GenericData.Record(schema);
    }
}
