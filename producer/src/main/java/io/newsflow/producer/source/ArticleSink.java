package io.newsflow.producer.source;

import io.newsflow.avro.RawArticle;

/** Receives what an {@link ArticleSource} reads: each article, or each item it could not read. */
public interface ArticleSink {
    void accept(RawArticle article);

    /** An article with the outlet that published it (null when unknown); sinks that do not use the outlet take the article alone. */
    default void accept(SourcedArticle article) {
        accept(article.article());
    }

    void reject(ArticleParseException error);
}
