package io.newsflow.consumer.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.avro.CasualtyReport;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.Mention;
import io.newsflow.avro.EntityType;
import io.newsflow.avro.Entity;
import io.newsflow.avro.EntityMention;
import io.newsflow.avro.FigureCategory;
import io.newsflow.avro.Qualifier;
import io.newsflow.avro.RawArticle;
import io.newsflow.consumer.Fixtures;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordFormatterTest {
    final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldPrintTitleIdEntitiesAndFiguresOfAnEnrichedArticle() {
        String text = RecordFormatter.formatEnriched(Fixtures.enrichedArticle());

        assertThat(text).isEqualTo(String.join("\n",
                "'Our Men Are Dying for Nothing': Russian Soldier's Widow Makes Anti-War Plea",
                "  id 39122f9c9171b7456653b2592eb8fde0 · 2023-12-29 · https://www.themoscowtimes.com/2023/12/29/our-men-are-dying-for-nothing-a83605",
                "  entities (3)",
                "    ORGANIZATION  Put' Dumoi     nf:put-dumoi",
                "    PERSON        Maria Ishkova  nf:maria-ishkova",
                "    LOCATION      Berdiansk      geonames:712451  (46.7550, 36.7890 UA)",
                "  figures (2)",
                "    KILLED at least 4,787 — mobilized men (Mediazona and BBC)",
                "    MOBILIZED about 300,000 — reservists"));
        assertThat(RecordFormatter.format(Fixtures.enrichedArticle())).isEqualTo(text);
    }

    @Test
    void shouldShowTheArticlesOwnSpellingWhenItDiffersFromTheCanonicalName() {
        Entity place = Entity.newBuilder().setId("geonames:712451").setName("Berdyansk").setType(EntityType.LOCATION)
                .setMentions(List.of(new Mention("Berdiansk", 10, 19), new Mention("Berdiansk", 40, 49),
                        new Mention("Berdyansk", 60, 69)))
                .build();
        EnrichedArticle article = EnrichedArticle.newBuilder(Fixtures.enrichedArticle())
                .setEntities(List.of(place)).setCasualties(List.of()).build();

        assertThat(RecordFormatter.formatEnriched(article))
                .contains("LOCATION  Berdyansk  geonames:712451  as \u201cBerdiansk\u201d")
                .doesNotContain("\u201cBerdyansk\u201d");
    }

    @Test
    void shouldPrintAnArticleWithoutEntitiesFiguresDateOrUrl() {
        EnrichedArticle bare = EnrichedArticle.newBuilder(Fixtures.enrichedArticle())
                .setArticle(RawArticle.newBuilder(Fixtures.rawArticle()).setUrl(null).setPublishedAt(null).build())
                .setEntities(List.of()).setCasualties(List.of()).build();

        assertThat(RecordFormatter.formatEnriched(bare)).isEqualTo(String.join("\n",
                "'Our Men Are Dying for Nothing': Russian Soldier's Widow Makes Anti-War Plea",
                "  id 39122f9c9171b7456653b2592eb8fde0",
                "  entities (0)",
                "  figures (0)"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "EXACT       | 13   | -  | -  | KILLED 13 — civilians",
        "AT_LEAST    | 4787 | -  | -  | KILLED at least 4,787 — civilians",
        "AT_MOST     | 50   | -  | -  | KILLED at most 50 — civilians",
        "APPROXIMATE | 1200 | -  | -  | KILLED about 1,200 — civilians",
        "RANGE       | 10   | 10 | 20 | KILLED 10–20 — civilians",
    })
    void shouldWriteTheWordsOfEachQualifier(Qualifier qualifier, long count, Long min, Long max, String expected) {
        assertThat(RecordFormatter.formatFigure(
                Fixtures.figure(FigureCategory.KILLED, qualifier, count, min, max, "civilians", null))).isEqualTo(expected);
    }

    @Test
    void shouldWritePlainJsonWithUnionsUnwrappedInstantsAsIsoAndEnumsByName() throws Exception {
        String line = RecordFormatter.toJson(Fixtures.enrichedArticle());

        assertThat(line).doesNotContain("\n", "{\"string\"", "{\"long\"");
        JsonNode node = json.readTree(line);
        assertThat(node.get("id").asText()).isEqualTo(Fixtures.ARTICLE_ID);
        assertThat(node.at("/article/url").asText()).startsWith("https://www.themoscowtimes.com/");
        assertThat(node.at("/article/publishedAt").asText()).isEqualTo("2023-12-29T00:00:00Z");
        assertThat(node.at("/article/ingestedAt").asText()).isEqualTo("2024-01-02T03:04:05.678Z");
        assertThat(node.at("/article/language").isNull()).isTrue();
        assertThat(node.at("/article/authors/0").asText()).isEqualTo("Leyla Latypova");
        assertThat(node.at("/entities/2/type").asText()).isEqualTo("LOCATION");
        assertThat(node.at("/entities/2/geo/lat").asDouble()).isEqualTo(46.755);
        assertThat(node.at("/entities/2/geo/geonamesId").asLong()).isEqualTo(712451L);
        assertThat(node.at("/entities/2/mentions/0/start").asInt()).isEqualTo(30);
        assertThat(node.at("/casualties/0/category").asText()).isEqualTo("KILLED");
        assertThat(node.at("/casualties/0/qualifier").asText()).isEqualTo("AT_LEAST");
        assertThat(node.at("/casualties/0/count").asLong()).isEqualTo(4787);
        assertThat(node.at("/casualties/0/max").isNull()).isTrue();
        assertThat(node.get("enrichedAt").asText()).isEqualTo("2024-01-02T03:04:06Z");
    }

    @Test
    void shouldWriteBytesAsBase64() throws Exception {
        DeadLetter letter = deadLetter();

        JsonNode node = json.readTree(RecordFormatter.toJson(letter));

        assertThat(node.get("originalValue").asText()).isEqualTo("AAAAAAFub3QgYXZybw==");
        assertThat(node.get("originalKey").asText()).isEqualTo("a2V5");
        assertThat(node.get("sourceOffset").asLong()).isEqualTo(12);
        assertThat(node.get("failedAt").asText()).isEqualTo("2024-01-01T00:00:00Z");
    }

    @Test
    void shouldWriteTimestampsOfGenericRecordsAsIsoToo() throws Exception {
        GenericRecord generic = new GenericData.Record(RawArticle.getClassSchema());
        generic.put("id", "x");
        generic.put("url", null);
        generic.put("title", "T");
        generic.put("authors", List.of());
        generic.put("publishedAt", Instant.parse("2023-12-29T00:00:00Z").toEpochMilli());
        generic.put("ingestedAt", 0L);
        generic.put("source", "s");
        generic.put("language", "en");
        generic.put("body", "b");

        JsonNode node = json.readTree(RecordFormatter.toJson(generic));

        assertThat(node.get("publishedAt").asText()).isEqualTo("2023-12-29T00:00:00Z");
        assertThat(node.get("ingestedAt").asText()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(node.get("language").asText()).isEqualTo("en");
    }

    @Test
    void shouldPrintCompactLinesForTheOtherTopics() {
        EntityMention mention = EntityMention.newBuilder().setEntity(Fixtures.berdiansk()).setArticleId(Fixtures.ARTICLE_ID)
                .setArticleTitle("Widow's plea").setArticleUrl(null).setPublishedAt(null).build();
        CasualtyReport report = CasualtyReport.newBuilder().setArticleId(Fixtures.ARTICLE_ID).setArticleTitle("Widow's plea")
                .setArticleUrl(null).setPublishedAt(null).setFigure(Fixtures.killed())
                .setPlaces(List.of(Fixtures.berdiansk())).build();

        assertThat(RecordFormatter.format(mention)).isEqualTo(
                "LOCATION Berdiansk geonames:712451 (46.7550, 36.7890 UA)  in 39122f9c9171b7456653b2592eb8fde0 \"Widow's plea\"");
        assertThat(RecordFormatter.format(report)).isEqualTo(
                "KILLED at least 4,787 — mobilized men (Mediazona and BBC)  in 39122f9c9171b7456653b2592eb8fde0"
                        + " \"Widow's plea\"  places: Berdiansk");
        assertThat(RecordFormatter.format(deadLetter())).isEqualTo(
                "DESERIALIZE news.articles.raw[0]@12 2024-01-01T00:00:00Z: not in the Confluent wire format"
                        + " (org.apache.kafka.common.errors.SerializationException) [13 bytes kept]");
        assertThat(RecordFormatter.format(Fixtures.rawArticle())).isEqualTo(
                "39122f9c9171b7456653b2592eb8fde0 2023-12-29 \"'Our Men Are Dying for Nothing': Russian Soldier's Widow"
                        + " Makes Anti-War Plea\" (classpath:samples/d01-put-dumoi-widow.txt)");
    }

    static DeadLetter deadLetter() {
        return DeadLetter.newBuilder().setStage("DESERIALIZE").setError("not in the Confluent wire format")
                .setErrorClass("org.apache.kafka.common.errors.SerializationException")
                .setSourceTopic("news.articles.raw").setSourcePartition(0).setSourceOffset(12L)
                .setOriginalKey(ByteBuffer.wrap("key".getBytes(StandardCharsets.UTF_8)))
                .setOriginalValue(ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 1, 'n', 'o', 't', ' ', 'a', 'v', 'r', 'o'}))
                .setFailedAt(Instant.parse("2024-01-01T00:00:00Z")).build();
    }
}
