package io.newsflow.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SchemaRegistryClient#fromConfig}: Confluent's config names for URLs, basic auth and TLS. */
class SchemaRegistryClientConfigTest {
    private static final String STRING_SCHEMA = "{\"schema\":\"\\\"string\\\"\"}";

    @TempDir
    Path dir;

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldSendBasicAuthFromUserInfo() throws Exception {
        try (ReplayServer server = ReplayServer.http().answer(200, STRING_SCHEMA)) {
            SchemaRegistryClient client = SchemaRegistryClient.fromConfig(Map.of(
                    "schema.registry.url", server.url(),
                    "basic.auth.credentials.source", "USER_INFO",
                    "basic.auth.user.info", "fred:s3cr3t"));

            client.getById(1);

            assertThat(server.only().authorization()).isEqualTo(basic("fred:s3cr3t"));
        }
    }

    @Test
    void shouldAcceptThePrefixedUserInfoKeyAndKafkaPasswordValues() throws Exception {
        try (ReplayServer server = ReplayServer.http().answer(200, STRING_SCHEMA)) {
            SchemaRegistryClient client = SchemaRegistryClient.fromConfig(Map.of(
                    "schema.registry.url", server.url(),
                    "basic.auth.credentials.source", "user_info",
                    "schema.registry.basic.auth.user.info", new Password("fred:pw")));

            client.getById(1);

            assertThat(server.only().authorization()).isEqualTo(basic("fred:pw"));
        }
    }

    @Test
    void shouldTakeCredentialsFromTheUrlByDefaultAndNeverShowThem() throws Exception {
        try (ReplayServer server = ReplayServer.http().answer(200, STRING_SCHEMA)) {
            String url = server.url().replace("://", "://fred:p%40ss@");
            SchemaRegistryClient client = SchemaRegistryClient.fromConfig(Map.of("schema.registry.url", url));

            client.getById(1);

            assertThat(server.only().authorization()).isEqualTo(basic("fred:p@ss"));
            assertThat(client.baseUrl()).isEqualTo(server.url());
            assertThat(client.config().toString()).doesNotContain("p@ss").doesNotContain("fred");
        }
    }

    @Test
    void shouldSendNoAuthorizationWithoutCredentials() throws Exception {
        try (ReplayServer server = ReplayServer.http().answer(200, STRING_SCHEMA)) {
            SchemaRegistryClient.fromConfig(Map.of("schema.registry.url", server.url(),
                    "basic.auth.user.info", "ignored:without-source")).getById(1);

            // as Confluent: the default source is URL, so user info alone does not switch auth on
            assertThat(server.only().authorization()).isNull();
        }
    }

    @Test
    void shouldRejectMissingOrUnsupportedSettingsClearly() {
        assertThatThrownBy(() -> SchemaRegistryClient.fromConfig(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> SchemaRegistryClient.fromConfig(Map.of("schema.registry.url", "http://r:8081",
                "basic.auth.credentials.source", "USER_INFO")))
                .hasMessageContaining("basic.auth.user.info");
        assertThatThrownBy(() -> SchemaRegistryClient.fromConfig(Map.of("schema.registry.url", "http://r:8081",
                "basic.auth.credentials.source", "SASL_INHERIT")))
                .hasMessageContaining("SASL_INHERIT");
        assertThatThrownBy(() -> SchemaRegistryClient.fromConfig(Map.of("schema.registry.url", "registry-without-scheme")))
                .hasMessageContaining("invalid URL");
        assertThatThrownBy(() -> SchemaRegistryClient.fromConfig(Map.of("schema.registry.url", "http://r:8081",
                "max.retries", "lots")))
                .hasMessageContaining("max.retries");
    }

    @Test
    void shouldReadRetrySettings() {
        SchemaRegistryClientConfig config = SchemaRegistryClientConfig.from(Map.of("schema.registry.url", "http://a:1, http://b:2/",
                "max.retries", 0, "retries.wait.ms", "50", "latest.cache.ttl.sec", "30"));

        assertThat(config.urls()).containsExactly("http://a:1", "http://b:2");
        assertThat(config.maxAttempts()).isEqualTo(1);
        assertThat(config.initialBackoff()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.latestCacheTtl()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldFailOverToTheNextUrlWhenOneIsUnreachable() throws Exception {
        try (ReplayServer server = ReplayServer.http().answer(200, STRING_SCHEMA)) {
            SchemaRegistryClient client = SchemaRegistryClient.fromConfig(Map.of(
                    "schema.registry.url", "http://127.0.0.1:1," + server.url(), "retries.wait.ms", 1));

            assertThat(client.getById(1).getType()).isEqualTo(org.apache.avro.Schema.Type.STRING);
            assertThat(server.requests).hasSize(1);
        }
    }

    @Test
    void shouldTrustTheRegistryCertificateFromTheConfiguredTrustStore() throws Exception {
        Path serverStore = dir.resolve("server.p12");
        Path cert = dir.resolve("server.crt");
        Path trustStore = dir.resolve("truststore.p12");
        keytool("-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", serverStore.toString(), "-storetype", "PKCS12", "-storepass", "serverpw", "-keypass", "serverpw");
        keytool("-exportcert", "-alias", "registry", "-keystore", serverStore.toString(), "-storetype", "PKCS12",
                "-storepass", "serverpw", "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "registry", "-file", cert.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", "trustpw");

        try (ReplayServer server = ReplayServer.https(serverContext(serverStore, "serverpw")).answer(200, STRING_SCHEMA)) {
            SchemaRegistryClient client = SchemaRegistryClient.fromConfig(Map.of(
                    "schema.registry.url", server.url(),
                    "schema.registry.ssl.truststore.location", trustStore.toString(),
                    "schema.registry.ssl.truststore.password", "trustpw",
                    "schema.registry.ssl.truststore.type", "PKCS12"));

            assertThat(client.getById(1).getType()).isEqualTo(org.apache.avro.Schema.Type.STRING);

            // and without the trust store, the handshake fails as an unreachable registry, naming the id
            SchemaRegistryClient untrusting = new SchemaRegistryClient(server.url(), 1, Duration.ofMillis(1));
            assertThatThrownBy(() -> untrusting.getById(2))
                    .isInstanceOf(SchemaRegistryException.class)
                    .hasMessageContaining("schema id 2");
        }
    }

    @Test
    void shouldReportAnUnreadableTrustStoreByItsKey() {
        assertThatThrownBy(() -> SchemaRegistryClient.fromConfig(Map.of(
                "schema.registry.url", "https://r:8081",
                "schema.registry.ssl.truststore.location", dir.resolve("missing.jks").toString(),
                "schema.registry.ssl.truststore.password", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.registry.ssl.truststore.location");
    }

    private static SSLContext serverContext(Path store, String password) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, password.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... args) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
