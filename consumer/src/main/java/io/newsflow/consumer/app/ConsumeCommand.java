package io.newsflow.consumer.app;

import io.newsflow.consumer.format.RecordFormatter;
import io.newsflow.consumer.transport.ConsumerFactory;
import io.newsflow.consumer.transport.KafkaSubscribers;
import io.newsflow.consumer.transport.NewsTopic;
import io.newsflow.consumer.transport.RecordHandler;
import io.newsflow.consumer.transport.TopicSubscriber;
import io.newsflow.consumer.transport.UnreadableRecord;
import io.newsflow.schemas.config.ConnectionOptions;
import io.newsflow.schemas.lifecycle.StopSignals;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code consume --topic enriched|entities|casualties|dlq|raw|gazetteer}: prints a topic's records
 * as they arrive. Input: the chosen topic, key String → value its Avro record, read through the
 * schema registry.
 *
 * <p>Records go to stdout (text, or one JSON object per line with {@code --json}); unreadable
 * records are reported on stderr with topic, partition and offset and skipped; a one-line summary
 * goes to stderr at the end. Runs until Ctrl-C, {@code --max-records} or {@code --timeout}.
 */
@Command(name = "consume", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print the records of a newsflow topic as they arrive.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by Ctrl-C, --max-records or --timeout", "1:Kafka error", "2:usage error"})
public class ConsumeCommand implements Callable<Integer> {

    @Option(names = "--topic", required = true, paramLabel = "TOPIC",
            description = "enriched, entities, casualties, dlq (also raw, gazetteer, or a full topic name)")
    String topicName;

    @Option(names = "--from-beginning", description = "read the topic from its start (in a fresh consumer group unless --group-id)")
    boolean fromBeginning;

    @Option(names = "--json", description = "one JSON object per record and line, instead of text")
    boolean json;

    @Option(names = "--max-records", paramLabel = "N", description = "stop after N records")
    long maxRecords;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "stop when no record has arrived for this long (30 = 30s; 500ms, 2m, PT1M)")
    Duration timeout;

    @Option(names = "--group-id", paramLabel = "ID",
            description = "consumer group, to resume where it left off (default: a fresh group per run)")
    String groupId;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final ConsumerFactory consumers;

    public ConsumeCommand() {
        this(System.getenv(), KafkaSubscribers::createConsumer);
    }

    /** For tests and embedding: the environment to read, and how to make the consumer. */
    public ConsumeCommand(Map<String, String> env, ConsumerFactory consumers) {
        this.env = env;
        this.consumers = consumers;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ConsumeCommand()).execute(args));
    }

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        NewsTopic<?> topic = NewsTopic.byName(topicName).orElseThrow(() -> new ParameterException(cli,
                "Unknown topic '" + topicName + "'; choose one of "
                        + NewsTopic.all().stream().map(NewsTopic::shortName).collect(Collectors.joining(", "))));
        if (maxRecords < 0) {
            throw new ParameterException(cli, "--max-records must not be negative");
        }
        Properties config;
        try {
            config = KafkaSubscribers.consumerConfig(connection.settings(env), groupId, fromBeginning);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cli, e.getMessage());
        }
        return consume(topic, config, cli.getOut(), cli.getErr());
    }

    private <V extends SpecificRecord> int consume(NewsTopic<V> topic, Properties config, PrintWriter out, PrintWriter err) {
        Consumer<String, V> consumer;
        try {
            consumer = consumers.create(topic, config);
        } catch (KafkaException | IllegalArgumentException e) {
            err.println("error: cannot create the Kafka consumer: " + e.getMessage());
            return 1;
        }
        TopicSubscriber<V> subscriber = new TopicSubscriber<>(consumer, topic.topic());
        CountDownLatch done = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            subscriber.close();
            try {
                done.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newsflow-consume-shutdown");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        // SIGTERM/Ctrl-C close the subscriber like --max-records does: summary printed, exit 0, not 143
        try (StopSignals signals = StopSignals.install("consume", subscriber::close)) {
            TopicSubscriber.RunResult result = subscriber.run(printer(out, err), maxRecords, timeout);
            err.println(result.records() + " records" + (result.unreadable() > 0
                    ? ", " + result.unreadable() + " unreadable skipped" : "") + " from " + topic.topic());
            return 0;
        } catch (KafkaException e) {
            err.println("error: " + e);
            return 1;
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for done
            }
            out.flush();
            err.flush();
        }
    }

    private <V extends SpecificRecord> RecordHandler<V> printer(PrintWriter out, PrintWriter err) {
        return new RecordHandler<>() {
            @Override
            public void onRecord(ConsumerRecord<String, V> record) {
                V value = record.value();
                if (json) {
                    out.println(value == null ? "null" : RecordFormatter.toJson((IndexedRecord) value));
                } else if (value == null) {
                    out.println("(deleted) key " + record.key());
                } else if (value instanceof io.newsflow.avro.EnrichedArticle) {
                    out.println(RecordFormatter.format(value));
                    out.println();
                } else {
                    out.println(RecordFormatter.format(value));
                }
                out.flush();
            }

            @Override
            public void onUnreadable(UnreadableRecord record) {
                err.println("skipped unreadable record " + record);
                err.flush();
            }
        };
    }
}
