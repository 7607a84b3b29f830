package io.heatwire.benchmarks.pipeline;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What enrich-service's {@code -Xlog:gc} file says: the largest heap in use (just before a
 * collection), the largest heap left after one (an upper bound of the live heap, since a young
 * collection leaves old garbage in place), and the time spent in pauses. Read from the log rather
 * than sampled, so no peak is missed and nothing is asked of the service while it runs.
 */
final class GcLog {

    private static final Pattern PAUSE =
            Pattern.compile("Pause .*? (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\) ([0-9.]+)ms");

    /** Figures of a log, or of the part of it after a given number of lines. */
    record Summary(
            int pauses, double pauseSeconds, long peakBeforeGcBytes, long peakAfterGcBytes, long peakCommittedBytes) {}

    private GcLog() {}

    /** Reads the lines after the first {@code skipLines} (a run's part of the log). */
    static Summary summarize(final String log, final int skipLines) {
        int pauses = 0;
        double pauseMillis = 0;
        long peakBefore = 0;
        long peakAfter = 0;
        long peakCommitted = 0;
        final String[] lines = log.split("\n");
        for (int i = Math.max(0, skipLines); i < lines.length; i++) {
            final Matcher matcher = PAUSE.matcher(lines[i]);
            if (matcher.find()) {
                pauses++;
                pauseMillis += Double.parseDouble(matcher.group(7));
                peakBefore = Math.max(peakBefore, bytes(matcher.group(1), matcher.group(2)));
                peakAfter = Math.max(peakAfter, bytes(matcher.group(3), matcher.group(4)));
                peakCommitted = Math.max(peakCommitted, bytes(matcher.group(5), matcher.group(6)));
            }
        }
        return new Summary(pauses, pauseMillis / 1000.0, peakBefore, peakAfter, peakCommitted);
    }

    static int lineCount(final String log) {
        return log.isEmpty() ? 0 : log.split("\n").length;
    }

    private static long bytes(final String value, final String unit) {
        final long number = Long.parseLong(value);
        return switch (unit.toUpperCase(Locale.ROOT)) {
            case "K" -> number << 10;
            case "M" -> number << 20;
            default -> number << 30;
        };
    }
}
