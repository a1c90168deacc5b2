package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/**
 * The published {@code .avsc} files are the contract a team in any language copies: each one
 * parses on its own, shared types are the same wherever they are written out, and the schema the
 * Java code is generated from and registers is exactly the file (how to change one:
 * schemas/README.md, "Changing a schema").
 */
class PublishedSchemaFilesTest {
    static final Path PUBLISHED = Path.of("src/main/avro");

    @Test
    void everyPublishedFileShouldParseOnItsOwnAndBeNamedAfterItsRecord() throws IOException {
        for (Path file : files()) {
            Schema schema;
            try {
                schema = new Schema.Parser().parse(file.toFile());
            } catch (RuntimeException e) {
                throw new AssertionError(file + " must parse on its own (self-contained: every named type it uses is "
                        + "defined inline in it, the first time it is used — copy the definition from another file): "
                        + e.getMessage(), e);
            }
            assertThat(file.getFileName().toString()).as("file name of " + schema.getFullName())
                    .isEqualTo(schema.getName() + ".avsc");
            assertThat(schema.getNamespace()).as(file + ": namespace").isEqualTo("io.newsflow.avro");
        }
    }

    @Test
    void aTypeWrittenOutInSeveralFilesShouldBeTheSameInEach() throws IOException {
        // full name → (file → canonical string of the type as defined in that file)
        Map<String, Map<Path, String>> definitions = new TreeMap<>();
        for (Path file : files()) {
            Schema.Parser parser = new Schema.Parser();
            parser.parse(file.toFile());
            parser.getTypes().forEach((name, type) ->
                    definitions.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(file.getFileName(), type.toString()));
        }
        List<String> differences = new ArrayList<>();
        definitions.forEach((name, byFile) -> {
            if (byFile.values().stream().distinct().count() > 1) {
                differences.add(name + " differs between " + byFile.keySet() + ": change it the same way in each of "
                        + "them (docs included)");
            }
        });
        assertThat(differences).isEmpty();
        assertThat(definitions.get("io.newsflow.avro.Entity")).as("files defining Entity").hasSizeGreaterThan(1);
    }

    @Test
    void theCodeShouldBeGeneratedFromThePublishedFilesAndRegisterThemAsWritten() throws IOException {
        for (Path file : files()) {
            Schema published = new Schema.Parser().parse(file.toFile());
            Class<?> generated = SpecificData.get().getClass(published);
            assertThat(generated).as("generated class for " + file).isNotNull();
            Schema classSchema = SpecificData.get().getSchema(generated);

            // the generated class carries Java-only properties ("avro.java.string"); what is registered does not
            assertThat(classSchema.toString()).contains("avro.java.string");
            assertThat(PublishedSchemas.canonical(classSchema)).as(file.toString())
                    .isEqualTo(published.toString())
                    .doesNotContain("avro.java.string");
        }
    }

    @Test
    void everyTopicShouldHaveAPublishedValueSchemaFile() {
        assertThat(Topics.VALUE_SCHEMAS.keySet()).as("Topics.VALUE_SCHEMAS covers Topics.ALL")
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
        Topics.VALUE_SCHEMAS.forEach((topic, schema) -> {
            Path file = PUBLISHED.resolve(schema.getName() + ".avsc");
            assertThat(file).as("published value schema of " + topic).exists();
            assertThat(PublishedSchemas.canonical(schema)).as(topic).isEqualTo(PublishedSchemas.canonical(read(file)));
        });
    }

    @Test
    void shouldRemoveJavaPropertiesWhereverTheyAre() {
        Schema withJava = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[
                  {"name":"s","type":{"type":"string","avro.java.string":"String"}},
                  {"name":"m","type":{"type":"map","values":{"type":"string","avro.java.string":"String"},"avro.java.string":"String"}},
                  {"name":"o","type":["null",{"type":"string","avro.java.string":"String"}],"default":null},
                  {"name":"c","type":{"type":"string","java-class":"java.math.BigDecimal"},"doc":"kept"}]}""");

        assertThat(PublishedSchemas.canonical(withJava)).isEqualTo(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"s\",\"type\":\"string\"},"
                        + "{\"name\":\"m\",\"type\":{\"type\":\"map\",\"values\":\"string\"}},"
                        + "{\"name\":\"o\",\"type\":[\"null\",\"string\"],\"default\":null},"
                        + "{\"name\":\"c\",\"type\":\"string\",\"doc\":\"kept\"}]}");
        Schema plain = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"s\",\"type\":\"string\"}]}");
        assertThat(PublishedSchemas.withoutJavaProperties(plain)).isSameAs(plain);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(PUBLISHED)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
            assertThat(list).as(".avsc files in " + PUBLISHED).isNotEmpty();
            return list;
        }
    }
}
