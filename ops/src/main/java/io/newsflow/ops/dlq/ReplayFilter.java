package io.newsflow.ops.dlq;

import io.newsflow.avro.DeadLetter;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which dead letters a replay takes: those of the given stages (all when none is given) that
 * failed ({@code DeadLetter.failedAt}) at or after {@code since} and before {@code until} (open
 * when null).
 */
public record ReplayFilter(Set<String> stages, Instant since, Instant until) {
    public ReplayFilter {
        stages = stages == null ? Set.of()
                : stages.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("--since (" + since + ") must be before --until (" + until + ")");
        }
    }

    public static ReplayFilter all() {
        return new ReplayFilter(Set.of(), null, null);
    }

    public boolean test(DeadLetter letter) {
        if (!stages.isEmpty() && !stages.contains(letter.getStage().toUpperCase(Locale.ROOT))) {
            return false;
        }
        Instant failed = letter.getFailedAt();
        return (since == null || !failed.isBefore(since)) && (until == null || failed.isBefore(until));
    }
}
