package io.newsflow.bench.recognisers;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/**
 * The stock recognisers by name. Their adapters and models are compiled only with the Maven profiles
 * {@code recognisers} (NLP4J, Apache-2.0) and {@code corenlp} (Stanford CoreNLP, GPL: measured, never
 * shipped), so the default build downloads no model; they are looked up by class name here.
 */
public final class Recognisers {
    /** Name → adapter class, in the order the docs report them. */
    public static final Map<String, String> ADAPTERS = Map.of(
            "nlp4j", "io.newsflow.bench.recognisers.Nlp4jRecogniser",
            "corenlp", "io.newsflow.bench.recognisers.CoreNlpRecogniser");

    private Recognisers() {
    }

    /** Loads the named model (slow: this is the cold start being measured). */
    public static Recogniser load(String name) {
        String adapter = ADAPTERS.get(name);
        if (adapter == null) {
            throw new IllegalArgumentException("unknown recogniser '" + name + "' (known: " + ADAPTERS.keySet() + ")");
        }
        Class<?> type;
        try {
            type = Class.forName(adapter);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("recogniser '" + name + "' is not on the classpath: run it through"
                    + " `bench/run recognisers`, which builds the bench module with -Precognisers,corenlp", e);
        }
        try {
            return (Recogniser) type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot load recogniser '" + name + "': " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create recogniser '" + name + "'", e);
        }
    }
}
