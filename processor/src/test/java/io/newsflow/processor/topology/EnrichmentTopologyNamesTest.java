package io.newsflow.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/**
 * Pins the node names and wiring of the topology. Generated names shift when the topology
 * changes; if this test fails, a rename was made on purpose or by accident — decide which.
 */
class EnrichmentTopologyNamesTest {

    @Test
    void shouldKeepNodeNamesAndWiringStable() {
        // given
        TopologyDescription description = EnrichmentTopology.build(Articles::fakeEnrich, new InMemorySchemaRegistryClient())
                .describe();

        // when
        Map<String, String> wiring = new TreeMap<>();
        description.subtopologies().forEach(sub -> sub.nodes().forEach(node -> wiring.put(node.name(), describe(node))));

        // then
        assertThat(description.subtopologies()).hasSize(1);
        assertThat(wiring).containsExactlyInAnyOrderEntriesOf(Map.of(
                "raw-articles-source", "source " + Topics.RAW + " -> [enrich-articles]",
                "enrich-articles", "processor -> [casualty-reports-sink, dead-letter-sink, enriched-articles-sink, entity-mentions-sink]",
                "enriched-articles-sink", "sink " + Topics.ENRICHED,
                "entity-mentions-sink", "sink " + Topics.ENTITIES,
                "casualty-reports-sink", "sink " + Topics.CASUALTIES,
                "dead-letter-sink", "sink " + Topics.DLQ));
        assertThat(EnrichmentTopology.SOURCE).isEqualTo("raw-articles-source");
        assertThat(EnrichmentTopology.ENRICH_PROCESSOR).isEqualTo("enrich-articles");
    }

    @Test
    void shouldReadTheGazetteerIntoOneNamedGlobalStore() {
        // given
        TopologyDescription description = EnrichmentTopology.build(Articles::fakeEnrich, GazetteerListener.NONE,
                new InMemorySchemaRegistryClient()).describe();

        // when
        assertThat(description.globalStores()).hasSize(1);
        TopologyDescription.GlobalStore global = description.globalStores().iterator().next();

        // then
        assertThat(describe(global.source())).isEqualTo("source " + Topics.GAZETTEER + " -> [apply-gazetteer-entries]");
        assertThat(global.source().name()).isEqualTo("gazetteer-source");
        assertThat(global.processor().name()).isEqualTo("apply-gazetteer-entries");
        assertThat(global.processor().stores()).containsExactly("gazetteer-store");
        assertThat(EnrichmentTopology.GAZETTEER_SOURCE).isEqualTo("gazetteer-source");
        assertThat(EnrichmentTopology.GAZETTEER_PROCESSOR).isEqualTo("apply-gazetteer-entries");
        assertThat(EnrichmentTopology.GAZETTEER_STORE).isEqualTo("gazetteer-store");
    }

    private static String describe(TopologyDescription.Node node) {
        String successors = node.successors().stream().map(TopologyDescription.Node::name).sorted()
                .collect(Collectors.joining(", ", " -> [", "]"));
        if (node instanceof TopologyDescription.Source) {
            Set<String> topics = ((TopologyDescription.Source) node).topicSet();
            return "source " + String.join(",", topics) + successors;
        }
        if (node instanceof TopologyDescription.Sink) {
            return "sink " + ((TopologyDescription.Sink) node).topic();
        }
        return "processor" + successors;
    }
}
