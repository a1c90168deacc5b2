package io.newsflow.stack;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow stack}: runs the {@link LocalStack} in the foreground so producer, processor and
 * consumer can be started by hand in other terminals against it.
 *
 * <p>Prints exactly two lines on standard output — {@code bootstrap.servers=...} and
 * {@code schema.registry.url=...}, in the properties format the other commands read — then blocks
 * until Ctrl-C; a shutdown hook closes the stack cleanly (registry, then a controlled broker
 * shutdown). {@link #call()} never exits the JVM, so the command can be nested as a sub-command;
 * interrupting the calling thread also stops the stack and returns 0. Exit code 1 when the stack
 * cannot start (e.g. a port is taken), with a one-line message on standard error.
 */
@Command(name = "stack", mixinStandardHelpOptions = true,
        description = "Run a local Kafka cluster (KRaft; one node, or --brokers N) and schema registry until Ctrl-C.")
public final class StackCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--kafka-port", defaultValue = "9092",
            description = "Kafka client port of the first broker, the next brokers on the following ports (0 = free ports). Default: ${DEFAULT-VALUE}.")
    int kafkaPort;

    @Option(names = "--brokers", defaultValue = "1",
            description = "Number of Kafka nodes (each broker and controller): 3 survives one stopped. Default: ${DEFAULT-VALUE}.")
    int brokers;

    @Option(names = "--controller-port", defaultValue = "0",
            description = "KRaft controller port of the first node, the next nodes on the following ports (0 = free ports). Default: ${DEFAULT-VALUE}.")
    int controllerPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry HTTP port (0 = free port). Default: ${DEFAULT-VALUE}.")
    int registryPort;

    @Option(names = "--data-dir", description = "Broker data directory; data persists across runs. Default: a temporary directory, deleted on exit.")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        LocalStack stack;
        try {
            stack = LocalStack.start(dataDir, brokers, kafkaPort, controllerPort, registryPort, java.util.List.of());
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            // a busy port or an unusable data directory: one line, not a stack trace
            spec.commandLine().getErr().println("stack: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "newsflow-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        PrintWriter out = spec.commandLine().getOut();
        out.println("bootstrap.servers=" + stack.bootstrapServers());
        out.println("schema.registry.url=" + stack.schemaRegistryUrl());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // stopped from inside the JVM (e.g. a test or an embedding command): clean up ourselves
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running and closes the stack too; close() is idempotent
            }
            stack.close();
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
