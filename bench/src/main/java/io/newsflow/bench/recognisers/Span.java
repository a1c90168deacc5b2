package io.newsflow.bench.recognisers;

/**
 * One name a recogniser found: character offsets into the article body (UTF-16, end exclusive) and its
 * type, one of {@link #PERSON}, {@link #ORGANIZATION}, {@link #LOCATION} (the scorer's three types).
 */
public record Span(int start, int end, String type) {
    public static final String PERSON = "PERSON";
    public static final String ORGANIZATION = "ORGANIZATION";
    public static final String LOCATION = "LOCATION";

    public Span {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty or negative span " + start + ".." + end);
        }
    }

    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }

    public String text(String body) {
        return body.substring(start, end);
    }
}
