package io.newsflow.schemas.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT (Ctrl-C) as a request to stop, so that a long-running command shuts down
 * cleanly and exits with its own code (0 after a clean stop) instead of the JVM's 143/130.
 *
 * <p>The JVM's default reaction to these signals is to run the shutdown hooks and exit with
 * 128 + the signal number, whatever the command returns afterwards. While installed, these
 * handlers replace it: the first signal runs {@code onStop} once, on its own thread (close the
 * consumer, stop the poll loop...); the command's main thread then finishes and returns its exit
 * code. A second signal while stopping exits at once the JVM's way ({@code 128 + signal}), for an
 * operator who does not want to wait. {@link #close()} puts the previous handlers back.
 *
 * <pre>
 * try (StopSignals signals = StopSignals.install("consume", subscriber::close)) {
 *     subscriber.run(...);   // returns once onStop has closed it
 * }
 * return 0;
 * </pre>
 *
 * Uses {@code sun.misc.Signal} (module {@code jdk.unsupported}, in every JDK since 9); where a
 * signal cannot be handled (another platform, a JVM flag), it is left to the JVM and
 * {@link #handled()} says so: the command's shutdown hook then still stops it cleanly.
 */
public final class StopSignals implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);
    private static final String[] SIGNALS = {"TERM", "INT"};

    private final String name;
    private final Runnable onStop;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final List<Installed> installed = new ArrayList<>();

    private record Installed(Signal signal, SignalHandler previous) {
    }

    private StopSignals(String name, Runnable onStop) {
        this.name = name;
        this.onStop = onStop;
    }

    /**
     * @param name   the command, for the log line and the stopping thread's name
     * @param onStop what makes the command return: called once, on its own thread
     */
    public static StopSignals install(String name, Runnable onStop) {
        StopSignals signals = new StopSignals(name, onStop);
        for (String signalName : SIGNALS) {
            try {
                Signal signal = new Signal(signalName);
                signals.installed.add(new Installed(signal, Signal.handle(signal, signals::onSignal)));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                log.debug("{}: SIG{} left to the JVM: {}", name, signalName, e.getMessage());
            }
        }
        return signals;
    }

    /** True once a stop was requested by a signal. */
    public boolean requested() {
        return requested.get();
    }

    /** True when SIGTERM is handled here (and so exits with the command's own code). */
    public boolean handled() {
        return installed.stream().anyMatch(i -> i.signal().getName().equals("TERM"));
    }

    private void onSignal(Signal signal) {
        if (requested.compareAndSet(false, true)) {
            log.info("{}: SIG{} received, stopping cleanly (send it again to exit at once)", name, signal.getName());
            Thread stopper = new Thread(onStop, name + "-stop");
            stopper.setDaemon(true);
            stopper.start();
        } else {
            log.warn("{}: second SIG{}, exiting without waiting", name, signal.getName());
            Runtime.getRuntime().exit(128 + signal.getNumber());
        }
    }

    /** Restores the handlers that were there before. */
    @Override
    public void close() {
        for (Installed i : installed) {
            try {
                Signal.handle(i.signal(), i.previous());
            } catch (IllegalArgumentException e) {
                log.debug("{}: could not restore the SIG{} handler: {}", name, i.signal().getName(), e.getMessage());
            }
        }
        installed.clear();
    }
}
