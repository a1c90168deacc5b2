package io.newsflow.stack.kafka;

import java.util.Map;

/**
 * Turns the embedded broker's logging down to WARN, because at INFO a KRaft broker writes hundreds
 * of lines at start-up and on every group or topic change, which buries the demo's own output.
 *
 * <p>The broker logs through SLF4J. This sets the per-logger levels understood by
 * {@code slf4j-simple} (the provider the launcher ships) as system properties, unless the user set
 * any of them, so {@code -Dorg.slf4j.simpleLogger.log.kafka=info} still wins. It covers the
 * broker ({@code kafka.*}, {@code state.change.logger}) and the Kafka libraries
 * ({@code org.apache.kafka.*}, which includes client and Streams internals — their INFO config dumps
 * are just as noisy). The levels take effect for loggers created afterwards, so it runs before the
 * broker classes load. {@code -Dnewsflow.stack.quiet=false} switches it off.
 *
 * <p>Without any SLF4J provider SLF4J is silent anyway, and Log4j 2 (which the broker jars bring)
 * defaults to ERROR when no configuration file is present.
 */
final class QuietLogging {

    private static final String PREFIX = "org.slf4j.simpleLogger.log.";
    /** Logger → level. The controller's one WARN per fresh start ("performing controller activation") is routine here. */
    private static final Map<String, String> LEVELS = Map.of(
            "kafka", "warn",
            "state.change.logger", "warn",
            "org.apache.kafka", "warn",
            "org.apache.kafka.controller.QuorumController", "error");

    private QuietLogging() {
    }

    static void apply() {
        if ("false".equalsIgnoreCase(System.getProperty("newsflow.stack.quiet"))) {
            return;
        }
        // if the user tuned any of these loggers, they are debugging: leave all of them alone
        if (LEVELS.keySet().stream().anyMatch(logger -> System.getProperty(PREFIX + logger) != null)) {
            return;
        }
        LEVELS.forEach((logger, level) -> System.setProperty(PREFIX + logger, level));
    }
}
