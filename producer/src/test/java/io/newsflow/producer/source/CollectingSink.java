package io.newsflow.producer.source;

import io.newsflow.avro.RawArticle;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a source reads, for assertions. */
final class CollectingSink implements ArticleSink {
    final List<RawArticle> articles = new ArrayList<>();
    final List<ArticleParseException> errors = new ArrayList<>();

    @Override
    public void accept(RawArticle article) {
        articles.add(article);
    }

    @Override
    public void reject(ArticleParseException error) {
        errors.add(error);
    }

    RawArticle only() {
        if (articles.size() != 1) {
            throw new AssertionError("expected one article, got " + articles.size() + "; errors " + errors);
        }
        return articles.get(0);
    }

    List<RawArticle> raw() {
        return List.copyOf(articles);
    }
}
