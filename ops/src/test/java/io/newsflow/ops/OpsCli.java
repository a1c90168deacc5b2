package io.newsflow.ops;

import io.newsflow.ops.app.DlqCommand;
import io.newsflow.ops.app.LagCommand;
import io.newsflow.ops.app.OffsetsCommand;
import io.newsflow.stack.LocalStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs an operators' tool as the launcher does, against a stack, and keeps what it printed. */
final class OpsCli {
    record Run(int exit, String out, String err) {
    }

    private OpsCli() {
    }

    static Run run(LocalStack stack, String command, String... args) {
        Object root = switch (command) {
            case "lag" -> new LagCommand(Map.of());
            case "dlq" -> new DlqCommand(Map.of());
            case "offsets" -> new OffsetsCommand(Map.of());
            default -> throw new IllegalArgumentException(command);
        };
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url", stack.schemaRegistryUrl()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(root).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }
}
