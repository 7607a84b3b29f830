package io.heatwire.benchmarks.pipeline;

import java.io.PrintStream;

/**
 * One progress line on stderr while the benchmark waits: rewritten in place on a terminal, else
 * printed every ten seconds, so logs of non-interactive runs stay short.
 */
final class ProgressLine {

    private static final long EVERY_NANOS = 10_000_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private long lastPrinted;
    private int lastLength;

    ProgressLine(final PrintStream out, final boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.lastPrinted = System.nanoTime();
    }

    synchronized void update(final String text) {
        if (terminal) {
            final String padded = text.length() < lastLength ? text + " ".repeat(lastLength - text.length()) : text;
            out.print("\r" + padded);
            out.flush();
            lastLength = text.length();
        } else if (System.nanoTime() - lastPrinted >= EVERY_NANOS) {
            out.println(text);
            lastPrinted = System.nanoTime();
        }
    }

    /** Ends the line in place, so the next output starts on a fresh one. */
    synchronized void done() {
        if (terminal && lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
            lastLength = 0;
        }
    }

    /** A line of its own that stays, between progress updates. */
    synchronized void say(final String text) {
        done();
        out.println(text);
        lastPrinted = System.nanoTime();
    }
}
