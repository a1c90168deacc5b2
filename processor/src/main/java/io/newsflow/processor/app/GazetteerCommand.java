package io.newsflow.processor.app;

import io.newsflow.avro.EntityType;
import io.newsflow.avro.GazetteerEntry;
import io.newsflow.avro.GeoPoint;
import io.newsflow.schemas.config.ClientConfigs;
import io.newsflow.schemas.config.ConnectionOptions;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.serde.AvroSerializer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow gazetteer put|delete}: adds, corrects or removes an operator's entity on the
 * compacted {@code news.gazetteer} topic (key = entity id → {@link GazetteerEntry}; delete = a
 * tombstone). A running processor applies it to the next article, without a restart; a starting
 * one reads the whole topic first.
 *
 * <pre>
 * newsflow gazetteer put --id nf:org:harbour-watch --name "Harbour Watch Collective" --type ORGANIZATION --alias HWC
 * newsflow gazetteer put --id nf:loc:ostrohirka --name Ostrohirka --type LOCATION --lat 47.41 --lon 35.91 --country UA
 * newsflow gazetteer delete --id nf:org:harbour-watch
 * </pre>
 *
 * The pipeline's topics are created first if missing ({@code news.gazetteer} compacted), so the
 * broker's auto-creation never makes it an ordinary, deleting topic. Exit code 0 when the broker
 * acknowledged the record, 1 when it did not in time, 2 on bad input or configuration.
 */
@Command(name = "gazetteer", mixinStandardHelpOptions = true,
        description = {"Add, correct or remove an operator's entity on news.gazetteer (compacted; key = entity id).",
                "A running processor uses it for the next article."},
        subcommands = {GazetteerCommand.Put.class, GazetteerCommand.Delete.class})
public final class GazetteerCommand implements Runnable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    private final Function<Properties, Producer<String, GazetteerEntry>> producers;
    private final Consumer<Properties> topics;
    private final Map<String, String> env;

    public GazetteerCommand() {
        this(GazetteerCommand::kafkaProducer, GazetteerCommand::ensureTopics, System.getenv());
    }

    /** For tests: a producer factory (e.g. a MockProducer), a topic check and an environment. */
    GazetteerCommand(Function<Properties, Producer<String, GazetteerEntry>> producers, Consumer<Properties> topics,
                     Map<String, String> env) {
        this.producers = producers;
        this.topics = topics;
        this.env = env;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "Add or replace an entity: its id, canonical name, type and other names (aliases, translations).")
    static final class Put implements Callable<Integer> {
        @ParentCommand
        GazetteerCommand parent;

        @Mixin
        ConnectionOptions connection;

        @Option(names = "--id", required = true, paramLabel = "ID",
                description = "Stable entity id: a project id (nf:org:...), or a bundled id (kb:..., geonames:..., iso3166:...) to correct that entity")
        String id;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Canonical name")
        String name;

        @Option(names = "--type", required = true, paramLabel = "TYPE",
                description = "PERSON, ORGANIZATION, LOCATION, ... (case-insensitive)")
        String type;

        @Option(names = "--alias", paramLabel = "NAME",
                description = "Another name of the entity (repeat for several): spelling variants, translations, acronyms")
        List<String> aliases = new ArrayList<>();

        @Option(names = "--lat", paramLabel = "DEG", description = "Latitude (WGS84), with --lon")
        Double lat;

        @Option(names = "--lon", paramLabel = "DEG", description = "Longitude (WGS84), with --lat")
        Double lon;

        @Option(names = "--country", paramLabel = "CC", description = "ISO 3166-1 alpha-2 country code, with --lat/--lon")
        String country;

        @Option(names = "--admin1", paramLabel = "REGION", description = "First-level region name, with --lat/--lon")
        String admin1;

        @Option(names = "--geonames-id", paramLabel = "N", description = "GeoNames id, with --lat/--lon")
        Long geonamesId;

        @Override
        public Integer call() {
            GazetteerEntry entry;
            try {
                entry = entry();
            } catch (IllegalArgumentException e) {
                return parent.fail("gazetteer put: " + e.getMessage(), 2);
            }
            return parent.publish(connection, "put " + describe(entry), publisher -> publisher.put(entry));
        }

        GazetteerEntry entry() {
            if (id.isBlank() || name.isBlank()) {
                throw new IllegalArgumentException("--id and --name must not be blank");
            }
            EntityType t;
            try {
                t = EntityType.valueOf(type.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--type must be one of " + Arrays.toString(EntityType.values())
                        + ", not '" + type + "'");
            }
            GeoPoint geo = null;
            if (lat != null || lon != null) {
                if (lat == null || lon == null) {
                    throw new IllegalArgumentException("--lat and --lon go together");
                }
                if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
                    throw new IllegalArgumentException("--lat must be in [-90, 90] and --lon in [-180, 180]");
                }
                geo = new GeoPoint(lat, lon, country == null ? null : country.trim().toUpperCase(Locale.ROOT),
                        admin1, geonamesId);
            } else if (country != null || admin1 != null || geonamesId != null) {
                throw new IllegalArgumentException("--country, --admin1 and --geonames-id need --lat and --lon");
            }
            List<String> names = aliases.stream().map(String::trim).filter(a -> !a.isEmpty()).distinct()
                    .collect(Collectors.toList());
            return GazetteerEntry.newBuilder()
                    .setId(id.trim())
                    .setName(name.trim())
                    .setType(t)
                    .setAliases(names)
                    .setGeo(geo)
                    .build();
        }

        private static String describe(GazetteerEntry e) {
            return e.getId() + " (" + e.getType() + " " + e.getName()
                    + (e.getAliases().isEmpty() ? "" : ", aliases " + e.getAliases())
                    + (e.getGeo() == null ? "" : ", at " + e.getGeo().getLat() + "," + e.getGeo().getLon()) + ")";
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Remove an operator's entity (a tombstone); bundled dictionary entries with that id stay.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        GazetteerCommand parent;

        @Mixin
        ConnectionOptions connection;

        @Option(names = "--id", required = true, paramLabel = "ID", description = "The entity id to remove")
        String id;

        @Override
        public Integer call() {
            if (id.isBlank()) {
                return parent.fail("gazetteer delete: --id must not be blank", 2);
            }
            return parent.publish(connection, "delete " + id.trim(), publisher -> publisher.delete(id.trim()));
        }
    }

    @FunctionalInterface
    interface Action {
        RecordMetadata apply(GazetteerPublisher publisher) throws InterruptedException, ExecutionException, TimeoutException;
    }

    int publish(ConnectionOptions connection, String what, Action action) {
        Properties config;
        try {
            config = connection.settings(env);
        } catch (IllegalArgumentException e) {
            return fail("gazetteer: " + e.getMessage(), 2);
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            topics.accept(config);
            try (GazetteerPublisher publisher = new GazetteerPublisher(producers.apply(config), TIMEOUT)) {
                RecordMetadata sent = action.apply(publisher);
                out.println(what + " -> " + sent.topic() + " partition " + sent.partition() + " offset " + sent.offset());
                out.flush();
                return 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("gazetteer: interrupted", 1);
        } catch (ExecutionException e) {
            return fail("gazetteer: " + what + " failed: " + e.getCause().getMessage(), 1);
        } catch (TimeoutException e) {
            return fail("gazetteer: no acknowledgement from " + config.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
                    + " within " + TIMEOUT + "; is Kafka running?", 1);
        } catch (RuntimeException e) {
            return fail("gazetteer: " + what + " failed: " + e.getMessage(), 1);
        }
    }

    int fail(String message, int code) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(message);
        err.flush();
        return code;
    }

    /** A producer of the configuration's client and security settings (plus any {@code producer.}-prefixed ones). */
    static Producer<String, GazetteerEntry> kafkaProducer(Properties config) {
        SchemaRegistryClient registry = ClientConfigs.registry(config);
        return new KafkaProducer<>(producerConfig(config), new StringSerializer(), new AvroSerializer<GazetteerEntry>(registry, false));
    }

    static Map<String, Object> producerConfig(Properties config) {
        Map<String, Object> producer = ClientConfigs.producer(config);
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-gazetteer");
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, TIMEOUT.toMillis());
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2);
        producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return producer;
    }

    /** Creates the pipeline's topics if missing, so news.gazetteer is never auto-created uncompacted. */
    static void ensureTopics(Properties config) {
        Admin admin = Admin.create(ProcessorApp.adminConfig(config));
        try {
            ProcessorApp.ensureTopics(admin, io.newsflow.schemas.topics.TopicSettings.fromProperties(config), TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from the Kafka cluster at "
                    + config.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) + " within " + TIMEOUT
                    + "; is it running?", e);
        } finally {
            admin.close(Duration.ofSeconds(5));
        }
    }

    /** {@code newsflow gazetteer} without the launcher. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new GazetteerCommand()).execute(args));
    }
}
