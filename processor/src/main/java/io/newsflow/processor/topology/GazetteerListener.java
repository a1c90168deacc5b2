package io.newsflow.processor.topology;

import io.newsflow.avro.GazetteerEntry;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives the operators' entries of the compacted {@code news.gazetteer} topic, so the topology does not depend on
 * the enrichment package ({@code ArticleEnricher} is adapted to it in {@code ProcessorApp}).
 *
 * <p>Called from Kafka Streams' global thread while stream threads enrich articles: implementations must be
 * thread-safe, and should make an entry visible to the next article. Calls must be idempotent: every entry of the
 * topic is delivered again when the processor restarts (the global store is rebuilt from the topic), and a live entry
 * may be delivered twice at start-up.
 */
public interface GazetteerListener {
    /** An entry was added or changed (the record's key equals {@code entry.getId()}). */
    void upsert(GazetteerEntry entry);

    /** The entry with this id was removed (a tombstone). */
    void remove(String id);

    /** A listener from two functions, e.g. {@code GazetteerListener.of(enricher::upsert, enricher::remove)}. */
    static GazetteerListener of(Consumer<GazetteerEntry> upsert, Consumer<String> remove) {
        Objects.requireNonNull(upsert, "upsert");
        Objects.requireNonNull(remove, "remove");
        return new GazetteerListener() {
            @Override
            public void upsert(GazetteerEntry entry) {
                upsert.accept(entry);
            }

            @Override
            public void remove(String id) {
                remove.accept(id);
            }
        };
    }

    /** Ignores every entry: the gazetteer topic is still read and stored, but does not change the enrichment. */
    GazetteerListener NONE = new GazetteerListener() {
        @Override
        public void upsert(GazetteerEntry entry) {
        }

        @Override
        public void remove(String id) {
        }

        @Override
        public String toString() {
            return "GazetteerListener.NONE";
        }
    };
}
