package io.newsflow.bench.recognisers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.RawArticle;
import io.newsflow.bench.Corpus;
import io.newsflow.processor.enrich.ArticleEnricher;
import io.newsflow.producer.source.ArticleFileParser;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The recogniser measurements of issue 8 ({@code bench/run recognisers ...}, docs/recogniser-choice.md):
 * {@code enrich OPTION FILE...} prints one JSON object per file in the offline enrichment contract, for the shared
 * scorer's {@code --cmd}; {@code batch} does the same for a model, its two combinations with the project and the
 * project alone in one run (one model load, one JSON-lines file per option); {@code load OPTION [FILE...]} loads the option in this fresh JVM and prints the cold-start
 * time and the heap used after load (then runs the files, so a -Xmx that is too small fails); {@code speed} counts
 * words per second of the analysing thread's CPU time, a cross-check of the JMH figures that a crowded machine
 * disturbs less (time spent waiting for a core is not counted).
 */
@Command(name = "recognisers", mixinStandardHelpOptions = true,
        subcommands = {RecogniserCli.Enrich.class, RecogniserCli.Batch.class, RecogniserCli.Load.class,
                RecogniserCli.Speed.class},
        description = "Stock recognisers vs the project's enrichment: JSON for the scorer, load time and heap.")
public final class RecogniserCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new RecogniserCli()).execute(args));
    }

    @Command(name = "enrich", mixinStandardHelpOptions = true,
            description = "Print one JSON object per article file (DESIGN.md's offline enrichment contract).")
    static final class Enrich implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "OPTION",
                description = "project | nlp4j | corenlp | union:MODEL | retype:MODEL")
        String option;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Article files.")
        List<Path> files;

        @Override
        public Integer call() throws Exception {
            Option run = new Option(option);
            ArticleFileParser parser = new ArticleFileParser();
            PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
            int failed = 0;
            for (Path file : files) {
                String source = file.toString();
                ObjectNode line;
                try {
                    RawArticle article = parser.parse(file);
                    Option.Result result = run.run(article);
                    String body = article.getBody() == null ? "" : article.getBody();
                    line = ArticleJson.of(source, body, result.entities(), result.casualties());
                } catch (Exception e) {
                    failed++;
                    System.err.println("recognisers enrich: " + source + ": " + e);
                    line = ArticleJson.error(source, String.valueOf(e));
                }
                out.println(ArticleJson.JSON.writeValueAsString(line));
                out.flush();
            }
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "batch", mixinStandardHelpOptions = true,
            description = "Load MODEL and the project's enricher once; write DIR/MODEL.jsonl, DIR/union-MODEL.jsonl,"
                    + " DIR/retype-MODEL.jsonl and DIR/project.jsonl, one line per FILE as `enrich` prints it.")
    static final class Batch implements Callable<Integer> {
        @CommandLine.Option(names = "--out", required = true, paramLabel = "DIR")
        Path out;

        @Parameters(index = "0", paramLabel = "MODEL", description = "nlp4j | corenlp")
        String modelName;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @Override
        public Integer call() throws Exception {
            Recogniser model = Recognisers.load(modelName);
            ArticleEnricher enricher = ArticleEnricher.loadDefault();
            Files.createDirectories(out);
            Map<Option.Mode, PrintWriter> writers = new EnumMap<>(Option.Mode.class);
            for (Option.Mode mode : Option.Mode.values()) {
                String file = mode.optionName(modelName).replace(':', '-') + ".jsonl";
                writers.put(mode, new PrintWriter(Files.newBufferedWriter(out.resolve(file), StandardCharsets.UTF_8)));
            }
            ArticleFileParser parser = new ArticleFileParser();
            int failed = 0;
            try {
                for (Path file : files) {
                    String source = file.toString();
                    try {
                        RawArticle article = parser.parse(file);
                        String body = article.getBody() == null ? "" : article.getBody();
                        List<Span> spans = model.find(body);
                        EnrichedArticle enriched = enricher.enrich(article);
                        for (Map.Entry<Option.Mode, PrintWriter> w : writers.entrySet()) {
                            Option.Result r = Option.result(w.getKey(), body, spans, enriched);
                            w.getValue().println(ArticleJson.JSON.writeValueAsString(
                                    ArticleJson.of(source, body, r.entities(), r.casualties())));
                        }
                    } catch (Exception e) {
                        failed++;
                        System.err.println("recognisers batch: " + source + ": " + e);
                        for (PrintWriter w : writers.values()) {
                            w.println(ArticleJson.JSON.writeValueAsString(ArticleJson.error(source, String.valueOf(e))));
                        }
                    }
                }
            } finally {
                writers.values().forEach(PrintWriter::close);
            }
            System.err.printf("recognisers batch: %d articles, %d failed -> %s%n", files.size(), failed, out);
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Load OPTION in this JVM; print the cold start and the heap after load as JSON;"
                    + " then analyse FILEs (fails with OutOfMemoryError when -Xmx is too small).")
    static final class Load implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "OPTION")
        String option;

        @Parameters(index = "1..*", arity = "0..*", paramLabel = "FILE")
        List<Path> files = List.of();

        @Override
        public Integer call() throws Exception {
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Option run = new Option(option);
            long loadedAt = System.nanoTime();
            long loadCpu = os.getProcessCpuTime() - cpu0;
            long jvmStartToReady = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            memory.gc();
            memory.gc();
            long heapUsed = memory.getHeapMemoryUsage().getUsed();
            ObjectNode report = ArticleJson.JSON.createObjectNode();
            report.put("option", run.name());
            report.put("loadMs", (loadedAt - t0) / 1_000_000);
            report.put("loadProcessCpuMs", loadCpu / 1_000_000);
            report.put("jvmStartToReadyMs", jvmStartToReady);
            report.put("heapUsedAfterLoadMB", heapUsed / (1024 * 1024));
            report.put("maxHeapMB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
            ArticleFileParser parser = new ArticleFileParser();
            long words = 0;
            long t1 = System.nanoTime();
            for (Path file : files) {
                RawArticle article = parser.parse(file);
                words += Corpus.words(article.getBody());
                run.run(article);
            }
            report.put("articles", files.size());
            report.put("words", words);
            report.put("analyseMs", (System.nanoTime() - t1) / 1_000_000);
            report.put("systemLoadAverage", os.getSystemLoadAverage());
            report.put("cpus", os.getAvailableProcessors());
            System.out.println(ArticleJson.JSON.writeValueAsString(report));
            return 0;
        }
    }

    @Command(name = "speed", mixinStandardHelpOptions = true,
            description = "Words per second of this thread's CPU time: OPTION cycles over FILEs for --warmup CPU"
                    + " seconds (not counted), then for --measure CPU seconds. Not JMH: a cross-check on a busy machine.")
    static final class Speed implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "OPTION")
        String option;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @CommandLine.Option(names = "--warmup", defaultValue = "30", description = "CPU seconds, default ${DEFAULT-VALUE}")
        double warmupSeconds;

        @CommandLine.Option(names = "--measure", defaultValue = "20", description = "CPU seconds, default ${DEFAULT-VALUE}")
        double measureSeconds;

        @Override
        public Integer call() throws Exception {
            Option run = new Option(option);
            ArticleFileParser parser = new ArticleFileParser();
            List<RawArticle> articles = new java.util.ArrayList<>();
            for (Path file : files) {
                articles.add(parser.parse(file));
            }
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            cycle(run, articles, threads, (long) (warmupSeconds * 1e9));
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            long words = cycle(run, articles, threads, (long) (measureSeconds * 1e9));
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - wall0) / 1e9;
            ObjectNode report = ArticleJson.JSON.createObjectNode();
            report.put("option", run.name());
            report.put("words", words);
            report.put("threadCpuSeconds", cpu);
            report.put("wallSeconds", wall);
            report.put("wordsPerCpuSecond", Math.round(words / cpu));
            report.put("systemLoadAverage", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.println(ArticleJson.JSON.writeValueAsString(report));
            return 0;
        }

        /** Whole passes over the articles until {@code cpuNanos} of this thread's CPU time are spent; the words. */
        private static long cycle(Option run, List<RawArticle> articles, java.lang.management.ThreadMXBean threads,
                                  long cpuNanos) {
            long end = threads.getCurrentThreadCpuTime() + cpuNanos;
            long words = 0;
            do {
                for (RawArticle article : articles) {
                    words += Corpus.words(article.getBody());
                    run.run(article);
                }
            } while (threads.getCurrentThreadCpuTime() < end);
            return words;
        }
    }
}
