package io.newsflow.app;

import io.newsflow.schemas.TopicSpec;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.config.ClientConfigs;
import io.newsflow.schemas.config.ConnectionOptions;
import io.newsflow.schemas.topics.TopicAdmin;
import io.newsflow.schemas.topics.TopicSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow topics create|describe}: the pipeline's topics as {@link Topics#SPECS} says
 * (compaction, retention) with partitions, replication and {@code min.insync.replicas} for the
 * cluster ({@link TopicSettings}: 6, min(3, brokers), min(2, RF) unless given).
 *
 * <pre>
 * newsflow topics create --partitions 6 --replication-factor 3 --retention news.articles.dlq=60d
 * newsflow topics describe
 * </pre>
 *
 * {@code create} is idempotent: existing topics are left as they are (and reported when they
 * differ). {@code describe} prints each topic with what differs from the spec. Exit codes: 0 all
 * topics as specified, 1 some missing or different (describe) or not created, 2 bad options, 3 no
 * answer from the cluster.
 */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Create or check the pipeline's topics (partitions, replication, min.insync.replicas, retention, compaction).",
        subcommands = {TopicsCommand.Create.class, TopicsCommand.Describe.class})
public final class TopicsCommand implements Runnable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    public TopicsCommand() {
        this(System.getenv());
    }

    TopicsCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The settings both subcommands take. */
    static final class Layout {
        @Option(names = "--partitions", paramLabel = "N", description = "partitions per topic (default: 6)")
        Integer partitions;

        @Option(names = "--replication-factor", paramLabel = "R", description = "replicas per partition (default: min(3, brokers))")
        Short replicationFactor;

        @Option(names = "--min-insync-replicas", paramLabel = "M",
                description = "min.insync.replicas (default: min(2, replication factor))")
        Integer minInsyncReplicas;

        @Option(names = "--retention", paramLabel = "TOPIC=DURATION",
                description = "retention of one deleting topic, e.g. news.articles.dlq=60d or news.articles.raw=PT48H"
                        + " (repeatable; default: 7d, the DLQ 30d)")
        Map<String, String> retention = new LinkedHashMap<>();

        TopicSettings settings(Properties config) {
            TopicSettings fromConfig = TopicSettings.fromProperties(config);
            return new TopicSettings(partitions != null ? partitions : fromConfig.partitions(),
                    replicationFactor != null ? replicationFactor : fromConfig.replicationFactor(),
                    minInsyncReplicas != null ? minInsyncReplicas : fromConfig.minInsyncReplicas());
        }

        List<TopicSpec> specs() {
            List<TopicSpec> specs = new ArrayList<>();
            Map<String, String> left = new LinkedHashMap<>(retention);
            for (TopicSpec spec : Topics.SPECS) {
                String asked = left.remove(spec.name());
                specs.add(asked == null ? spec : spec.withRetention(duration(spec.name(), asked)));
            }
            if (!left.isEmpty()) {
                throw new IllegalArgumentException("--retention: not a topic of the pipeline: " + left.keySet()
                        + " (topics: " + Topics.ALL + ")");
            }
            return specs;
        }

        static Duration duration(String topic, String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            try {
                if (t.matches("\\d+[dhm]")) {
                    long n = Long.parseLong(t.substring(0, t.length() - 1));
                    return switch (t.charAt(t.length() - 1)) {
                        case 'd' -> Duration.ofDays(n);
                        case 'h' -> Duration.ofHours(n);
                        default -> Duration.ofMinutes(n);
                    };
                }
                return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException("--retention " + topic + "=" + text + ": not a duration (e.g. 7d, 48h, PT30M)");
            }
        }
    }

    /** What both subcommands take: the connection and the layout. */
    abstract static class Subcommand implements Callable<Integer> {
        @ParentCommand
        TopicsCommand parent;

        @Mixin
        ConnectionOptions connection;

        @Mixin
        Layout layout;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create the topics that are missing, with the pipeline's settings; existing ones are left as they are.")
    static final class Create extends Subcommand {
        @Override
        public Integer call() {
            return parent.withAdmin(connection, layout, (topics, specs, settings, out) -> {
                Set<String> created = topics.createMissing(specs, settings);
                int differing = 0;
                for (TopicAdmin.TopicState state : topics.describe(specs, settings)) {
                    String verb = created.contains(state.spec().name()) ? "created" : "exists ";
                    out.println(verb + " " + line(state));
                    if (!state.matches()) {
                        differing++;
                    }
                }
                out.println(created.size() + " created, " + (specs.size() - created.size()) + " existed, " + differing
                        + " differ from the spec (" + settings + ")");
                return differing == 0 ? 0 : 1;
            });
        }
    }

    @Command(name = "describe", mixinStandardHelpOptions = true,
            description = "Show each topic and what differs from the pipeline's settings.")
    static final class Describe extends Subcommand {
        @Override
        public Integer call() {
            return parent.withAdmin(connection, layout, (topics, specs, settings, out) -> {
                int bad = 0;
                for (TopicAdmin.TopicState state : topics.describe(specs, settings)) {
                    out.println(line(state));
                    if (!state.matches()) {
                        bad++;
                    }
                }
                out.println(bad == 0 ? "all " + specs.size() + " topics as specified (" + settings + ")"
                        : bad + " of " + specs.size() + " topics missing or different from the spec (" + settings + ")");
                return bad == 0 ? 0 : 1;
            });
        }
    }

    static String line(TopicAdmin.TopicState state) {
        TopicSpec spec = state.spec();
        String policy = spec.compacted() ? "compact" : "delete, retention " + human(spec.retention());
        if (!state.exists()) {
            return String.format("%-24s MISSING (%s)", spec.name(), policy);
        }
        return String.format("%-24s %d partitions, RF %d, min.insync.replicas %s, %s%s", spec.name(), state.partitions(),
                state.replicationFactor(), state.configs().get("min.insync.replicas"), policy,
                state.matches() ? "" : "  DIFFERS: " + String.join("; ", state.mismatches()));
    }

    private static String human(Duration d) {
        return d.toDays() > 0 && d.toHours() % 24 == 0 ? d.toDays() + "d" : d.toHours() > 0 && d.toMinutes() % 60 == 0
                ? d.toHours() + "h" : d.toMinutes() + "m";
    }

    @FunctionalInterface
    interface Action {
        int apply(TopicAdmin topics, List<TopicSpec> specs, TopicSettings.Resolved settings, PrintWriter out)
                throws InterruptedException, TimeoutException;
    }

    int withAdmin(ConnectionOptions connection, Layout layout, Action action) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Properties config;
        List<TopicSpec> specs;
        TopicSettings settings;
        try {
            config = connection.settings(env);
            specs = layout.specs();
            settings = layout.settings(config);
        } catch (IllegalArgumentException e) {
            err.println("topics: " + e.getMessage());
            err.flush();
            return 2;
        }
        try (Admin admin = Admin.create(ClientConfigs.admin(config))) {
            TopicAdmin topics = new TopicAdmin(admin, TIMEOUT);
            TopicSettings.Resolved resolved;
            try {
                resolved = settings.resolve(topics.brokers());
            } catch (IllegalArgumentException e) {
                err.println("topics: " + e.getMessage());
                err.flush();
                return 2;
            }
            int code = action.apply(topics, specs, resolved, out);
            out.flush();
            return code;
        } catch (TimeoutException e) {
            err.println("topics: no answer from the Kafka cluster at " + config.getProperty("bootstrap.servers") + " within "
                    + TIMEOUT + "; is it running?");
            err.flush();
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 3;
        } catch (IllegalStateException e) {
            err.println("topics: " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
