package io.heatwire.loadgen;

import java.io.PrintStream;
import java.util.Locale;

/** A progress line at most every two seconds, and one at the end. */
final class Progress {

    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final PrintStream out;
    private final String verb;
    private final long total;
    private final long started = System.nanoTime();
    private long lastPrinted = started;

    Progress(final PrintStream out, final String verb, final long total) {
        this.out = out;
        this.verb = verb;
        this.total = total;
    }

    void update(final long documents, final long bytes) {
        final long now = System.nanoTime();
        if (now - lastPrinted >= INTERVAL_NANOS || documents == total) {
            lastPrinted = now;
            final double seconds = Math.max(1e-9, (now - started) / 1e9);
            out.printf(
                    Locale.ROOT,
                    "%s %,d/%,d documents (%d%%), %.1f MB, %,.0f documents/s%n",
                    verb,
                    documents,
                    total,
                    total == 0 ? 100 : documents * 100 / total,
                    bytes / 1e6,
                    documents / seconds);
        }
    }
}
