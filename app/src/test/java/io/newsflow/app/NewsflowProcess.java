package io.newsflow.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code ./newsflow ARGS} as a separate JVM (the launcher's main class on this test's class path),
 * with its stdout and stderr in files, for tests of what only a real process shows: signals and
 * exit codes. Waits are on output with a deadline, never a sleep.
 */
final class NewsflowProcess implements AutoCloseable {
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private NewsflowProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static NewsflowProcess start(Path dir, Map<String, String> env, String... args) throws IOException {
        return start(dir, "256m", env, args);
    }

    /** As {@link #start(Path, Map, String...)} with another heap ({@code -Xmx}), e.g. for the processor's enricher. */
    static NewsflowProcess start(Path dir, String heap, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Newsflow.class.getName());
        command.addAll(List.of(args));
        Files.createDirectories(dir);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(env);
        return new NewsflowProcess(builder.start(), out, err);
    }

    /** Waits until stdout (or stderr) satisfies {@code condition}; false when the deadline passed or the process ended first. */
    boolean awaitOutput(Predicate<String> condition, Duration deadline) throws IOException, InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            if (condition.test(stdout() + stderr())) {
                return true;
            }
            if (!process.isAlive()) {
                return condition.test(stdout() + stderr());
            }
            process.waitFor(100, TimeUnit.MILLISECONDS); // returns early when the process ends
        }
        return false;
    }

    /** SIGKILL, as {@code kill -9 PID}: no hook, no clean close. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as {@code kill PID} or {@code docker stop} send it. */
    void terminate() {
        process.destroy();
    }

    /** The exit code, or -1 when it did not exit within {@code deadline} (then it is killed). */
    int awaitExit(Duration deadline) throws InterruptedException {
        if (process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        return -1;
    }

    String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
