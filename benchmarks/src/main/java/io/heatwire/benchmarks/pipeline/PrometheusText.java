package io.heatwire.benchmarks.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads figures out of Prometheus' text exposition format, as {@code /actuator/prometheus} serves
 * it: samples of one metric, filtered by labels, summed.
 */
final class PrometheusText {

    private PrometheusText() {}

    /** One sample line: its metric name, labels and value. */
    record Sample(String name, Map<String, String> labels, double value) {}

    /**
     * The sum of the samples of {@code metric} whose labels include every one of {@code labels};
     * NaN when there is none.
     */
    static double sum(final String text, final String metric, final Map<String, String> labels) {
        double sum = 0;
        boolean found = false;
        for (final String line : text.split("\n")) {
            final Sample sample = parse(line);
            if (sample != null && sample.name().equals(metric) && matches(sample.labels(), labels)) {
                sum += sample.value();
                found = true;
            }
        }
        return found ? sum : Double.NaN;
    }

    /**
     * The cumulative buckets of histogram {@code metric} ({@code metric_bucket} samples), summed over
     * every other label, by upper bound; {@code +Inf} is {@link Double#POSITIVE_INFINITY}.
     */
    static SortedMap<Double, Long> buckets(final String text, final String metric) {
        final SortedMap<Double, Long> buckets = new TreeMap<>();
        final String bucketName = metric + "_bucket";
        for (final String line : text.split("\n")) {
            final Sample sample = parse(line);
            if (sample != null
                    && sample.name().equals(bucketName)
                    && sample.labels().containsKey("le")) {
                buckets.merge(number(sample.labels().get("le")), Math.round(sample.value()), Long::sum);
            }
        }
        return buckets;
    }

    /** {@code after − before}, bucket by bucket: what was counted in between. */
    static SortedMap<Double, Long> difference(
            final SortedMap<Double, Long> after, final SortedMap<Double, Long> before) {
        final SortedMap<Double, Long> difference = new TreeMap<>();
        after.forEach((bound, count) -> difference.put(bound, count - before.getOrDefault(bound, 0L)));
        return difference;
    }

    /** The sample on a line, or null for comments, blank and malformed lines. */
    static Sample parse(final String line) {
        final String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return null;
        }
        final Map<String, String> labels = new HashMap<>();
        int position;
        final String name;
        final int brace = trimmed.indexOf('{');
        final int space = trimmed.indexOf(' ');
        if (brace > 0 && (space < 0 || brace < space)) {
            name = trimmed.substring(0, brace);
            position = parseLabels(trimmed, brace + 1, labels);
            if (position < 0) {
                return null;
            }
        } else if (space > 0) {
            name = trimmed.substring(0, space);
            position = space;
        } else {
            return null;
        }
        final String[] rest = trimmed.substring(position).strip().split("\\s+");
        if (rest.length == 0 || rest[0].isEmpty()) {
            return null;
        }
        try {
            return new Sample(name, labels, number(rest[0]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Parses {@code a="x",b="y"}} from {@code start}; returns the position after the brace, -1 if malformed. */
    private static int parseLabels(final String line, final int start, final Map<String, String> labels) {
        int i = start;
        while (i < line.length()) {
            final char c = line.charAt(i);
            if (c == '}') {
                return i + 1;
            }
            if (c == ',' || c == ' ') {
                i++;
                continue;
            }
            final int equals = line.indexOf('=', i);
            if (equals < 0 || equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
                return -1;
            }
            final String key = line.substring(i, equals).strip();
            final StringBuilder value = new StringBuilder();
            int j = equals + 2;
            while (j < line.length() && line.charAt(j) != '"') {
                char v = line.charAt(j);
                if (v == '\\' && j + 1 < line.length()) {
                    j++;
                    v = line.charAt(j) == 'n' ? '\n' : line.charAt(j);
                }
                value.append(v);
                j++;
            }
            if (j >= line.length()) {
                return -1;
            }
            labels.put(key, value.toString());
            i = j + 1;
        }
        return -1;
    }

    private static double number(final String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static boolean matches(final Map<String, String> labels, final Map<String, String> required) {
        for (final Map.Entry<String, String> entry : required.entrySet()) {
            if (!entry.getValue().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
