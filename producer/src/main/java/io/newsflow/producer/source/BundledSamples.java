package io.newsflow.producer.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sample articles shipped inside the producer jar ({@code samples/} on the class path, listed
 * in {@code samples/INDEX}), for the demo and for trying the pipeline without files of one's
 * own. Each article's {@code source} is {@code classpath:samples/NAME}.
 */
public final class BundledSamples implements ArticleSource {
    static final String DIRECTORY = "samples/";

    private final ArticleFileParser parser;

    public BundledSamples(ArticleFileParser parser) {
        this.parser = parser;
    }

    @Override
    public String name() {
        return "classpath:" + DIRECTORY;
    }

    /** The file names of the bundled samples, in index order. */
    public static List<String> names() {
        try (InputStream in = open(DIRECTORY + "INDEX");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#"))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index of the bundled samples", e);
        }
    }

    @Override
    public void read(ArticleSink sink) throws IOException {
        for (String name : names()) {
            String resource = DIRECTORY + name;
            byte[] content;
            try (InputStream in = open(resource)) {
                content = in.readAllBytes();
            }
            try {
                sink.accept(parser.parse(content, "classpath:" + resource));
            } catch (ArticleParseException e) {
                sink.reject(e);
            }
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = BundledSamples.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("bundled resource " + resource + " is missing from the class path");
        }
        return in;
    }
}
