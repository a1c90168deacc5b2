package io.newsflow.ops.app;

import io.newsflow.schemas.config.ConnectionOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the operators' tools share: settings from the connection options, a timeout, and one way
 * of reporting: exit 0 when done, 1 when the cluster could not be asked (unreachable, not
 * authorised, timed out), 2 on bad usage or configuration, 3 when the tool refused (the reason on
 * stderr).
 */
abstract class OpsCommand {
    static final int OK = 0;
    static final int KAFKA_ERROR = 1;
    static final int USAGE = 2;
    static final int REFUSED = 3;

    /** A step that talks to the cluster. */
    @FunctionalInterface
    interface ClusterWork {
        int run(Properties settings, Duration timeout, PrintWriter out, PrintWriter err) throws Exception;
    }

    static int run(CommandSpec spec, String name, ConnectionOptions connection, Map<String, String> env, long timeoutSeconds,
                   ClusterWork work) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (timeoutSeconds <= 0) {
            err.println(name + ": --timeout must be positive");
            err.flush();
            return USAGE;
        }
        Properties settings;
        try {
            settings = connection.settings(env);
        } catch (IllegalArgumentException e) {
            err.println(name + ": " + e.getMessage());
            err.flush();
            return USAGE;
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        String cluster = settings.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        try {
            return work.run(settings, timeout, out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(name + ": interrupted");
            return KAFKA_ERROR;
        } catch (TimeoutException | org.apache.kafka.common.errors.TimeoutException e) {
            err.println(name + ": no answer from the Kafka cluster at " + cluster + " within " + timeout
                    + "; is it running? (" + e.getMessage() + ")");
            return KAFKA_ERROR;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                err.println(name + ": no answer from the Kafka cluster at " + cluster + " within " + timeout
                        + "; is it running? (" + e.getCause().getMessage() + ")");
            } else {
                err.println(name + ": the cluster at " + cluster + " refused: " + e.getCause().getMessage());
            }
            return KAFKA_ERROR;
        } catch (KafkaException | IllegalArgumentException | IllegalStateException e) {
            err.println(name + ": " + e.getMessage());
            return KAFKA_ERROR;
        } catch (Exception e) {
            err.println(name + ": " + e);
            return KAFKA_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
