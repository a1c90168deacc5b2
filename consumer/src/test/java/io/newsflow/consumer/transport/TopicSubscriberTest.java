package io.newsflow.consumer.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.avro.EnrichedArticle;
import io.newsflow.consumer.Fixtures;
import io.newsflow.schemas.Topics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TopicSubscriberTest {
    static final TopicPartition TP = new TopicPartition(Topics.ENRICHED, 0);

    /** Remembers seeks, so a test can see where the subscriber left the group's position. */
    static class RecordingConsumer extends MockConsumer<String, EnrichedArticle> {
        final List<String> seeks = new CopyOnWriteArrayList<>();

        RecordingConsumer() {
            super("earliest");
        }

        @Override
        public synchronized void seek(TopicPartition partition, long offset) {
            seeks.add(partition + "@" + offset);
            super.seek(partition, offset);
        }
    }

    final RecordingConsumer consumer = new RecordingConsumer();
    final List<ConsumerRecord<String, EnrichedArticle>> handled = new CopyOnWriteArrayList<>();
    final List<UnreadableRecord> unreadable = new CopyOnWriteArrayList<>();
    final RecordHandler<EnrichedArticle> handler = new RecordHandler<>() {
        @Override
        public void onRecord(ConsumerRecord<String, EnrichedArticle> record) {
            handled.add(record);
        }

        @Override
        public void onUnreadable(UnreadableRecord record) {
            unreadable.add(record);
        }
    };

    static ConsumerRecord<String, EnrichedArticle> record(long offset) {
        return new ConsumerRecord<>(Topics.ENRICHED, 0, offset, "id-" + offset, Fixtures.enrichedArticle());
    }

    void assignAndAdd(long... offsets) {
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(TP));
            consumer.updateBeginningOffsets(Map.of(TP, 0L));
            for (long offset : offsets) {
                consumer.addRecord(record(offset));
            }
        });
    }

    @Test
    void shouldHandRecordsToTheHandlerUntilClosedFromAnotherThread() throws Exception {
        assignAndAdd(0, 1);
        TopicSubscriber<EnrichedArticle> subscriber = new TopicSubscriber<>(consumer, Topics.ENRICHED, Duration.ofMillis(10));
        CountDownLatch twoHandled = new CountDownLatch(2);

        CompletableFuture<TopicSubscriber.RunResult> run = CompletableFuture.supplyAsync(() -> subscriber.run(r -> {
            handled.add(r);
            twoHandled.countDown();
        }));
        assertThat(twoHandled.await(10, TimeUnit.SECONDS)).isTrue();
        subscriber.close();
        TopicSubscriber.RunResult result = run.get(10, TimeUnit.SECONDS);

        assertThat(handled).extracting(ConsumerRecord::key).containsExactly("id-0", "id-1");
        assertThat(handled.get(0).value().getId()).isEqualTo(Fixtures.ARTICLE_ID);
        assertThat(result).isEqualTo(new TopicSubscriber.RunResult(2, 0));
        assertThat(consumer.subscription()).containsExactly(Topics.ENRICHED);
        assertThat(consumer.closed()).isTrue();
        assertThat(subscriber.isClosed()).isTrue();
    }

    @Test
    void shouldReportARecordThatFailsDeserializationWithItsOffsetAndGoOn() {
        assignAndAdd(0);
        consumer.schedulePollTask(() -> consumer.setPollException(new RecordDeserializationException(
                RecordDeserializationException.DeserializationExceptionOrigin.VALUE, TP, 1, 0L, TimestampType.CREATE_TIME,
                null, ByteBuffer.wrap(new byte[] {1, 2, 3}), new RecordHeaders(),
                "Error deserializing VALUE for partition news.articles.enriched-0 at offset 1",
                new SerializationException("record on topic 'news.articles.enriched' is not in the Confluent Avro wire format"))));
        consumer.schedulePollTask(() -> consumer.addRecord(record(2)));

        TopicSubscriber.RunResult result = new TopicSubscriber<>(consumer, Topics.ENRICHED).run(handler, 2, null);

        assertThat(unreadable).singleElement().satisfies(u -> {
            assertThat(u.topic()).isEqualTo(Topics.ENRICHED);
            assertThat(u.partition()).isZero();
            assertThat(u.offset()).isEqualTo(1);
            assertThat(u.reason()).isEqualTo("cannot deserialize value: record on topic 'news.articles.enriched'"
                    + " is not in the Confluent Avro wire format");
            assertThat(u.toString()).startsWith("news.articles.enriched[0]@1: cannot deserialize value");
        });
        assertThat(consumer.seeks).contains(TP + "@2");
        assertThat(handled).extracting(ConsumerRecord::offset).containsExactly(0L, 2L);
        assertThat(result).isEqualTo(new TopicSubscriber.RunResult(2, 1));
    }

    @Test
    void shouldStopAfterMaxRecordsAndRewindToTheFirstUnhandledOne() {
        assignAndAdd(0, 1, 2, 3);

        TopicSubscriber.RunResult result = new TopicSubscriber<>(consumer, Topics.ENRICHED).run(handler, 2, null);

        assertThat(result.records()).isEqualTo(2);
        assertThat(handled).extracting(ConsumerRecord::offset).containsExactly(0L, 1L);
        assertThat(consumer.seeks).last().isEqualTo(TP + "@2");
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void shouldStopWhenNoRecordArrivesWithinTheIdleTimeout() {
        assignAndAdd(0);

        TopicSubscriber.RunResult result = new TopicSubscriber<>(consumer, Topics.ENRICHED, Duration.ofMillis(5))
                .run(handler, 0, Duration.ofMillis(150));

        assertThat(result).isEqualTo(new TopicSubscriber.RunResult(1, 0));
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void shouldRethrowFatalErrorsAndStillCloseTheConsumer() {
        assignAndAdd();
        consumer.schedulePollTask(() -> consumer.setPollException(
                new TopicAuthorizationException("not authorised to read news.articles.enriched")));

        assertThatThrownBy(() -> new TopicSubscriber<>(consumer, Topics.ENRICHED).run(handler))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void shouldRetryOtherKafkaErrors() {
        assignAndAdd();
        consumer.schedulePollTask(() -> consumer.setPollException(new KafkaException("coordinator moved")));
        consumer.schedulePollTask(() -> consumer.addRecord(record(0)));

        TopicSubscriber.RunResult result = new TopicSubscriber<>(consumer, Topics.ENRICHED).run(handler, 1, null);

        assertThat(result.records()).isEqualTo(1);
    }

    @Test
    void shouldReturnAtOnceWhenClosedBeforeRunning() {
        TopicSubscriber<EnrichedArticle> subscriber = new TopicSubscriber<>(consumer, Topics.ENRICHED);
        subscriber.close();

        assertThat(subscriber.run(handler)).isEqualTo(new TopicSubscriber.RunResult(0, 0));
        assertThat(consumer.closed()).isTrue();
        assertThat(new ArrayList<>(handled)).isEmpty();
    }

    @Test
    void shouldFindTopicsByShortOrFullName() {
        assertThat(NewsTopic.byName("enriched")).contains(NewsTopic.ENRICHED);
        assertThat(NewsTopic.byName("news.casualties")).contains(NewsTopic.CASUALTIES);
        assertThat(NewsTopic.byName("DLQ")).contains(NewsTopic.DLQ);
        assertThat(NewsTopic.byName("nope")).isEmpty();
        assertThat(NewsTopic.ENTITIES.valueType()).isEqualTo(io.newsflow.avro.EntityMention.class);
    }
}
