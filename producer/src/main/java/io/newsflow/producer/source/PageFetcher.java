package io.newsflow.producer.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP GET of feeds and pages: redirects followed, timeouts, a size cap, and conditional requests
 * ({@code If-None-Match}/{@code If-Modified-Since}) so that polling a feed that has not changed
 * costs a 304. Thread-safe; one per process is enough.
 */
public final class PageFetcher {
    public static final String USER_AGENT = "newsflow-producer/0.1 (+https://github.com/newsflow)";
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

    private final HttpClient client;
    private final Duration timeout;

    public PageFetcher() {
        this(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    public PageFetcher(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.timeout = requestTimeout;
    }

    /** What a GET returned; {@code body} is empty when {@code notModified}. */
    public record Response(URI uri, int status, String contentType, byte[] body, String etag, String lastModified) {
        public boolean notModified() {
            return status == 304;
        }

        /** The charset the server declared, or null. */
        public String charset() {
            if (contentType == null) {
                return null;
            }
            Matcher m = CHARSET.matcher(contentType);
            return m.find() ? m.group(1) : null;
        }

        public String mediaType() {
            return contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * GETs {@code uri}.
     *
     * @param etag         the previous response's ETag, or null
     * @param lastModified the previous response's Last-Modified, or null
     * @throws IOException on network errors, non-2xx/304 statuses and bodies over {@code maxBytes}
     */
    public Response get(URI uri, String etag, String lastModified, long maxBytes) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
                        + "text/html;q=0.8, application/json;q=0.7, */*;q=0.5");
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        }
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        Optional<String> newEtag = response.headers().firstValue("ETag");
        Optional<String> newLastModified = response.headers().firstValue("Last-Modified");
        try (InputStream in = response.body()) {
            if (status == 304) {
                return new Response(response.uri(), status, contentType, new byte[0], etag, lastModified);
            }
            if (status < 200 || status > 299) {
                throw new IOException("HTTP " + status + " from " + response.uri());
            }
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw new IOException("response from " + response.uri() + " is over the limit of " + maxBytes + " bytes");
            }
            return new Response(response.uri(), status, contentType, body, newEtag.orElse(null), newLastModified.orElse(null));
        }
    }
}
