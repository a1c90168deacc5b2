package io.newsflow.producer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.avro.RawArticle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Feed and page URLs, served by a JDK HttpServer on 127.0.0.1: no outside network. */
class UrlSourceTest {
    HttpServer server;
    String base;
    final AtomicInteger feedBodies = new AtomicInteger();
    final ArticleFileParser parser = new ArticleFileParser();
    final PageFetcher fetcher = new PageFetcher();
    final CollectingSink sink = new CollectingSink();

    @BeforeEach
    void serve() throws Exception {
        byte[] feed = Files.readAllBytes(SourceFormatsTest.fixture("feed.rss"));
        byte[] page = Files.readAllBytes(SourceFormatsTest.fixture("page.html"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            feedBodies.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.sendResponseHeaders(200, feed.length);
            exchange.getResponseBody().write(feed);
            exchange.close();
        });
        server.createContext("/story", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.createContext("/gone", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldReadTheItemsOfAFeedUrlAndNotRereadItWhenUnchanged() throws Exception {
        UrlSource source = new UrlSource(URI.create(base + "/feed"), fetcher, parser);

        source.read(sink);
        assertThat(sink.raw()).extracting(RawArticle::getTitle)
                .containsExactly("Ceasefire talks resume in the capital", "Market closes higher");
        assertThat(sink.raw()).allSatisfy(a -> assertThat(a.getSource()).isEqualTo(base + "/feed"));
        assertThat(sink.errors).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("item 3"));

        source.poll(sink);
        assertThat(sink.articles).hasSize(2);
        assertThat(feedBodies).hasValue(1);
    }

    @Test
    void shouldReadAPageUrlAsOneArticleWithItsCanonicalUrl() throws Exception {
        new UrlSource(URI.create(base + "/story"), fetcher, parser).read(sink);

        RawArticle article = sink.only();
        assertThat(article.getTitle()).isEqualTo("Floods leave thousands homeless in the north");
        assertThat(article.getUrl()).isEqualTo("https://news.example.org/world/2023/12/29/floods-north?id=42");
        assertThat(article.getSource()).isEqualTo(base + "/story");
    }

    @Test
    void shouldFailTheSourceOnAnHttpError() {
        assertThatThrownBy(() -> new UrlSource(URI.create(base + "/gone"), fetcher, parser).read(sink))
                .isInstanceOf(IOException.class).hasMessageContaining("HTTP 404");
    }
}
