package io.newsflow.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.Entity;
import io.newsflow.avro.EntityMention;
import io.newsflow.avro.EntityType;
import io.newsflow.avro.GazetteerEntry;
import io.newsflow.avro.GeoPoint;
import io.newsflow.avro.RawArticle;
import io.newsflow.processor.enrich.ArticleEnricher;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.serde.AvroDeserializer;
import io.newsflow.schemas.serde.AvroSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Operators' entries on {@code news.gazetteer} change the enrichment of the next article, with the
 * REAL enricher: what a user sees on {@code news.articles.enriched}. The names are invented and
 * appear in no evaluation article.
 */
class EnrichmentTopologyGazetteerTest {
    private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
    private static final String HWC_ID = "nf:test:hwc";
    private static final String BODY = "Volunteers of the Harbour Watch Collective cleared the shore on Sunday. "
            + "HWC said the work would go on all month.";

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private ArticleEnricher enricher;
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestInputTopic<String, GazetteerEntry> gazetteer;
    private TestInputTopic<String, byte[]> gazetteerBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, EntityMention> entities;

    @BeforeEach
    void start() {
        enricher = ArticleEnricher.loadFresh();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrichment-gazetteer-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(EnrichmentTopology.build(enricher::enrich,
                GazetteerListener.of(enricher::upsert, enricher::remove), registry, Clock.fixed(T0, ZoneOffset.UTC)),
                props, T0);
        raw = driver.createInputTopic(Topics.RAW, new StringSerializer(), new AvroSerializer<RawArticle>(registry, false));
        gazetteer = driver.createInputTopic(Topics.GAZETTEER, new StringSerializer(),
                new AvroSerializer<GazetteerEntry>(registry, false));
        gazetteerBytes = driver.createInputTopic(Topics.GAZETTEER, new StringSerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED, new StringDeserializer(),
                new AvroDeserializer<>(EnrichedArticle.class, registry));
        entities = driver.createOutputTopic(Topics.ENTITIES, new StringDeserializer(),
                new AvroDeserializer<>(EntityMention.class, registry));
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void shouldResolveTheOperatorsAliasToItsIdInTheNextArticle() {
        // given an article enriched before the operator's entry
        assertThat(mentioned(enrich("a1"), "HWC").map(Entity::getId)).isNotEqualTo(Optional.of(HWC_ID));

        // when the operator publishes the entry
        gazetteer.pipeInput(HWC_ID, hwc(), T0.plusSeconds(1));

        // then the next article's alias and full name both resolve to the operator's id and type
        EnrichedArticle next = enrich("a2");
        Entity hwc = mentioned(next, "HWC").orElseThrow(() -> new AssertionError("no HWC in " + next.getEntities()));
        assertThat(hwc.getId()).isEqualTo(HWC_ID);
        assertThat(hwc.getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(hwc.getName()).isEqualTo("Harbour Watch Collective");
        assertThat(mentioned(next, "Harbour Watch Collective").map(Entity::getId)).contains(HWC_ID);
        // and the downstream topic of entities carries it under the operator's id
        assertThat(entities.readKeyValuesToList()).extracting(kv -> kv.key).contains(HWC_ID);
    }

    @Test
    void shouldForgetTheEntryAfterATombstone() {
        // given an applied entry
        gazetteer.pipeInput(HWC_ID, hwc(), T0);
        assertThat(mentioned(enrich("a1"), "HWC").map(Entity::getId)).contains(HWC_ID);

        // when the operator deletes it (null value on the compacted topic)
        gazetteerBytes.pipeInput(HWC_ID, null, T0.plusSeconds(1));

        // then the next article no longer uses the operator's id, and the store forgot it
        assertThat(mentioned(enrich("a2"), "HWC").map(Entity::getId)).isNotEqualTo(Optional.of(HWC_ID));
        assertThat(store().get(HWC_ID)).isNull();
    }

    @Test
    void shouldApplyACorrectionOfAnEntryToTheNextArticle() {
        // given an entry published as a LOCATION by mistake
        gazetteer.pipeInput(HWC_ID, GazetteerEntry.newBuilder(hwc()).setType(EntityType.LOCATION)
                .setGeo(new GeoPoint(47.1, 37.5, "UA", null, null)).build(), T0);
        assertThat(mentioned(enrich("a1"), "HWC").map(Entity::getType)).contains(EntityType.LOCATION);

        // when the operator publishes the corrected entry under the same key
        gazetteer.pipeInput(HWC_ID, hwc(), T0.plusSeconds(1));

        // then the correction wins
        assertThat(mentioned(enrich("a2"), "HWC").map(Entity::getType)).contains(EntityType.ORGANIZATION);
    }

    @Test
    void shouldSkipUnreadableGazetteerRecordsAndKeepApplyingLaterOnes() {
        // given garbage, an entry whose key is not its id and a record without a key
        gazetteerBytes.pipeInput(HWC_ID, "not avro".getBytes(StandardCharsets.UTF_8), T0);
        gazetteer.pipeInput("nf:test:other-key", hwc(), T0);
        gazetteer.pipeInput(null, hwc(), T0);
        assertThat(store().approximateNumEntries()).isZero();
        assertThat(mentioned(enrich("a1"), "HWC").map(Entity::getId)).isNotEqualTo(Optional.of(HWC_ID));

        // when a good entry follows
        gazetteer.pipeInput(HWC_ID, hwc(), T0.plusSeconds(1));

        // then the topology is alive and applies it
        assertThat(mentioned(enrich("a2"), "HWC").map(Entity::getId)).contains(HWC_ID);
        assertThat(store().get(HWC_ID)).isNotNull();
    }

    @Test
    void shouldKeepThePreviousVersionWhenAnUpdateIsUnreadable() {
        // given an applied entry
        gazetteer.pipeInput(HWC_ID, hwc(), T0);

        // when a broken update for the same key arrives
        gazetteerBytes.pipeInput(HWC_ID, new byte[] {0, 0, 0, 0, 99, 1, 2}, T0.plusSeconds(1));

        // then the previous version still applies
        assertThat(mentioned(enrich("a1"), "HWC").map(Entity::getId)).contains(HWC_ID);
    }

    private KeyValueStore<String, byte[]> store() {
        return driver.getKeyValueStore(EnrichmentTopology.GAZETTEER_STORE);
    }

    private static GazetteerEntry hwc() {
        return GazetteerEntry.newBuilder()
                .setId(HWC_ID)
                .setName("Harbour Watch Collective")
                .setType(EntityType.ORGANIZATION)
                .setAliases(List.of("HWC"))
                .build();
    }

    private EnrichedArticle enrich(String id) {
        raw.pipeInput(id, RawArticle.newBuilder()
                .setId(id)
                .setUrl("https://example.org/" + id)
                .setTitle("Shore clean-up")
                .setAuthors(List.of())
                .setPublishedAt(T0)
                .setIngestedAt(T0)
                .setSource("test")
                .setLanguage("en")
                .setBody(BODY)
                .build(), T0);
        EnrichedArticle out = enriched.readValue();
        assertThat(out.getId()).isEqualTo(id);
        return out;
    }

    private static Optional<Entity> mentioned(EnrichedArticle article, String text) {
        return article.getEntities().stream()
                .filter(e -> e.getMentions().stream().anyMatch(m -> m.getText().equals(text)))
                .findFirst();
    }
}
