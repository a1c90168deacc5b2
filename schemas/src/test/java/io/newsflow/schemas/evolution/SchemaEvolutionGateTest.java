package io.newsflow.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.CasualtyReport;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.EntityMention;
import io.newsflow.avro.GazetteerEntry;
import io.newsflow.avro.RawArticle;
import io.newsflow.schemas.PublishedSchemas;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The build's evolution gate (runs with {@code ./mvnw -pl schemas test}): a schema change that
 * breaks BACKWARD compatibility with any released version fails the build, naming the record and
 * field. How to release a version: schemas/README.md.
 */
class SchemaEvolutionGateTest {
    static final Path CURRENT = Path.of("src/main/avro");
    static final Path RELEASED = Path.of("src/main/avro-released");
    static final Path BROKEN_FIXTURE = Path.of("src/test/resources/evolution/broken");

    @Test
    void everyCurrentSchemaShouldReadEveryReleasedVersion() {
        Map<String, Map<String, Schema>> released = SchemaEvolution.releasedVersions(RELEASED);
        Map<String, Schema> current = SchemaEvolution.parseDirectory(CURRENT);

        List<SchemaEvolution.Problem> problems = SchemaEvolution.check(released, current);

        assertThat(released).as("released versions in " + RELEASED).containsKey("v1");
        assertThat(problems)
                .as("schema changes must stay BACKWARD compatible with every released version; add new fields as "
                        + "[\"null\", T] with \"default\": null, never change a field's type or drop a default")
                .isEmpty();
    }

    @Test
    void theGateShouldCheckTheSchemasTheCodeIsGeneratedFrom() {
        Map<String, Schema> current = SchemaEvolution.parseDirectory(CURRENT);

        for (Schema generated : List.of(RawArticle.getClassSchema(), EnrichedArticle.getClassSchema(),
                EntityMention.getClassSchema(), CasualtyReport.getClassSchema(), DeadLetter.getClassSchema(),
                GazetteerEntry.getClassSchema())) {
            // the generated classes carry "avro.java.string" (stringType=String); otherwise identical
            assertThat(current.get(generated.getFullName())).as(generated.getFullName())
                    .hasToString(PublishedSchemas.canonical(generated));
        }
    }

    @Test
    void shouldReportABrokenSchemaNamingTheRecordAndTheField() {
        // given the fixture: RawArticle.title changed from string to int, RawArticle.priority added
        // without a default, GeoPoint.lat changed from double to string
        Map<String, Map<String, Schema>> released = SchemaEvolution.releasedVersions(RELEASED);
        Map<String, Schema> broken = SchemaEvolution.parseDirectory(BROKEN_FIXTURE);

        List<SchemaEvolution.Problem> problems = SchemaEvolution.check(released, broken);

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.type()).isEqualTo("io.newsflow.avro.RawArticle");
            assertThat(p.field()).isEqualTo("title");
            assertThat(p.kind()).isEqualTo("TYPE_MISMATCH");
            assertThat(p.releasedVersion()).isEqualTo("v1");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.type()).isEqualTo("io.newsflow.avro.RawArticle");
            assertThat(p.field()).isEqualTo("priority");
            assertThat(p.kind()).isEqualTo("READER_FIELD_MISSING_DEFAULT_VALUE");
        });
        // a nested type is reported on its own and where it is used (Avro names the union holding it)
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.type()).isEqualTo("io.newsflow.avro.GeoPoint");
            assertThat(p.field()).isEqualTo("lat");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.type()).isEqualTo("io.newsflow.avro.GazetteerEntry");
            assertThat(p.field()).isEqualTo("geo");
            assertThat(p.kind()).isEqualTo("MISSING_UNION_BRANCH");
        });
        assertThat(problems).extracting(Object::toString)
                .anySatisfy(s -> assertThat(s).contains("io.newsflow.avro.RawArticle.title").contains("v1"));
        // and records the fixture did not touch are fine
        assertThat(problems).noneSatisfy(p -> assertThat(p.type()).isEqualTo("io.newsflow.avro.DeadLetter"));
    }

    @Test
    void shouldReportAReleasedTypeThatIsGone() {
        Map<String, Map<String, Schema>> released = SchemaEvolution.releasedVersions(RELEASED);
        Map<String, Schema> current = new java.util.HashMap<>(SchemaEvolution.parseDirectory(CURRENT));
        current.remove("io.newsflow.avro.DeadLetter");

        assertThat(SchemaEvolution.check(released, current))
                .singleElement()
                .satisfies(p -> assertThat(p.toString()).contains("io.newsflow.avro.DeadLetter").contains("REMOVED"));
    }

    @Test
    void addingAnOptionalFieldWithDefaultShouldPass() {
        Schema old = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
        Schema next = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
                + "{\"name\":\"b\",\"type\":[\"null\",\"string\"],\"default\":null}]}");

        assertThat(SchemaEvolution.check(Map.of("v1", Map.of("R", old)), Map.of("R", next))).isEmpty();
    }
}
