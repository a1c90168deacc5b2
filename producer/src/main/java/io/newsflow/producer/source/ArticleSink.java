package io.newsflow.producer.source;

import io.newsflow.avro.RawArticle;

/** Receives what an {@link ArticleSource} reads: each article, or each item it could not read. */
public interface ArticleSink {
    void accept(RawArticle article);

    void reject(ArticleParseException error);
}
