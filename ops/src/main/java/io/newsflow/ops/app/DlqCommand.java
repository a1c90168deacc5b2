package io.newsflow.ops.app;

import io.newsflow.avro.DeadLetter;
import io.newsflow.ops.dlq.DeadLetterReplay;
import io.newsflow.ops.dlq.ReplayFilter;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.config.ClientConfigs;
import io.newsflow.schemas.config.ConnectionOptions;
import io.newsflow.schemas.serde.AvroDeserializer;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code newsflow dlq replay}: re-publishes dead letters' original records after a fix ({@link DeadLetterReplay}). */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "Work with the dead-letter topic " + Topics.DLQ + " (read it with: newsflow consume --topic dlq).",
        subcommands = DlqCommand.Replay.class)
public final class DlqCommand implements Runnable {
    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    public DlqCommand() {
        this(System.getenv());
    }

    /** For tests: the environment to read. */
    public DlqCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Re-publish dead letters' original key, value and headers to their source topic (after a fix),",
                    "with an idempotent producer; prints each letter and what became of it. Letters written while it",
                    "runs are left for the next run; a second run over the same letters sends them again."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every selected letter that can be replayed was (or, with --dry-run, is listed)",
                    "1:the cluster could not be asked, or some letter could not be sent", "2:usage error"})
    static final class Replay implements Callable<Integer> {
        @ParentCommand
        DlqCommand parent;

        @Mixin
        ConnectionOptions connection;

        @Option(names = "--stage", paramLabel = "STAGE", split = ",",
                description = "Only letters of this stage, repeatable: DESERIALIZE, PROCESS, PRODUCE (default: all)")
        List<String> stages = new ArrayList<>();

        @Option(names = "--since", paramLabel = "TIME", converter = TimeArgument.class,
                description = "Only letters that failed at or after TIME: 2025-06-01T12:00:00Z, 2025-06-01, or ago: 90m, 2h, 7d")
        Instant since;

        @Option(names = "--until", paramLabel = "TIME", converter = TimeArgument.class,
                description = "Only letters that failed before TIME (same forms)")
        Instant until;

        @Option(names = "--dry-run", description = "List what would be replayed, send nothing")
        boolean dryRun;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
                description = "Give up when the DLQ is not read to its end or a send not acknowledged within this long (default: ${DEFAULT-VALUE})")
        long timeoutSeconds;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ReplayFilter filter;
            try {
                filter = new ReplayFilter(new HashSet<>(stages), since, until);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("dlq replay: " + e.getMessage());
                return OpsCommand.USAGE;
            }
            return OpsCommand.run(spec, "dlq replay", connection, parent.env, timeoutSeconds,
                    (settings, timeout, out, err) -> replay(settings, timeout, out, err, filter));
        }

        private int replay(Properties settings, Duration timeout, PrintWriter out, PrintWriter err, ReplayFilter filter)
                throws Exception {
            AvroDeserializer<DeadLetter> letters = new AvroDeserializer<>(DeadLetter.class, ClientConfigs.registry(settings));
            try (Consumer<byte[], byte[]> dlq = OpsClients.reader(settings, "newsflow-dlq-replay-reader", timeout);
                 Producer<byte[], byte[]> producer = OpsClients.idempotentProducer(settings, "newsflow-dlq-replay", timeout)) {
                DeadLetterReplay.Summary summary = new DeadLetterReplay(dlq, letters, producer, out, err, timeout)
                        .run(filter, dryRun);
                out.println(summary);
                return summary.failed() > 0 ? OpsCommand.KAFKA_ERROR : OpsCommand.OK;
            }
        }
    }
}
