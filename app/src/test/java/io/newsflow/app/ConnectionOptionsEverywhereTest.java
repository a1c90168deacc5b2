package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * One way to configure: every command of the launcher that talks to Kafka takes the same
 * connection options (schemas' {@code config.ConnectionOptions} mixin), read by the one loader.
 */
class ConnectionOptionsEverywhereTest {
    /** Commands with no Kafka client of their own: the embedded stack, the offline enrichment, help. */
    private static final Set<String> WITHOUT_KAFKA_CLIENT = Set.of("newsflow", "demo", "stack", "enrich", "help", "gazetteer",
            "dlq", "offsets", "topics");
    private static final List<String> CONNECTION_OPTIONS = List.of("--bootstrap-servers", "--schema-registry-url", "--config",
            "-X", "--property");

    @Test
    void shouldOfferTheSameConnectionOptionsOnEveryCommandThatTalksToKafka() {
        List<CommandLine> commands = new ArrayList<>();
        collect(new CommandLine(new Newsflow()), commands);
        List<String> checked = new ArrayList<>();

        for (CommandLine command : commands) {
            String name = command.getCommandName();
            if (WITHOUT_KAFKA_CLIENT.contains(name)) {
                continue;
            }
            for (String option : CONNECTION_OPTIONS) {
                assertThat(command.getCommandSpec().findOption(option))
                        .as(command.getCommandSpec().qualifiedName() + " " + option).isNotNull();
            }
            checked.add(command.getCommandSpec().qualifiedName());
        }

        assertThat(checked).contains("newsflow produce", "newsflow process", "newsflow consume",
                "newsflow gazetteer put", "newsflow gazetteer delete", "newsflow lag", "newsflow dlq replay",
                "newsflow offsets skip", "newsflow topics create", "newsflow topics describe");
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }
}
