package io.newsflow.producer.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.RawArticle;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.serde.AvroDeserializer;
import io.newsflow.schemas.serde.AvroSerializer;
import io.newsflow.schemas.serde.SerdeConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class ArticlePublisherTest {
    final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    final List<String> sentIds = new ArrayList<>();
    final List<PublishFailure> reported = new ArrayList<>();
    final PublishListener listener = new PublishListener() {
        @Override
        public void onSent(RawArticle article, RecordMetadata metadata) {
            sentIds.add(article.getId());
        }

        @Override
        public void onFailed(RawArticle article, PublishFailure failure) {
            reported.add(failure);
        }
    };

    MockProducer<String, RawArticle> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), new AvroSerializer<>(registry, false));
    }

    static RawArticle article(String id) {
        return RawArticle.newBuilder().setId(id).setUrl("https://example.com/" + id).setTitle("Title " + id)
                .setIngestedAt(Instant.parse("2024-01-01T00:00:00Z")).setSource(id + ".txt").setBody("Body " + id)
                .build();
    }

    @Test
    void shouldPublishKeyedByIdToTheRawTopicInTheAvroWireFormat() {
        MockProducer<String, RawArticle> producer = producer(true);
        ArticlePublisher publisher = new ArticlePublisher(producer, listener);

        publisher.publish(article("a1"));
        publisher.publish(article("b2"));

        assertThat(producer.history()).extracting(ProducerRecord::topic).containsOnly(Topics.RAW);
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("a1", "b2");
        assertThat(publisher.sent()).isEqualTo(2);
        assertThat(publisher.failed()).isZero();
        assertThat(sentIds).containsExactly("a1", "b2");
        byte[] wire = new AvroSerializer<RawArticle>(registry, false).serialize(Topics.RAW, article("a1"));
        assertThat(wire[0]).isZero();
        RawArticle back = new AvroDeserializer<RawArticle>(RawArticle.class, registry).deserialize(Topics.RAW, wire);
        assertThat(back).isEqualTo(article("a1"));
    }

    @Test
    void shouldRepeatTheOutletFieldAsAHeaderOnlyWhenItIsKnown() {
        MockProducer<String, RawArticle> producer = producer(true);
        ArticlePublisher publisher = new ArticlePublisher(producer, listener);
        RawArticle withOutlet = RawArticle.newBuilder(article("o1")).setOutlet("The Moscow Times").build();

        publisher.publish(withOutlet);
        publisher.publish(article("o2"));

        ProducerRecord<String, RawArticle> first = producer.history().get(0);
        assertThat(first.value().getOutlet()).isEqualTo("The Moscow Times");
        assertThat(new String(first.headers().lastHeader(ArticlePublisher.OUTLET_HEADER).value(),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("The Moscow Times");
        ProducerRecord<String, RawArticle> second = producer.history().get(1);
        assertThat(second.value().getOutlet()).isNull();
        assertThat(second.headers().lastHeader(ArticlePublisher.OUTLET_HEADER)).isNull();
        byte[] wire = new AvroSerializer<RawArticle>(registry, false).serialize(Topics.RAW, withOutlet);
        assertThat(new AvroDeserializer<RawArticle>(RawArticle.class, registry).deserialize(Topics.RAW, wire).getOutlet())
                .isEqualTo("The Moscow Times");
    }

    @Test
    void shouldCountAndReportAFailedSendWithItsReasonAndGoOn() {
        MockProducer<String, RawArticle> producer = producer(false);
        ArticlePublisher publisher = new ArticlePublisher(producer, listener);

        publisher.publish(article("ok"));
        publisher.publish(article("big"));
        publisher.publish(article("next"));
        producer.completeNext();
        producer.errorNext(new RecordTooLargeException("the message is 2000000 bytes"));
        producer.completeNext();

        assertThat(publisher.sent()).isEqualTo(2);
        assertThat(publisher.failed()).isEqualTo(1);
        assertThat(reported).singleElement().satisfies(f -> {
            assertThat(f.articleId()).isEqualTo("big");
            assertThat(f.source()).isEqualTo("big.txt");
            assertThat(f.reason()).isEqualTo("RecordTooLargeException: the message is 2000000 bytes");
            assertThat(f.fatal()).isFalse();
            assertThat(f.toString()).isEqualTo("big.txt: not sent (big): RecordTooLargeException: the message is 2000000 bytes");
        });
        assertThat(publisher.failures()).containsExactlyElementsOf(reported);
    }

    @Test
    void shouldFailLaterArticlesAtOnceAfterAFatalError() {
        MockProducer<String, RawArticle> producer = producer(false);
        ArticlePublisher publisher = new ArticlePublisher(producer, listener);

        publisher.publish(article("first"));
        producer.errorNext(new TopicAuthorizationException("not allowed to write news.articles.raw"));
        publisher.publish(article("second"));

        assertThat(producer.history()).hasSize(1);
        assertThat(publisher.failed()).isEqualTo(2);
        assertThat(reported).extracting(PublishFailure::fatal).containsExactly(true, true);
        assertThat(reported.get(1).reason()).startsWith("not tried: the producer stopped after an earlier fatal error: "
                + "TopicAuthorizationException");
    }

    @Test
    void shouldStopTryingWhenTheBrokerCannotBeReached() {
        MockProducer<String, RawArticle> producer = producer(false);
        ArticlePublisher publisher = new ArticlePublisher(producer, listener);

        publisher.publish(article("first"));
        producer.errorNext(new org.apache.kafka.common.errors.TimeoutException(
                "Topic news.articles.raw not present in metadata after 60000 ms."));
        publisher.publish(article("second"));
        publisher.publish(article("third"));

        assertThat(producer.history()).hasSize(1);
        assertThat(publisher.failed()).isEqualTo(3);
        assertThat(reported.get(2).reason()).isEqualTo("not tried: the producer stopped after an earlier fatal error: "
                + "TimeoutException: Topic news.articles.raw not present in metadata after 60000 ms.");
    }

    @Test
    void shouldReportASendThatFailsBeforeLeaving() {
        MockProducer<String, RawArticle> producer = producer(true);
        producer.sendException = new org.apache.kafka.common.errors.SerializationException("registry unreachable");
        ArticlePublisher publisher = new ArticlePublisher(producer, listener);

        publisher.publish(article("x"));

        assertThat(publisher.failed()).isEqualTo(1);
        assertThat(reported).singleElement().satisfies(f ->
                assertThat(f.reason()).isEqualTo("SerializationException: registry unreachable"));
    }

    @Test
    void shouldFlushPendingSendsOnClose() {
        MockProducer<String, RawArticle> producer = producer(false);
        ArticlePublisher publisher = new ArticlePublisher(producer, listener);
        publisher.publish(article("pending"));
        assertThat(publisher.sent()).isZero();

        publisher.close();
        publisher.close();

        assertThat(producer.flushed()).isTrue();
        assertThat(producer.closed()).isTrue();
        assertThat(publisher.sent()).isEqualTo(1);
        assertThat(publisher.isClosed()).isTrue();
    }

    @Test
    void shouldMakeTheRealProducerIdempotentWithAcksAllAndCompressionUnlessTheOperatorSaysOtherwise() {
        Properties given = new Properties();
        given.setProperty(ProducerConfig.LINGER_MS_CONFIG, "50");
        given.setProperty(SerdeConfig.SCHEMA_REGISTRY_URL, "http://registry:8081");

        Properties props = ArticleProducers.withDefaults(given);

        assertThat(props).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "50");
    }

    @Test
    void shouldBuildARealKafkaProducerWithoutABroker() {
        Properties config = new Properties();
        config.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        config.setProperty(SerdeConfig.SCHEMA_REGISTRY_URL, "http://localhost:1");

        try (var producer = ArticleProducers.create(config)) {
            assertThat(producer).isNotNull();
        }
    }

    @Test
    void shouldRefuseAnArticleLargerThanThePipelineCarriesWithTheLimitAndSendTheNext() {
        // given an article of 600,000 characters (the pipeline carries 524,288 bytes) and an ordinary one
        MockProducer<String, RawArticle> producer = producer(true);
        ArticlePublisher publisher = new ArticlePublisher(producer, listener);
        RawArticle big = article("big");
        big.setBody("x".repeat(600_000));

        publisher.publish(big);
        publisher.publish(article("small"));

        // then the big one is refused before sending, with its size and the limit, and is not fatal
        assertThat(reported).hasSize(1);
        PublishFailure refused = reported.get(0);
        assertThat(refused.articleId()).isEqualTo("big");
        assertThat(refused.fatal()).isFalse();
        assertThat(refused.reason()).matches("refused: the article is 600,\\d{3} bytes serialized, over the limit of"
                + " 524,288 bytes the pipeline carries .*");
        assertThat(producer.history()).extracting(r -> r.key()).containsExactly("small");
        assertThat(sentIds).containsExactly("small");
    }
}
