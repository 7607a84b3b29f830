package io.heatwire.benchmarks.pipeline;

import java.util.concurrent.locks.LockSupport;

/**
 * When the i-th record of a paced run is due: evenly spaced at {@code rate} per second from the
 * start, so a late send is followed by quicker ones rather than drifting.
 */
final class Pacer {

    private final long startNanos;
    private final double nanosPerRecord;

    /** {@code rate} per second; 0 or less: no pacing, every record is due at once. */
    Pacer(final long startNanos, final double rate) {
        this.startNanos = startNanos;
        this.nanosPerRecord = rate > 0 ? 1e9 / rate : 0;
    }

    long dueNanos(final long index) {
        return startNanos + Math.round(index * nanosPerRecord);
    }

    /** Waits until record {@code index} is due (at once when it already is). */
    void awaitTurn(final long index) {
        final long due = dueNanos(index);
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(wait, 1_000_000L));
        }
    }
}
