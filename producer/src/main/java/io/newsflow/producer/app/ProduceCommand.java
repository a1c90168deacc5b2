package io.newsflow.producer.app;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.source.ArticleFileParser;
import io.newsflow.producer.source.ArticleParseException;
import io.newsflow.producer.source.ArticleSink;
import io.newsflow.producer.source.ArticleSource;
import io.newsflow.producer.source.ArticleSources;
import io.newsflow.producer.source.BundledSamples;
import io.newsflow.producer.transport.ArticleProducers;
import io.newsflow.producer.transport.ArticlePublisher;
import io.newsflow.producer.transport.PublishFailure;
import io.newsflow.producer.transport.PublishListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code produce FILE|DIR...}: reads article files and publishes them. Output topic
 * {@code news.articles.raw}, key article id → value {@code RawArticle}.
 *
 * <p>Prints {@code published <id> <title>} for each article the broker acknowledged, an
 * {@code error ...} line naming the file for each one that could not be read or sent (the rest
 * go on), then {@code sent N, failed M}. Exit code 0 when all were sent, 1 when any failed or
 * none was found, 2 on usage errors.
 */
@Command(name = "produce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Publish article files (.txt/.md; folders are walked in sorted order) to news.articles.raw, "
                + "keyed by article id."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every article was sent", "1:some article could not be read or sent, or none was found",
                        "2:usage error"})
public class ProduceCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE|DIR", arity = "0..*", description = "article files, or folders of them")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--samples", description = "also publish the sample articles bundled with newsflow")
    boolean samples;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers (env KAFKA_BOOTSTRAP_SERVERS; default localhost:9092)")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "schema registry (env SCHEMA_REGISTRY_URL; default http://localhost:8081)")
    String schemaRegistryUrl;

    @Option(names = "--config", paramLabel = "FILE",
            description = "properties file: any Kafka producer setting, plus schema.registry.url")
    Path configFile;

    @Option(names = "--max-article-bytes", paramLabel = "N", defaultValue = "1048576",
            description = "largest article file accepted (default: ${DEFAULT-VALUE})")
    long maxArticleBytes;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final Function<Properties, Producer<String, RawArticle>> producerFactory;

    public ProduceCommand() {
        this(System.getenv(), ArticleProducers::create);
    }

    /** For tests and embedding: the environment to read, and how to build the producer from the config. */
    public ProduceCommand(Map<String, String> env, Function<Properties, Producer<String, RawArticle>> producerFactory) {
        this.env = env;
        this.producerFactory = producerFactory;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ProduceCommand()).execute(args));
    }

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        if (paths.isEmpty() && !samples) {
            throw new ParameterException(cli, "Name at least one FILE or DIR (or --samples)");
        }
        if (maxArticleBytes <= 0) {
            throw new ParameterException(cli, "--max-article-bytes must be positive");
        }
        Properties config;
        try {
            config = ProducerSettings.load(configFile, env, bootstrapServers, schemaRegistryUrl);
        } catch (IOException e) {
            throw new ParameterException(cli, "Cannot read --config " + configFile + ": " + e);
        }
        ArticleFileParser parser = new ArticleFileParser(maxArticleBytes, Clock.systemUTC());
        List<ArticleSource> sources = new ArrayList<>();
        for (Path path : paths) {
            sources.add(ArticleSources.forPath(path, parser));
        }
        if (samples) {
            sources.add(new BundledSamples(parser));
        }
        Producer<String, RawArticle> producer;
        try {
            producer = producerFactory.apply(config);
        } catch (RuntimeException e) {
            cli.getErr().println("error: cannot create the Kafka producer: " + ArticlePublisher.reason(e));
            return 1;
        }
        return publish(sources, producer, cli.getOut(), cli.getErr()).exitCode();
    }

    /**
     * Publishes article files and folders with a producer built from {@code config} (bootstrap
     * servers, {@code schema.registry.url}, any producer setting), printing as the command does.
     */
    public static ProduceResult publish(List<Path> paths, Properties config, PrintWriter out, PrintWriter err) {
        ArticleFileParser parser = new ArticleFileParser();
        List<ArticleSource> sources = new ArrayList<>();
        for (Path path : paths) {
            sources.add(ArticleSources.forPath(path, parser));
        }
        return publish(sources, ArticleProducers.create(config), out, err);
    }

    /**
     * Reads every source and publishes what it reads through {@code producer}, printing one line
     * per article and the summary; flushes and closes the producer before returning. A bad file
     * or failed send is reported and the rest go on.
     */
    public static ProduceResult publish(List<? extends ArticleSource> sources, Producer<String, RawArticle> producer,
                                        PrintWriter out, PrintWriter err) {
        AtomicLong unreadable = new AtomicLong();
        ArticlePublisher publisher = new ArticlePublisher(producer, new PublishListener() {
            @Override
            public void onSent(RawArticle article, RecordMetadata metadata) {
                out.println("published " + article.getId() + " " + article.getTitle());
                out.flush();
            }

            @Override
            public void onFailed(RawArticle article, PublishFailure failure) {
                err.println("error " + failure);
                err.flush();
            }
        });
        Thread onInterrupt = new Thread(() -> publisher.close(Duration.ofSeconds(10)), "newsflow-produce-shutdown");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        long found = 0;
        try {
            for (ArticleSource source : sources) {
                CountingSink sink = new CountingSink(publisher, unreadable, err);
                try {
                    source.read(sink);
                } catch (IOException e) {
                    unreadable.incrementAndGet();
                    err.println("error " + source.name() + ": cannot read: " + e.getMessage());
                } catch (Stopped e) {
                    break;
                }
                if (sink.count == 0) {
                    err.println("warning " + source.name() + ": no articles found");
                }
                found += sink.count;
            }
            publisher.flush();
        } finally {
            publisher.close();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
        }
        ProduceResult result = new ProduceResult(publisher.sent(), publisher.failed() + unreadable.get());
        if (found == 0) {
            err.println("error: no articles found");
        }
        out.println(result);
        out.flush();
        err.flush();
        return result;
    }

    /** Thrown out of a source's read loop once the publisher was closed by Ctrl-C. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private static final class CountingSink implements ArticleSink {
        private final ArticlePublisher publisher;
        private final AtomicLong unreadable;
        private final PrintWriter err;
        long count;

        CountingSink(ArticlePublisher publisher, AtomicLong unreadable, PrintWriter err) {
            this.publisher = publisher;
            this.unreadable = unreadable;
            this.err = err;
        }

        @Override
        public void accept(RawArticle article) {
            count++;
            if (publisher.isClosed()) {
                throw new Stopped();
            }
            publisher.publish(article);
        }

        @Override
        public void reject(ArticleParseException error) {
            count++;
            unreadable.incrementAndGet();
            err.println("error " + error.getMessage());
            err.flush();
        }
    }
}
