package io.newsflow.producer.source;

import io.newsflow.avro.RawArticle;

/**
 * An article and the outlet that published it (og:site_name, a feed's title, a JSON record's
 * {@code outlet}), when known. {@code RawArticle} has no outlet field yet, so the producer sends
 * the outlet as the record header {@code outlet}.
 */
public record SourcedArticle(RawArticle article, String outlet) {
}
