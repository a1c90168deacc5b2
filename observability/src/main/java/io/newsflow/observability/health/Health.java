package io.newsflow.observability.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The liveness and readiness checks of one service, behind {@code GET /health/live} and
 * {@code GET /health/ready}.
 *
 * <ul>
 * <li><b>live</b>: every liveness check is up. Down means the process is broken beyond repair
 *     (e.g. the Streams client is in ERROR) and should be restarted by its supervisor.</li>
 * <li><b>ready</b>: every liveness <em>and</em> readiness check is up. Down means "do not send
 *     work or queries here now" (starting, rebalancing, restoring), not "restart me".</li>
 * </ul>
 *
 * A check that throws is reported down with the exception's class and message, so a bug in a
 * check shows in the answer instead of being swallowed. Checks are kept in the order added.
 */
public final class Health {
    private final Map<String, HealthCheck> liveness = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, HealthCheck> readiness = Collections.synchronizedMap(new LinkedHashMap<>());

    /** Adds (or replaces) a liveness check; it counts for readiness too. */
    public Health addLiveness(String name, HealthCheck check) {
        liveness.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(check, "check"));
        return this;
    }

    /** Adds (or replaces) a readiness check. */
    public Health addReadiness(String name, HealthCheck check) {
        readiness.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(check, "check"));
        return this;
    }

    public Report live() {
        return report(snapshot(liveness));
    }

    public Report ready() {
        Map<String, HealthCheck> all = snapshot(liveness);
        all.putAll(snapshot(readiness));
        return report(all);
    }

    private static Map<String, HealthCheck> snapshot(Map<String, HealthCheck> checks) {
        synchronized (checks) {
            return new LinkedHashMap<>(checks);
        }
    }

    private static Report report(Map<String, HealthCheck> checks) {
        Map<String, CheckResult> results = new LinkedHashMap<>();
        checks.forEach((name, check) -> results.put(name, run(check)));
        return new Report(results);
    }

    private static CheckResult run(HealthCheck check) {
        try {
            CheckResult result = check.check();
            return result != null ? result : CheckResult.down("the check returned no result");
        } catch (RuntimeException e) {
            return CheckResult.down("the check failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** The answer of a set of checks: up when all are up (no check at all is up). */
    public record Report(Map<String, CheckResult> checks) {
        public Report {
            checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
        }

        public boolean up() {
            return checks.values().stream().allMatch(CheckResult::up);
        }

        /** The failing checks as "name: detail; name: detail", empty when up. */
        public String reason() {
            StringJoiner reason = new StringJoiner("; ");
            checks.forEach((name, result) -> {
                if (!result.up()) {
                    reason.add(name + ": " + result.detail());
                }
            });
            return reason.toString();
        }
    }
}
