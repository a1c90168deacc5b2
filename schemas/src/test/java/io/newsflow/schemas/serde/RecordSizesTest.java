package io.newsflow.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.RawArticle;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class RecordSizesTest {

    private static RawArticle article(String body) {
        return RawArticle.newBuilder()
                .setId("abc123")
                .setUrl("https://example.org/a")
                .setTitle("Бердянськ: порт знову працює")
                .setAuthors(List.of("Jane Roe"))
                .setPublishedAt(Instant.parse("2023-12-29T00:00:00Z"))
                .setIngestedAt(Instant.parse("2024-01-01T10:00:00Z"))
                .setSource("sample.txt")
                .setLanguage("uk")
                .setBody(body)
                .build();
    }

    @Test
    void shouldMeasureExactlyWhatTheSerializerWrites() {
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>(new InMemorySchemaRegistryClient(), false);
        for (String body : List.of("", "Body text.", "Київ ".repeat(20_000), "x".repeat(700_000))) {
            RawArticle article = article(body);

            long measured = RecordSizes.wireFormatSize(article);

            assertThat(measured).isEqualTo(serializer.serialize("news.articles.raw", article).length);
        }
    }

    @Test
    void shouldBoundTheKafkaRecordByKeyValueHeadersAndKafkasOverhead() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("outlet", "Example News".getBytes(StandardCharsets.UTF_8));

        long size = RecordSizes.kafkaRecordSize(16, 1000, headers);

        assertThat(size).isBetween(16L + 1000 + 6 + 12 + RecordSizes.KAFKA_RECORD_OVERHEAD, 16L + 1000 + 200);
        assertThat(RecordSizes.MAX_ARTICLE_BYTES).isEqualTo(512 * 1024);
        assertThat(RecordSizes.bytes(1_048_576)).isEqualTo("1,048,576");
    }
}
