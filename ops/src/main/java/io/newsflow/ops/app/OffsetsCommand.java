package io.newsflow.ops.app;

import io.newsflow.ops.groups.GroupInspector;
import io.newsflow.ops.groups.OffsetSkip;
import io.newsflow.schemas.ConsumerGroups;
import io.newsflow.schemas.config.ConnectionOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow offsets skip}: the last resort for a poison record — moves a stopped group's
 * committed offset past it ({@link OffsetSkip}). Prefer fixing the cause and {@code dlq replay}:
 * a skipped record is not processed at all.
 */
@Command(name = "offsets", mixinStandardHelpOptions = true,
        description = "Move a consumer group's committed offsets (the last resort for a record that stops it).",
        subcommands = OffsetsCommand.Skip.class)
public final class OffsetsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    public OffsetsCommand() {
        this(System.getenv());
    }

    /** For tests: the environment to read. */
    public OffsetsCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "skip", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Set GROUP's committed offset of TOPIC/PARTITION to OFFSET + 1, so it resumes after the record at OFFSET.",
                    "Refused while the group has active members (stop every instance first), and when the group's",
                    "committed offset is below OFFSET (other records would be skipped too) unless --force."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:done, or nothing to do (already past), or a dry run", "1:the cluster could not be asked",
                    "2:usage error", "3:refused (the reason is printed)"})
    static final class Skip implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        OffsetsCommand parent;

        @Mixin
        ConnectionOptions connection;

        @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The topic of the record (e.g. news.articles.raw)")
        String topic;

        @Option(names = "--partition", required = true, paramLabel = "P", description = "Its partition")
        int partition;

        @Option(names = "--offset", required = true, paramLabel = "O", description = "Its offset: the group resumes at O + 1")
        long offset;

        @Option(names = "--group", paramLabel = "GROUP", defaultValue = ConsumerGroups.PROCESSOR,
                description = "The consumer group (default: ${DEFAULT-VALUE})")
        String group;

        @Option(names = "--force", description = "Also skip the records between the committed offset and OFFSET")
        boolean force;

        @Option(names = "--dry-run", description = "Say what would be set, change nothing")
        boolean dryRun;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
                description = "Give up when the cluster does not answer within this long (default: ${DEFAULT-VALUE})")
        long timeoutSeconds;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (partition < 0 || offset < 0) {
                spec.commandLine().getErr().println("offsets skip: --partition and --offset must not be negative");
                return OpsCommand.USAGE;
            }
            return OpsCommand.run(spec, "offsets skip", connection, parent.env, timeoutSeconds, this::skip);
        }

        private int skip(Properties settings, Duration timeout, PrintWriter out, PrintWriter err) throws Exception {
            try (Admin admin = OpsClients.admin(settings, "newsflow-offsets", timeout)) {
                OffsetSkip.Outcome outcome = new OffsetSkip(new GroupInspector(admin, timeout))
                        .skip(group, new TopicPartition(topic, partition), offset, force, dryRun);
                if (outcome.refused()) {
                    err.println("offsets skip: refused: " + outcome.message());
                    return OpsCommand.REFUSED;
                }
                out.println(outcome.message());
                return OpsCommand.OK;
            }
        }
    }
}
