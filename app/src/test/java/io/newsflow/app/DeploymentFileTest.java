package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsflow.observability.http.ServiceHttpServer;
import io.newsflow.observability.metrics.ServiceMetrics;
import io.newsflow.schemas.config.EnvVars;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The deployment files against the code, since {@code docker compose config} cannot run here (no
 * Docker engine): every newsflow service's command parses with the launcher's CLI, every variable
 * it sets is one the code reads ({@link EnvVars}), its healthcheck and Prometheus' scrape go to
 * its {@code --http-port} and to paths the services' HTTP server really serves (tried on a
 * running {@link ServiceHttpServer}), the processor can be scaled, and state sits on volumes.
 */
class DeploymentFileTest {
    private static final Path REPO = DocumentedCommands.repo();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String IMAGE = "newsflow:latest";


    static JsonNode compose;
    static ServiceHttpServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void readFilesAndStartTheServicesHttpServer() throws Exception {
        compose = YAML.readTree(REPO.resolve("docker-compose.yml").toFile());
        server = ServiceHttpServer.builder().port(0).metrics(ServiceMetrics.create("deployment-check")).start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** The services run from the newsflow image, by name. */
    private static Map<String, JsonNode> newsflowServices() {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        compose.path("services").fields().forEachRemaining(e -> {
            if (IMAGE.equals(e.getValue().path("image").asText())) {
                services.put(e.getKey(), e.getValue());
            }
        });
        assertThat(services).containsKeys("processor", "producer", "consumer", "tools");
        return services;
    }

    private static List<String> command(JsonNode service) {
        List<String> words = new ArrayList<>();
        service.path("command").forEach(word -> words.add(word.asText()));
        return words;
    }

    private static int httpPort(List<String> command) {
        int at = command.indexOf("--http-port");
        assertThat(at).as("--http-port in " + command).isNotNegative();
        return Integer.parseInt(command.get(at + 1));
    }

    private static int status(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void shouldParseEveryNewsflowServiceCommandWithTheLauncher() {
        newsflowServices().forEach((name, service) -> {
            List<String> words = command(service);
            assertThat(words).as(name + " command").isNotEmpty();
            CommandLine launcher = new CommandLine(new Newsflow());
            CommandLine sub = launcher.getSubcommands().get(words.get(0));
            assertThat(sub).as(name + ": no launcher command " + words.get(0)).isNotNull();
            List<String> args = new ArrayList<>(words);
            try {
                launcher.parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                throw new AssertionError("docker-compose.yml service " + name + ": " + words + " does not parse: " + e.getMessage(), e);
            }
        });
    }

    @Test
    void shouldSetOnlyEnvironmentVariablesTheCodeReads() {
        Set<String> set = new TreeSet<>();
        newsflowServices().forEach((name, service) -> service.path("environment").fieldNames().forEachRemaining(set::add));

        assertThat(set).contains(EnvVars.NEWSFLOW_BOOTSTRAP_SERVERS, EnvVars.NEWSFLOW_SCHEMA_REGISTRY_URL,
                EnvVars.NEWSFLOW_JAVA_OPTS, EnvVars.NEWSFLOW_STATE_DIR);
        assertThat(EnvVars.names()).containsAll(set);
    }

    @Test
    void shouldCheckHealthOnTheServicesHttpPortAndAPathItsServerServes() throws Exception {
        Pattern url = Pattern.compile("http://localhost:(\\d+)(/[^\\s\"'\\]]*)");
        int checked = 0;
        for (Map.Entry<String, JsonNode> e : newsflowServices().entrySet()) {
            JsonNode test = e.getValue().path("healthcheck").path("test");
            if (test.isMissingNode()) {
                continue;
            }
            Matcher m = url.matcher(test.toString());
            assertThat(m.find()).as(e.getKey() + " healthcheck names an http://localhost URL: " + test).isTrue();
            assertThat(Integer.parseInt(m.group(1))).as(e.getKey() + " healthcheck port").isEqualTo(httpPort(command(e.getValue())));
            assertThat(status(m.group(2))).as(e.getKey() + " healthcheck path " + m.group(2) + " is served").isNotEqualTo(404);
            checked++;
        }

        assertThat(newsflowServices().get("processor").path("healthcheck").path("test").toString())
                .contains(ServiceHttpServer.READY_PATH);
        assertThat(checked).isGreaterThanOrEqualTo(2);
        assertThat(status("/no-such-path")).as("the server answers 404 for a path it does not serve").isEqualTo(404);
    }

    @Test
    void shouldScrapeEveryServiceAtItsHttpPortAndMetricsPath() throws Exception {
        JsonNode prometheus = YAML.readTree(REPO.resolve("deploy/prometheus.yml").toFile());
        Map<String, JsonNode> services = newsflowServices();
        List<String> scraped = new ArrayList<>();

        for (JsonNode job : prometheus.path("scrape_configs")) {
            String path = job.path("metrics_path").asText("/metrics");
            assertThat(status(path)).as(job.path("job_name").asText() + " metrics_path " + path).isEqualTo(200);
            for (JsonNode sd : job.path("dns_sd_configs")) {
                for (JsonNode name : sd.path("names")) {
                    JsonNode service = services.get(name.asText());
                    assertThat(service).as("a newsflow service named " + name.asText()).isNotNull();
                    assertThat(sd.path("port").asInt()).as(name.asText() + " port").isEqualTo(httpPort(command(service)));
                    scraped.add(name.asText());
                }
            }
        }
        assertThat(scraped).contains("processor");

        List<String> mounted = new ArrayList<>();
        compose.path("services").path("prometheus").path("volumes").forEach(v -> mounted.add(v.asText()));
        for (JsonNode rules : prometheus.path("rule_files")) {
            assertThat(mounted).anyMatch(v -> v.endsWith(":" + rules.asText() + ":ro") || v.contains(":" + rules.asText()));
        }
        assertThat(mounted).anyMatch(v -> v.startsWith("./deploy/prometheus.yml:/etc/prometheus/prometheus.yml"));
    }

    @Test
    void shouldLetTheProcessorScaleWithItsOwnStateAndRestartEveryLongRunningService() {
        JsonNode processor = compose.path("services").path("processor");

        assertThat(processor.has("container_name")).as("a fixed container name prevents --scale").isFalse();
        assertThat(processor.has("ports")).as("a fixed host port prevents --scale").isFalse();
        List<String> volumes = new ArrayList<>();
        processor.path("volumes").forEach(v -> volumes.add(v.asText()));
        assertThat(volumes).as("state in an anonymous volume per instance, not one shared by all replicas")
                .containsExactly("/var/lib/newsflow/state");
        assertThat(command(processor)).contains("state.dir=/var/lib/newsflow/state");

        compose.path("services").fields().forEachRemaining(e -> {
            boolean oneOff = e.getValue().path("profiles").toString().contains("tools");
            if (!oneOff) {
                assertThat(e.getValue().path("restart").asText()).as(e.getKey() + " restart policy").isEqualTo("unless-stopped");
            }
        });
    }

    @Test
    void shouldKeepBrokerDataProducerStateAndMetricsOnDeclaredNamedVolumes() {
        Set<String> declared = new TreeSet<>();
        compose.path("volumes").fieldNames().forEachRemaining(declared::add);
        Map<String, String> mounts = new LinkedHashMap<>();
        compose.path("services").fields().forEachRemaining(e -> e.getValue().path("volumes").forEach(v -> {
            String[] parts = v.asText().split(":");
            if (parts.length >= 2 && !parts[0].startsWith(".") && !parts[0].startsWith("/")) {
                mounts.put(e.getKey() + " " + parts[1], parts[0]);
            }
        }));

        assertThat(declared).containsAll(mounts.values());
        assertThat(mounts).containsEntry("kafka-1 /var/lib/kafka/data", "kafka-1-data")
                .containsEntry("kafka-2 /var/lib/kafka/data", "kafka-2-data")
                .containsEntry("kafka-3 /var/lib/kafka/data", "kafka-3-data")
                .containsEntry("producer /var/lib/newsflow/producer", "producer-state");
        assertThat(compose.path("services").path("producer").path("environment").path(EnvVars.NEWSFLOW_STATE_DIR).asText())
                .isEqualTo("/var/lib/newsflow/producer");
        compose.path("services").fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("kafka")) {
                assertThat(e.getValue().path("environment").path("KAFKA_LOG_DIRS").asText()).as(e.getKey())
                        .isEqualTo("/var/lib/kafka/data");
            }
        });
    }

    @Test
    void shouldRunThreeBrokersOrOneByProfileUnderOneName() throws Exception {
        JsonNode services = compose.path("services");
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            assertThat(services.path(broker).path("profiles").toString()).as(broker).contains("cluster");
            assertThat(services.path(broker).path("environment").path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText())
                    .isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
        }
        assertThat(services.path("kafka-single").path("profiles").toString()).contains("single");
        assertThat(services.path("kafka-single").path("networks").path("default").path("aliases").toString()).contains("kafka-1");
        assertThat(Files.readString(REPO.resolve(".env"))).contains("COMPOSE_PROFILES=cluster");
        newsflowServices().forEach((name, service) -> assertThat(
                service.path("environment").path(EnvVars.NEWSFLOW_BOOTSTRAP_SERVERS).asText()).as(name)
                .isEqualTo("kafka-1:9092,kafka-2:9092,kafka-3:9092"));
    }

    @Test
    void shouldBuildTheImageFromTheJarAndReadTheHeapSettingItsServicesSet() throws Exception {
        String dockerfile = Files.readString(REPO.resolve("Dockerfile"));
        List<String> ignore = Files.readAllLines(REPO.resolve(".dockerignore"));

        assertThat(dockerfile).contains("$" + EnvVars.NEWSFLOW_JAVA_OPTS).contains("-jar /app/newsflow.jar");
        Matcher copy = Pattern.compile("(?m)^COPY (\\S+) ").matcher(dockerfile);
        int copies = 0;
        while (copy.find()) {
            assertThat(DockerIgnore.excludes(ignore, copy.group(1))).as(copy.group(1) + " is in the build context").isFalse();
            copies++;
        }
        assertThat(copies).isEqualTo(2);
        assertThat(DockerIgnore.excludes(ignore, "processor/src/main/java/io/newsflow/processor/app/ProcessCommand.java")).isTrue();
        assertThat(DockerIgnore.excludes(ignore, ".git/HEAD")).isTrue();
        assertThat(Files.readString(REPO.resolve("newsflow"))).contains("$" + "{" + EnvVars.NEWSFLOW_JAVA_OPTS);
    }

    @Test
    void shouldAlertOnlyOnMetricsTheOperationsPageDocuments() throws Exception {
        String rules = Files.readString(REPO.resolve("deploy/alerts.yml"));
        String operations = Files.readString(REPO.resolve("docs/operations.md"));
        JsonNode alerts = YAML.readTree(rules);
        Matcher metric = Pattern.compile("\\b(newsflow_[a-z_]+|kafka_[a-z_]+)\\b").matcher(rules);
        Set<String> names = new TreeSet<>();
        while (metric.find()) {
            names.add(metric.group(1));
        }

        assertThat(alerts.path("groups").get(0).path("rules").size()).isEqualTo(4);
        assertThat(names).contains("newsflow_dead_letters_total", "newsflow_enrichment_truncated_total",
                "newsflow_articles_enriched_total");
        names.forEach(name -> assertThat(operations).as(name + " in docs/operations.md").contains("`" + name));
    }

    /** The subset of .dockerignore's rules the build context needs: globs, '**', '!' exceptions, last match wins. */
    static final class DockerIgnore {
        static boolean excludes(List<String> rules, String path) {
            String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            boolean excluded = false;
            for (String raw : rules) {
                String rule = raw.strip();
                if (rule.isEmpty() || rule.startsWith("#")) {
                    continue;
                }
                boolean exception = rule.startsWith("!");
                String glob = (exception ? rule.substring(1) : rule).replaceAll("/+$", "");
                if (matchesSelfOrParent(glob, p)) {
                    excluded = !exception;
                }
            }
            return excluded;
        }

        private static boolean matchesSelfOrParent(String glob, String path) {
            String regex = glob.replace(".", "\\.").replace("**", "\u0000").replace("*", "[^/]*").replace("\u0000", ".*");
            Pattern pattern = Pattern.compile(regex);
            String candidate = path;
            while (true) {
                if (pattern.matcher(candidate).matches()) {
                    return true;
                }
                int slash = candidate.lastIndexOf('/');
                if (slash < 0) {
                    return false;
                }
                candidate = candidate.substring(0, slash);
            }
        }
    }
}
