package io.newsflow.schemas.registry;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a {@link SchemaRegistryClient}, read from a Kafka client config map with the keys
 * Confluent's serdes use, so an existing Confluent configuration carries over unchanged:
 *
 * <pre>
 * schema.registry.url                      http(s)://host:port[,more urls] (required)
 * basic.auth.credentials.source            URL (default: user:password@ in the URL) | USER_INFO
 * basic.auth.user.info                     user:password, with source USER_INFO
 *                                          (schema.registry.basic.auth.user.info also accepted)
 * schema.registry.ssl.truststore.location  trust store for an https registry
 * schema.registry.ssl.truststore.password
 * schema.registry.ssl.truststore.type      JKS (default) | PKCS12
 * schema.registry.ssl.keystore.location    client certificate, for mutual TLS
 * schema.registry.ssl.keystore.password / .type, schema.registry.ssl.key.password
 * max.retries                              retries after the first attempt (default 3)
 * retries.wait.ms                          first backoff, doubled each retry (default 200)
 * http.connect.timeout.ms, http.read.timeout.ms
 * latest.cache.ttl.sec                     how long "latest version" answers are cached (-1: forever)
 * </pre>
 *
 * {@code SASL_INHERIT} and bearer-token auth are not supported and are rejected clearly.
 * {@link #toString()} never shows secrets.
 */
public final class SchemaRegistryClientConfig {
    public static final String URL = "schema.registry.url";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String SR_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";

    static final int DEFAULT_MAX_ATTEMPTS = 4;
    static final Duration DEFAULT_BACKOFF = Duration.ofMillis(200);

    /** A key store (trust or key material) on disk. */
    public record Store(String location, String password, String type, String keyPassword) {
        @Override
        public String toString() {
            return "Store[" + location + ", " + type + "]";
        }
    }

    private final List<String> urls;
    private final String userInfo;
    private final Store trustStore;
    private final Store keyStore;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration latestCacheTtl;

    private SchemaRegistryClientConfig(List<String> urls, String userInfo, Store trustStore, Store keyStore,
                                       int maxAttempts, Duration initialBackoff, Duration connectTimeout,
                                       Duration readTimeout, Duration latestCacheTtl) {
        this.urls = List.copyOf(urls);
        this.userInfo = userInfo;
        this.trustStore = trustStore;
        this.keyStore = keyStore;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.initialBackoff = initialBackoff;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.latestCacheTtl = latestCacheTtl;
    }

    /** Plain settings: one or more comma-separated URLs, credentials (if any) in the URL. */
    public static SchemaRegistryClientConfig of(String url, int maxAttempts, Duration initialBackoff) {
        Objects.requireNonNull(url, URL);
        ParsedUrls parsed = parseUrls(url);
        return new SchemaRegistryClientConfig(parsed.urls, parsed.userInfo, null, null, maxAttempts, initialBackoff,
                Duration.ofSeconds(5), Duration.ofSeconds(10), null);
    }

    /** Reads the Confluent keys listed in the class comment; unknown keys are ignored. */
    public static SchemaRegistryClientConfig from(Map<String, ?> configs) {
        String url = string(configs, URL);
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("missing required config '" + URL + "' for the schema registry client");
        }
        ParsedUrls parsed = parseUrls(url);
        String source = string(configs, BASIC_AUTH_CREDENTIALS_SOURCE);
        source = source == null || source.isBlank() ? "URL" : source.trim().toUpperCase(Locale.ROOT);
        String userInfo;
        switch (source) {
            case "URL" -> userInfo = parsed.userInfo;
            case "USER_INFO" -> {
                userInfo = string(configs, BASIC_AUTH_USER_INFO);
                if (userInfo == null || userInfo.isBlank()) {
                    userInfo = string(configs, SR_BASIC_AUTH_USER_INFO);
                }
                if (userInfo == null || userInfo.isBlank()) {
                    throw new IllegalArgumentException("'" + BASIC_AUTH_CREDENTIALS_SOURCE + "' is USER_INFO but '"
                            + BASIC_AUTH_USER_INFO + "' is not set (expected user:password)");
                }
                if (!userInfo.contains(":")) {
                    throw new IllegalArgumentException("'" + BASIC_AUTH_USER_INFO + "' must be user:password");
                }
            }
            case "SASL_INHERIT" -> throw new IllegalArgumentException("'" + BASIC_AUTH_CREDENTIALS_SOURCE
                    + "=SASL_INHERIT' is not supported by this client; use USER_INFO with '" + BASIC_AUTH_USER_INFO + "'");
            default -> throw new IllegalArgumentException("unknown '" + BASIC_AUTH_CREDENTIALS_SOURCE + "' value '" + source
                    + "'; expected URL or USER_INFO");
        }
        if (string(configs, "bearer.auth.credentials.source") != null) {
            throw new IllegalArgumentException("bearer.auth.* (token auth) is not supported by this client; use basic auth");
        }
        Store trust = store(configs, SSL_TRUSTSTORE_LOCATION, SSL_TRUSTSTORE_PASSWORD, SSL_TRUSTSTORE_TYPE, null);
        Store key = store(configs, SSL_KEYSTORE_LOCATION, SSL_KEYSTORE_PASSWORD, SSL_KEYSTORE_TYPE, SSL_KEY_PASSWORD);
        int retries = (int) number(configs, MAX_RETRIES, DEFAULT_MAX_ATTEMPTS - 1);
        Duration backoff = Duration.ofMillis(number(configs, RETRIES_WAIT_MS, DEFAULT_BACKOFF.toMillis()));
        Duration connect = Duration.ofMillis(number(configs, HTTP_CONNECT_TIMEOUT_MS, 5_000));
        Duration read = Duration.ofMillis(number(configs, HTTP_READ_TIMEOUT_MS, 10_000));
        long ttl = number(configs, LATEST_CACHE_TTL_SEC, -1);
        return new SchemaRegistryClientConfig(parsed.urls, userInfo, trust, key, retries + 1, backoff, connect, read,
                ttl < 0 ? null : Duration.ofSeconds(ttl));
    }

    /** The registry URLs without credentials, tried in order when one cannot be reached. */
    public List<String> urls() {
        return urls;
    }

    /** {@code user:password} for HTTP basic auth, or null. */
    String userInfo() {
        return userInfo;
    }

    public boolean hasBasicAuth() {
        return userInfo != null;
    }

    public Store trustStore() {
        return trustStore;
    }

    public Store keyStore() {
        return keyStore;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** How long a "latest version" answer is reused; null means for the client's lifetime. */
    public Duration latestCacheTtl() {
        return latestCacheTtl;
    }

    @Override
    public String toString() {
        return "SchemaRegistryClientConfig[urls=" + urls + ", basicAuth=" + hasBasicAuth() + ", trustStore=" + trustStore
                + ", keyStore=" + keyStore + ", maxAttempts=" + maxAttempts + "]";
    }

    private record ParsedUrls(List<String> urls, String userInfo) {
    }

    private static ParsedUrls parseUrls(String value) {
        List<String> urls = new ArrayList<>();
        String userInfo = null;
        for (String part : value.split(",")) {
            String url = part.trim();
            if (url.isEmpty()) {
                continue;
            }
            int scheme = url.indexOf("://");
            int at = url.indexOf('@');
            int slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
            if (scheme > 0 && at > scheme && (slash < 0 || at < slash)) {
                String info = url.substring(scheme + 3, at);
                userInfo = userInfo == null ? URLDecoder.decode(info, StandardCharsets.UTF_8) : userInfo;
                url = url.substring(0, scheme + 3) + url.substring(at + 1);
            }
            while (url.endsWith("/")) {
                url = url.substring(0, url.length() - 1);
            }
            if (!url.startsWith("mock://")) {
                try {
                    URI uri = URI.create(url);
                    if (uri.getScheme() == null || uri.getHost() == null) {
                        throw new IllegalArgumentException("no scheme or host");
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + URL + "' has an invalid URL '" + url
                            + "': expected http(s)://host:port (" + e.getMessage() + ")", e);
                }
            }
            urls.add(url);
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("'" + URL + "' holds no URL");
        }
        return new ParsedUrls(urls, userInfo);
    }

    private static Store store(Map<String, ?> configs, String locationKey, String passwordKey, String typeKey,
                               String keyPasswordKey) {
        String location = string(configs, locationKey);
        if (location == null || location.isBlank()) {
            return null;
        }
        String type = string(configs, typeKey);
        return new Store(location, string(configs, passwordKey), type == null || type.isBlank() ? "JKS" : type,
                keyPasswordKey == null ? null : string(configs, keyPasswordKey));
    }

    private static String string(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        if (value == null) {
            return null;
        }
        // Kafka's Password type hides its value from toString(); read it the way Kafka does
        if (value instanceof org.apache.kafka.common.config.types.Password password) {
            return password.value();
        }
        return value.toString();
    }

    private static long number(Map<String, ?> configs, String key, long defaultValue) {
        Object value = configs.get(key);
        if (value == null || value.toString().isBlank()) {
            return defaultValue;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config '" + key + "' must be a number, got '" + value + "'", e);
        }
    }
}
