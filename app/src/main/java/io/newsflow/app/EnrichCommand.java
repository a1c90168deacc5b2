package io.newsflow.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.RawArticle;
import io.newsflow.processor.enrich.ArticleEnricher;
import io.newsflow.processor.enrich.EnricherOptions;
import io.newsflow.producer.source.ArticleFileParser;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Offline enrichment, no Kafka: parses each file as the producer does, runs the same enrichment
 * the processor runs, and prints one JSON object per file per line (DESIGN.md's contract).
 * A file that cannot be read gets a line with its error; the others go on; exit code 1 then.
 */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Enrich article files without Kafka and print one JSON object per file.")
public final class EnrichCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--json", description = "JSON lines output (the default and only format for now).")
    boolean json = true;

    @Option(names = "--gazetteer-geonames", paramLabel = "FILE",
            description = "A GeoNames dump (allCountries/citiesNNN .txt, .zip or .gz) that extends the bundled places.")
    Path geonames;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Article files (.txt/.md like the sample).")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        EnricherOptions options = EnricherOptions.fromEnvironment(System.getenv());
        if (geonames != null) {
            options = options.withGeoNames(geonames);
        }
        ArticleEnricher enricher;
        try {
            enricher = options.geonames() == null ? ArticleEnricher.loadDefault() : ArticleEnricher.load(options);
        } catch (IllegalArgumentException e) {
            System.err.println("newsflow enrich: " + e.getMessage());
            return 2;
        }
        ArticleFileParser parser = new ArticleFileParser();
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        int failed = 0;
        for (Path file : files) {
            String source = file.toString();
            try {
                RawArticle article = parser.parse(file);
                EnrichedArticle enriched = enricher.enrich(article);
                out.println(JSON.writeValueAsString(EnrichmentJson.toJson(source, enriched)));
            } catch (Exception e) {
                failed++;
                System.err.println("newsflow enrich: " + source + ": " + e.getMessage());
                out.println(JSON.writeValueAsString(EnrichmentJson.error(source, String.valueOf(e.getMessage()))));
            }
            out.flush();
        }
        return failed == 0 ? 0 : 1;
    }
}
