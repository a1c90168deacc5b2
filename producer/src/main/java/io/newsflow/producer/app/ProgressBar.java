package io.newsflow.producer.app;

import java.io.PrintWriter;

/**
 * A one-line progress bar on the terminal's stderr for bulk loads:
 * {@code [=========>          ]  45%  4500/10000  1234/s}. Redrawn at most every 100 ms; other
 * output first {@link #clear}s it. {@link #NONE} draws nothing (not a terminal, small loads).
 * Thread-safe.
 */
class ProgressBar {
    static final ProgressBar NONE = new ProgressBar(null, 0) {
        @Override
        void step() {
        }

        @Override
        void clear() {
        }

        @Override
        void finish() {
        }
    };

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final long total;
    private final long started = System.nanoTime();
    private long done;
    private long lastDraw;
    private boolean drawn;

    /** @param total the expected number of items, or -1 when unknown (a counter and a rate, no bar) */
    ProgressBar(PrintWriter err, long total) {
        this.err = err;
        this.total = total;
    }

    synchronized void step() {
        done++;
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS || done == total) {
            lastDraw = now;
            draw(now);
        }
    }

    /** Removes the bar so that a message can be printed; the next step draws it again. */
    synchronized void clear() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }

    synchronized void finish() {
        clear();
    }

    private void draw(long now) {
        double seconds = Math.max((now - started) / 1e9, 1e-3);
        long rate = Math.round(done / seconds);
        StringBuilder line = new StringBuilder("\r");
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, done * WIDTH / total);
            line.append('[').append("=".repeat(filled)).append(filled < WIDTH ? ">" : "")
                    .append(" ".repeat(Math.max(0, WIDTH - filled - 1))).append("] ")
                    .append(String.format("%3d%%  %d/%d", Math.min(100, done * 100 / total), done, total));
        } else {
            line.append(done).append(" articles");
        }
        line.append("  ").append(rate).append("/s\033[K");
        err.print(line);
        err.flush();
        drawn = true;
    }
}
