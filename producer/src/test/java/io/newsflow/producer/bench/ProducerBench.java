package io.newsflow.producer.bench;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.app.ProduceCommand;
import io.newsflow.producer.app.ProduceResult;
import io.newsflow.producer.source.ArticleFileParser;
import io.newsflow.producer.source.ArticleParseException;
import io.newsflow.producer.source.ArticleSink;
import io.newsflow.producer.source.FolderSource;
import io.newsflow.producer.source.Languages;
import io.newsflow.producer.state.SentArticles;
import io.newsflow.producer.transport.ArticleProducers;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.serde.SerdeConfig;
import io.newsflow.stack.LocalStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Producer throughput: N generated ~700-word markdown articles in a temp folder, published by the
 * producer (read + parse + language detection + Avro/registry serde + send, acks=all, idempotent,
 * lz4) to the embedded broker, next to the broker's own raw producer throughput in the same run
 * (a plain {@code KafkaProducer<byte[], byte[]>}, same settings, the same article files' bytes as
 * payloads). Not a test: run it by hand (see producer/README.md).
 *
 * <p>Arguments: {@code [articles (default 10000)] [words per article (default 700)]}.
 */
public final class ProducerBench {
    private static final String[] WORDS = ("the of and to in a is that for on was with said as by at from his her "
            + "it an were are which this be has have had not but after over more than people city officials "
            + "government forces military region river flood water village report according killed wounded "
            + "missing displaced aid agency minister president country border attack strike ceasefire talks "
            + "police court election vote market prices energy winter families soldiers volunteers hospital").split(" ");

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int words = args.length > 1 ? Integer.parseInt(args[1]) : 700;
        Path folder = Files.createTempDirectory("newsflow-producer-bench");
        long bytes = generate(folder, n, words);
        System.out.printf("generated %d articles of %d words (%.1f MB, %.0f bytes each) in %s%n",
                n, words, bytes / 1e6, bytes / (double) n, folder);

        long t0 = System.nanoTime();
        Languages.detect("warming up the language profiles before anything is timed");
        System.out.printf("language profiles loaded in %.2f s (once per process)%n", (System.nanoTime() - t0) / 1e9);

        // parse only: what the producer spends before Kafka
        ArticleFileParser parser = new ArticleFileParser();
        AtomicLong parsed = new AtomicLong();
        List<byte[]> payloads = new ArrayList<>();
        for (Path file : new FolderSource(folder, parser).files()) {
            payloads.add(Files.readAllBytes(file));
        }
        long p0 = System.nanoTime();
        new FolderSource(folder, parser).read(new ArticleSink() {
            @Override
            public void accept(RawArticle article) {
                parsed.incrementAndGet();
            }

            @Override
            public void reject(ArticleParseException error) {
                throw new IllegalStateException(error);
            }
        });
        double parseSeconds = (System.nanoTime() - p0) / 1e9;

        try (LocalStack stack = LocalStack.start(null, 0, 0,
                List.of(new NewTopic(Topics.RAW, 3, (short) 1), new NewTopic("bench.baseline", 3, (short) 1)))) {
            Properties config = new Properties();
            config.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
            config.setProperty(SerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());

            // baseline: the broker's own producer, same settings, same-size text payloads
            Properties raw = ArticleProducers.withDefaults(config);
            raw.remove(SerdeConfig.SCHEMA_REGISTRY_URL);
            raw.setProperty(ProducerConfig.CLIENT_ID_CONFIG, "bench-baseline");
            double baselineSeconds;
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(raw, new ByteArraySerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < Math.min(2000, n); i++) { // warm-up
                    producer.send(new ProducerRecord<>("bench.baseline", ("w" + i).getBytes(), payloads.get(i)));
                }
                producer.flush();
                long b0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    producer.send(new ProducerRecord<>("bench.baseline", Integer.toHexString(i).getBytes(), payloads.get(i)));
                }
                producer.flush();
                baselineSeconds = (System.nanoTime() - b0) / 1e9;
            }

            // the producer, end to end from the folder
            Writer sinkhole = Writer.nullWriter();
            StringWriter errors = new StringWriter();
            long s0 = System.nanoTime();
            ProduceResult result = ProduceCommand.publish(List.of(new FolderSource(folder, new ArticleFileParser())),
                    ArticleProducers.create(config), SentArticles.inMemory(), new PrintWriter(sinkhole), new PrintWriter(errors));
            double producerSeconds = (System.nanoTime() - s0) / 1e9;
            if (result.sent() != n) {
                throw new IllegalStateException("sent " + result.sent() + " of " + n + ": " + errors);
            }

            System.out.println();
            System.out.println("| measure | articles/s | MB/s | seconds |");
            System.out.println("| --- | ---: | ---: | ---: |");
            row("parse only (read + parse + language, no Kafka)", n, bytes, parseSeconds);
            row("producer: folder → news.articles.raw (Avro, registry)", n, bytes, producerSeconds);
            row("baseline: KafkaProducer<byte[],byte[]>, same payloads", n, bytes, baselineSeconds);
            System.out.printf("%nproducer / baseline = %.2f%n", baselineSeconds / producerSeconds);
            System.out.printf("settings: acks=all, enable.idempotence=true, compression lz4, linger.ms=10; topics with 3 partitions; "
                    + "%d cores; %s %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name"), System.getProperty("java.version"));
        }
    }

    private static void row(String what, int n, long bytes, double seconds) {
        System.out.printf("| %s | %,.0f | %.1f | %.2f |%n", what, n / seconds, bytes / 1e6 / seconds, seconds);
    }

    private static long generate(Path folder, int n, int words) throws Exception {
        Random random = new Random(42);
        long total = 0;
        for (int i = 0; i < n; i++) {
            StringBuilder text = new StringBuilder(words * 7);
            text.append("# Generated article ").append(i).append(" on the flood in the region\n\nBy Jane Doe\n\nDecember 29, 2023\n\n");
            for (int w = 0; w < words; w++) {
                String word = WORDS[random.nextInt(WORDS.length)];
                text.append(w % 15 == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                text.append(w % 15 == 14 ? ". " : " ");
                if (w % 120 == 119) {
                    text.append("\n\n");
                }
            }
            text.append("\n\nOriginal url:\n\n<https://bench.example/articles/").append(i).append(">\n");
            byte[] content = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Files.write(folder.resolve(String.format("article-%05d.md", i)), content);
            total += content.length;
        }
        return total;
    }

    private ProducerBench() {
    }
}
