package io.heatwire.benchmarks.pipeline;

import java.util.Locale;

/** How the table writes numbers: grouped thousands, a sensible number of digits, MB = 10^6 bytes. */
final class Formats {

    private Formats() {}

    static String count(final long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Three significant digits or whole numbers with grouping, whichever is longer. */
    static String number(final double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        final double magnitude = Math.abs(value);
        if (magnitude >= 100 || magnitude == 0) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (magnitude >= 0.01) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        return String.format(Locale.ROOT, "%.2g", value);
    }

    static String megabytes(final long bytes) {
        return number(bytes / 1e6) + " MB";
    }

    /** {@code 0.012×}: a figure over its reference. */
    static String times(final double ratio) {
        return number(ratio) + "×";
    }

    static String millis(final long millis) {
        return count(millis) + " ms";
    }

    /** A duration in seconds as {@code 4m 07s} or {@code 12.3 s}. */
    static String duration(final double seconds) {
        if (seconds >= 120) {
            final long whole = Math.round(seconds);
            return String.format(Locale.ROOT, "%dm %02ds", whole / 60, whole % 60);
        }
        return number(seconds) + " s";
    }
}
