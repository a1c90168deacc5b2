package io.newsflow.observability.health;

import java.util.Objects;

/**
 * One health check's answer: up or down, and a short detail a person can act on ("RUNNING",
 * "REBALANCING", "restoring news.gazetteer: 3 of 6 partitions done").
 */
public record CheckResult(boolean up, String detail) {
    public CheckResult {
        Objects.requireNonNull(detail, "detail");
    }

    public static CheckResult up(String detail) {
        return new CheckResult(true, detail);
    }

    public static CheckResult down(String detail) {
        return new CheckResult(false, detail);
    }
}
