package io.newsflow.ops.app;

import io.newsflow.ops.groups.GroupInfo;
import io.newsflow.ops.groups.GroupInspector;
import io.newsflow.ops.groups.GroupLag;
import io.newsflow.ops.groups.MarkerProbe;
import io.newsflow.ops.groups.PartitionLag;
import io.newsflow.schemas.ConsumerGroups;
import io.newsflow.schemas.config.ConnectionOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow lag}: each consumer group's lag per partition — committed offset, the end offset
 * a read_committed reader sees (the last stable offset: an open transaction's records are not yet
 * readable) and the lag between them; a partition whose only unread offsets are transaction
 * markers shows 0 ({@link MarkerProbe}). Default group: the processor's.
 */
@Command(name = "lag", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show consumer groups' lag per partition: committed offset, end offset (read_committed), lag.",
                "Default group: " + ConsumerGroups.PROCESSOR + " (the processor)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "1:the cluster could not be asked", "2:usage error", "3:a named group does not exist"})
public final class LagCommand implements Callable<Integer> {
    private static final String ROW = "%-28s %-26s %9s %12s %12s %10s  %s";

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--group", paramLabel = "GROUP", split = ",",
            description = "Consumer group, repeatable (default: " + ConsumerGroups.PROCESSOR + ")")
    List<String> groups = new ArrayList<>();

    @Option(names = "--all-groups", description = "Every group on the cluster")
    boolean allGroups;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Give up when the cluster does not answer within this long (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    public LagCommand() {
        this(System.getenv());
    }

    /** For tests: the environment to read. */
    public LagCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return OpsCommand.run(spec, "lag", connection, env, timeoutSeconds, this::show);
    }

    private int show(Properties settings, Duration timeout, PrintWriter out, PrintWriter err) throws Exception {
        try (Admin admin = OpsClients.admin(settings, "newsflow-lag", timeout);
             Consumer<byte[], byte[]> reader = OpsClients.reader(settings, "newsflow-lag-probe", timeout)) {
            GroupInspector inspector = new GroupInspector(admin, timeout);
            List<String> names = allGroups ? new ArrayList<>(inspector.groups().keySet())
                    : groups.isEmpty() ? List.of(ConsumerGroups.PROCESSOR) : groups;
            MarkerProbe probe = new MarkerProbe(reader, timeout);
            int code = OpsCommand.OK;
            boolean header = false;
            for (String name : names) {
                Optional<GroupInfo> group = inspector.describe(name);
                if (group.isEmpty()) {
                    err.println("lag: no consumer group '" + name + "' on this cluster");
                    code = OpsCommand.REFUSED;
                    continue;
                }
                List<PartitionLag> lags = GroupLag.of(inspector, group.get(), probe);
                if (!header) {
                    out.println(String.format(Locale.ROOT, ROW, "GROUP", "TOPIC", "PARTITION", "COMMITTED", "END", "LAG", "NOTE"));
                    header = true;
                }
                for (PartitionLag lag : lags) {
                    out.println(String.format(Locale.ROOT, ROW, lag.group(), lag.topic(), lag.partitionNumber(),
                            lag.committed() == null ? "-" : lag.committed(), lag.end(), lag.lag() == null ? "-" : lag.lag(),
                            lag.committed() == null ? "no commit" : lag.markersOnly() ? "transaction markers only" : ""));
                }
                out.println("# " + name + ": " + group.get().type() + " group, " + group.get().state() + ", "
                        + group.get().members().size() + " member(s), total lag " + GroupLag.total(lags)
                        + (GroupLag.uncommitted(lags).isEmpty() ? "" : ", " + GroupLag.uncommitted(lags).size()
                        + " partition(s) never committed"));
            }
            return code;
        }
    }
}
