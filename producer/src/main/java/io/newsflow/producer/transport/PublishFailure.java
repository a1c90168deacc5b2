package io.newsflow.producer.transport;

/**
 * A send that failed: which article, from where, why, and whether the producer can go on.
 *
 * @param articleId the article's id (the record key)
 * @param source    where the article was read from
 * @param reason    what went wrong, human readable
 * @param fatal     true when the producer cannot send anything more (authorisation, fencing,
 *                  broker unreachable); later sends are failed without trying
 */
public record PublishFailure(String articleId, String source, String reason, boolean fatal) {
    @Override
    public String toString() {
        return source + ": not sent (" + articleId + "): " + reason;
    }
}
