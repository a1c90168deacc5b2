package io.newsflow.producer.app;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newsflow.avro.RawArticle;
import io.newsflow.observability.http.ServiceHttpServer;
import io.newsflow.observability.metrics.ServiceMetrics;
import io.newsflow.producer.source.ArticleFileParser;
import io.newsflow.producer.source.ArticleSource;
import io.newsflow.producer.source.ArticleSources;
import io.newsflow.producer.source.BundledSamples;
import io.newsflow.producer.source.InputFormat;
import io.newsflow.producer.source.PageFetcher;
import io.newsflow.producer.state.SentArticles;
import io.newsflow.producer.transport.ArticleProducers;
import io.newsflow.producer.transport.ArticlePublisher;
import io.newsflow.producer.transport.KafkaClusters;
import io.newsflow.schemas.config.ClientSettings;
import io.newsflow.schemas.config.ConnectionOptions;
import io.newsflow.schemas.config.EnvVars;
import io.newsflow.schemas.lifecycle.StopSignals;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code produce SOURCE...}: reads articles from files, folders, feeds, pages and stdin and
 * publishes them. Output topic {@code news.articles.raw}, key article id → value
 * {@code RawArticle} (its {@code outlet} also as header {@code outlet}, when known).
 *
 * <p>Prints {@code published <id> <title>} for each article the broker acknowledged,
 * {@code skipped <id> <title>: ...} for each one sent before (per the state file) or read twice,
 * an {@code error ...} line naming the file and line or item for each input that could not be
 * read or article that could not be sent (the rest go on), then
 * {@code sent N, skipped K as duplicate, failed M}. See {@link ProduceResult} for exit codes.
 */
@Command(name = "produce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Publish articles to news.articles.raw, keyed by article id. Sources: article files "
                + "(.txt/.md), web pages (.html), JSON records (.json/.jsonl), RSS/Atom feeds (.rss/.atom/.xml), "
                + "folders of them (walked in sorted order), feed or page URLs, and '-' for stdin.",
                "Articles already sent (recorded in the state file) are skipped."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every article was sent, or skipped as already sent (to this Kafka cluster)",
                        "1:some input could not be read or some article could not be sent (the rest were)",
                        "2:usage error",
                        "3:no article found in the sources",
                        "4:the Kafka producer could not start or stopped on a fatal error (broker unreachable, not authorised)"})
public class ProduceCommand implements Callable<Integer> {
    /** Environment variable naming the folder of the default state file (default {@code ~/.newsflow}). */
    public static final String ENV_STATE_DIR = EnvVars.NEWSFLOW_STATE_DIR;
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);
    /** Bulk loads of at least this many items get a progress bar (on a terminal). */
    private static final long PROGRESS_MIN_ITEMS = 50;

    @Parameters(paramLabel = "SOURCE", arity = "0..*",
            description = "article files, folders, http(s) URLs of feeds or pages, or '-' for stdin")
    List<String> sourceArgs = new ArrayList<>();

    @Option(names = "--samples", description = "also publish the sample articles bundled with newsflow")
    boolean samples;

    @Option(names = "--follow", description = "keep polling the folders, files and feeds, publishing only what is new")
    boolean follow;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "60s",
            description = "how often --follow polls: 500ms, 30s, 5m, 1h or ISO-8601 (default: ${DEFAULT-VALUE})")
    String interval;

    @Option(names = "--state", paramLabel = "FILE",
            description = "file of the ids already sent, per Kafka cluster id, kept across runs (default: $"
                    + ENV_STATE_DIR + " or ~/.newsflow, file sent-<cluster id>.ids)")
    Path stateFile;

    @Option(names = "--no-state", description = "neither read nor write a state file: send everything found")
    boolean noState;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "format of stdin: text, html, json, jsonl or feed (default: told from the first bytes)")
    String stdinFormat;

    @Option(names = {"-q", "--quiet"}, description = "print only errors and the summary, not a line per article")
    boolean quiet;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--max-article-bytes", paramLabel = "N", defaultValue = "524288",
            description = "largest article accepted, in bytes of text when read and serialized when sent (default:"
                    + " ${DEFAULT-VALUE}, what the pipeline carries: the enriched record repeats the article and must fit"
                    + " in Kafka's 1 MiB max.request.size)")
    long maxArticleBytes;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "serve /health/live, /health/ready and /metrics (Prometheus) on this port, all interfaces "
                    + "(0 = any free port; default: none); for --follow")
    Integer httpPort;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final Function<Properties, Producer<String, RawArticle>> producerFactory;
    private final Function<Properties, String> clusterIdLookup;
    private final InputStream stdin;

    public ProduceCommand() {
        this(System.getenv(), ArticleProducers::createEnsuringTopic);
    }

    /** For tests and embedding: the environment to read, and how to build the producer from the config. */
    public ProduceCommand(Map<String, String> env, Function<Properties, Producer<String, RawArticle>> producerFactory) {
        this(env, producerFactory, System.in);
    }

    /** As above, with the stream read for {@code -}. */
    public ProduceCommand(Map<String, String> env, Function<Properties, Producer<String, RawArticle>> producerFactory,
                          InputStream stdin) {
        this(env, producerFactory, config -> KafkaClusters.clusterId(config, KafkaClusters.LOOKUP_TIMEOUT), stdin);
    }

    /**
     * As above, with how to learn the Kafka cluster id the state file is kept under (by default
     * {@link KafkaClusters#clusterId}; asked only when a state file is used).
     */
    public ProduceCommand(Map<String, String> env, Function<Properties, Producer<String, RawArticle>> producerFactory,
                          Function<Properties, String> clusterIdLookup, InputStream stdin) {
        this.env = env;
        this.producerFactory = producerFactory;
        this.clusterIdLookup = clusterIdLookup;
        this.stdin = stdin;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ProduceCommand()).execute(args));
    }

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        if (sourceArgs.isEmpty() && !samples) {
            throw new ParameterException(cli, "Name at least one FILE, DIR, URL or - (or --samples)");
        }
        if (maxArticleBytes <= 0) {
            throw new ParameterException(cli, "--max-article-bytes must be positive");
        }
        if (httpPort != null && (httpPort < 0 || httpPort > 65535)) {
            throw new ParameterException(cli, "--http-port must be 0..65535, not " + httpPort);
        }
        if (noState && stateFile != null) {
            throw new ParameterException(cli, "--state and --no-state exclude each other");
        }
        Duration every = parseInterval(cli, interval);
        InputFormat format = parseFormat(cli, stdinFormat);
        Properties config;
        try {
            config = connection.settings(env);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cli, e.getMessage());
        }
        ArticleFileParser parser = new ArticleFileParser(maxArticleBytes, Clock.systemUTC());
        PageFetcher fetcher = new PageFetcher();
        List<ArticleSource> sources = new ArrayList<>();
        for (String arg : sourceArgs) {
            if (arg.toLowerCase(Locale.ROOT).matches("^https?://.*")) {
                try {
                    URI uri = URI.create(arg.strip());
                    if (uri.getHost() == null) {
                        throw new IllegalArgumentException("no host");
                    }
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(cli, "Not a valid URL: " + arg + " (" + e.getMessage() + ")");
                }
            }
            sources.add(ArticleSources.forArgument(arg, parser, fetcher, stdin, format));
        }
        if (samples) {
            sources.add(new BundledSamples(parser));
        }
        PrintWriter out = cli.getOut();
        PrintWriter err = cli.getErr();
        SentArticles state;
        if (noState) {
            state = SentArticles.inMemory();
        } else {
            String clusterId;
            try {
                clusterId = clusterIdLookup.apply(config);
            } catch (RuntimeException e) {
                err.println("error: cannot learn the Kafka cluster id, which the state file is kept under: "
                        + ArticlePublisher.reason(e) + " (is the broker up? --no-state sends without a state file)");
                err.flush();
                return ProduceResult.PRODUCER_STOPPED;
            }
            Path statePath = stateFile != null ? stateFile : defaultStateFile(env, clusterId);
            try {
                state = SentArticles.open(statePath, clusterId);
            } catch (IOException e) {
                err.println("error: cannot open the state file " + statePath + ": " + e.getMessage()
                        + " (use --state FILE or --no-state)");
                err.flush();
                return ProduceResult.SOME_FAILED;
            }
            noteOldState(state, stateFile == null ? legacyStateFile(env, config) : null, err);
        }
        Producer<String, RawArticle> producer;
        try {
            producer = producerFactory.apply(config);
        } catch (RuntimeException e) {
            state.close();
            err.println("error: cannot create the Kafka producer: " + ArticlePublisher.reason(e));
            err.flush();
            return ProduceResult.PRODUCER_STOPPED;
        }
        ProgressBar progress = ProgressBar.NONE;
        if (System.console() != null && !follow) {
            long total = 0;
            for (ArticleSource source : sources) {
                long n = source.expectedItems();
                total = n < 0 || total < 0 ? -1 : total + n;
            }
            if (total >= PROGRESS_MIN_ITEMS) {
                progress = new ProgressBar(err, total);
            }
        }
        // with a progress bar on the terminal the per-article lines would only scroll it away
        boolean lineless = quiet || progress != ProgressBar.NONE;
        if (httpPort == null) {
            ProduceRun run = new ProduceRun(producer, state, out, err, lineless, progress,
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), maxArticleBytes);
            return runStoppable(run, sources, every);
        }
        try (ServiceMetrics metrics = ServiceMetrics.create("producer");
             KafkaClientMetrics clientMetrics = new KafkaClientMetrics(producer)) {
            clientMetrics.bindTo(metrics.registry());
            ProduceRun run = new ProduceRun(producer, state, out, err, lineless, progress, metrics.registry(),
                    maxArticleBytes);
            ServiceHttpServer http;
            try {
                http = ServiceHttpServer.builder().port(httpPort).health(run.health()).metrics(metrics).start();
            } catch (IllegalStateException e) {
                producer.close();
                state.close();
                err.println("error: " + e.getMessage());
                err.flush();
                return ProduceResult.USAGE;
            }
            try (http) {
                err.println("health and metrics on " + http.url() + " (/health/live, /health/ready, /metrics)");
                err.flush();
                return runStoppable(run, sources, every);
            }
        }
    }

    /**
     * Runs once or follows; SIGTERM/Ctrl-C stop the run the way the end of the input does: flushed,
     * closed, summary printed, and the command's own exit code (0 when everything read was sent), not 143.
     */
    private int runStoppable(ProduceRun run, List<ArticleSource> sources, Duration every) {
        try (StopSignals signals = StopSignals.install("produce", run::stop)) {
            return (follow ? run.follow(sources, every) : run.once(sources)).exitCode();
        }
    }

    /**
     * The state file used when {@code --state} is not given: {@code sent-<cluster id>.ids} in
     * {@code $NEWSFLOW_STATE_DIR}, else in {@code ~/.newsflow} — one per Kafka cluster, so that
     * sending to another cluster, or to a new one at the same address, skips nothing.
     */
    public static Path defaultStateFile(Map<String, String> env, String clusterId) {
        return stateFolder(env).resolve("sent-" + fileNamePart(clusterId) + ".ids");
    }

    /** The default state file of producers before the state was kept per cluster id: named after the bootstrap servers. */
    static Path legacyStateFile(Map<String, String> env, Properties config) {
        String servers = config.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ClientSettings.DEFAULT_BOOTSTRAP_SERVERS);
        return stateFolder(env).resolve("sent-" + fileNamePart(servers) + ".ids");
    }

    private static Path stateFolder(Map<String, String> env) {
        String dir = env.get(ENV_STATE_DIR);
        return dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".newsflow");
    }

    private static String fileNamePart(String text) {
        String name = text.replaceAll("[^A-Za-z0-9.-]+", "_");
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    /** Says, once, what of the old state is not used, so a re-send is no surprise. */
    private static void noteOldState(SentArticles state, Path legacyDefault, PrintWriter err) {
        if (state.unattributedIds() > 0) {
            err.println("note: " + state.unattributedIds() + " id(s) in " + state.file() + " were recorded without a"
                    + " Kafka cluster id (by an older newsflow) and are not used: those articles are sent again");
        }
        if (legacyDefault != null && Files.isRegularFile(legacyDefault)) {
            err.println("note: " + legacyDefault + " is an older state file, named after the bootstrap servers; the"
                    + " state is now kept per Kafka cluster id in " + state.file() + ". Delete the old file.");
        }
        err.flush();
    }

    static Duration parseInterval(CommandLine cli, String text) {
        Duration d;
        Matcher m = SIMPLE_DURATION.matcher(text.strip());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
            d = switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        } else {
            try {
                d = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new ParameterException(cli, "--interval: not a duration: " + text + " (e.g. 30s, 5m, PT1H)");
            }
        }
        if (d.toMillis() < 100) {
            throw new ParameterException(cli, "--interval must be at least 100ms");
        }
        return d;
    }

    private static InputFormat parseFormat(CommandLine cli, String text) {
        if (text == null || text.equalsIgnoreCase("auto")) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "text", "txt", "md", "markdown" -> InputFormat.TEXT;
            case "html" -> InputFormat.HTML;
            case "json" -> InputFormat.JSON;
            case "jsonl", "ndjson" -> InputFormat.JSONL;
            case "feed", "rss", "atom", "xml" -> InputFormat.FEED;
            default -> throw new ParameterException(cli, "--format must be text, html, json, jsonl or feed, not " + text);
        };
    }

    /**
     * Publishes article files and folders with a producer built from {@code config} (bootstrap
     * servers, {@code schema.registry.url}, any producer setting), printing as the command does.
     * No state file: everything found is sent.
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
     * or failed send is reported and the rest go on. No state file: only articles read twice in
     * this call are skipped.
     */
    public static ProduceResult publish(List<? extends ArticleSource> sources, Producer<String, RawArticle> producer,
                                        PrintWriter out, PrintWriter err) {
        return publish(sources, producer, SentArticles.inMemory(), out, err);
    }

    /** As {@link #publish(List, Producer, PrintWriter, PrintWriter)}, skipping what {@code state} says was sent and recording what is; closes {@code state}. */
    public static ProduceResult publish(List<? extends ArticleSource> sources, Producer<String, RawArticle> producer,
                                        SentArticles state, PrintWriter out, PrintWriter err) {
        return new ProduceRun(producer, state, out, err, false, ProgressBar.NONE).once(sources);
    }
}
