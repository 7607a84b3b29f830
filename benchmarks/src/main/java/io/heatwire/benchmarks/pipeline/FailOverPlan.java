package io.heatwire.benchmarks.pipeline;

import java.util.Locale;

/**
 * What {@code --crash N} asks for: N stops of an enrich-service instance while it works, spread
 * evenly over the corpus by the raw offsets committed.
 *
 * @param stops   how many times an instance is stopped
 * @param signal  how: SIGKILL (a crash) or SIGTERM (a clean stop)
 * @param restart whether a stopped instance is started again at once, on the same state directory
 *                and port; false is the loss of an instance for good
 */
record FailOverPlan(int stops, Signal signal, boolean restart) {

    /** The signal a stop sends. */
    enum Signal {
        KILL,
        TERM;

        static Signal parse(final String value) {
            final String name = value.trim().toUpperCase(Locale.ROOT).replaceFirst("^SIG", "");
            for (final Signal signal : values()) {
                if (signal.name().equals(name)) {
                    return signal;
                }
            }
            throw new IllegalArgumentException("--crash-signal must be KILL or TERM: " + value);
        }
    }

    FailOverPlan {
        if (stops < 1) {
            throw new IllegalArgumentException("--crash needs at least one stop: " + stops);
        }
    }

    /** The raw offsets committed (of {@code total}) at which stop {@code stop} (from 1) comes. */
    long stopAt(final int stop, final long total) {
        return total * stop / (stops + 1);
    }

    /**
     * Which of the {@code running} instances (from 0) stop {@code stop} (from 1) hits: in turn when
     * they come back, else always the first of those left.
     */
    int instanceOf(final int stop, final int running) {
        return restart ? (stop - 1) % running : 0;
    }
}
