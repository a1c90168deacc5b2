package io.newsflow.app;

import io.newsflow.consumer.app.ConsumeCommand;
import io.newsflow.ops.app.DlqCommand;
import io.newsflow.ops.app.LagCommand;
import io.newsflow.ops.app.OffsetsCommand;
import io.newsflow.processor.app.GazetteerCommand;
import io.newsflow.processor.app.ProcessCommand;
import io.newsflow.producer.app.ProduceCommand;
import io.newsflow.stack.StackCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one launcher behind {@code ./newsflow}: each service is a subcommand. */
@Command(name = "newsflow", mixinStandardHelpOptions = true, version = "newsflow 0.1.0",
        description = "Event-driven news pipeline on Apache Kafka.",
        subcommands = {DemoCommand.class, StackCommand.class, ProduceCommand.class, ProcessCommand.class,
                ConsumeCommand.class, EnrichCommand.class, GazetteerCommand.class, TopicsCommand.class, LagCommand.class,
                DlqCommand.class, OffsetsCommand.class, CommandLine.HelpCommand.class})
public final class Newsflow implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Newsflow()).execute(args));
    }
}
