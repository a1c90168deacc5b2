package io.newsflow.bench.recognisers;

import java.util.List;

/**
 * A stock named-entity recogniser run on an article body: the names it finds, in text order. Implementations
 * load their model in the constructor (that is the load time {@code bench/run recognisers load} measures) and
 * are used from one thread.
 */
public interface Recogniser {

    /** The names in {@code text} with offsets into it; never null. */
    List<Span> find(String text);
}
