package io.newsflow.producer.source;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A feed or a single web page at an http(s) URL. What it is comes from the response's content
 * type (RSS/Atom/XML → feed, HTML → page, JSON → records), or from its first bytes when the type
 * says nothing useful. A page's URL is its article URL unless it names a canonical one.
 * {@link #poll} asks with the previous ETag/Last-Modified, so an unchanged feed is not re-read.
 */
public final class UrlSource implements ArticleSource {
    private final URI uri;
    private final PageFetcher fetcher;
    private final ArticleFileParser parser;
    private String etag;
    private String lastModified;

    public UrlSource(URI uri, PageFetcher fetcher, ArticleFileParser parser) {
        this.uri = uri;
        this.fetcher = fetcher;
        this.parser = parser;
    }

    @Override
    public String name() {
        return uri.toString();
    }

    @Override
    public void read(ArticleSink sink) throws IOException {
        fetch(sink, null, null);
    }

    @Override
    public void poll(ArticleSink sink) throws IOException {
        fetch(sink, etag, lastModified);
    }

    private void fetch(ArticleSink sink, String ifNoneMatch, String ifModifiedSince) throws IOException {
        long limit = InputFormat.FEED.maxInputBytes(parser.maxBytes());
        PageFetcher.Response response = fetcher.get(uri, ifNoneMatch, ifModifiedSince, limit);
        if (response.notModified()) {
            return;
        }
        etag = response.etag();
        lastModified = response.lastModified();
        format(response).read(response.body(), uri.toString(), response.uri().toString(), response.charset(), parser, sink);
    }

    static InputFormat format(PageFetcher.Response response) {
        String type = response.mediaType();
        if (type.contains("html")) {
            return InputFormat.HTML;
        }
        if (type.contains("rss") || type.contains("atom")) {
            return InputFormat.FEED;
        }
        if (type.endsWith("/json")) {
            return InputFormat.JSON;
        }
        if (type.contains("ndjson") || type.contains("jsonl") || type.contains("json-seq")) {
            return InputFormat.JSONL;
        }
        if (type.contains("xml")) {
            String head = new String(response.body(), 0, Math.min(2048, response.body().length), StandardCharsets.UTF_8);
            return FeedArticles.looksLikeFeed(head) ? InputFormat.FEED : InputFormat.HTML;
        }
        return InputFormat.sniff(response.body());
    }
}
