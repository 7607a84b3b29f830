package io.heatwire.ingest.publish;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.heatwire.ingest.check.Rejection;

/** What one {@code publish} run did; decides the exit code. */
public record PublishSummary(
        long published, long bytes, List<Rejected> rejected, List<Failed> failed, Duration elapsed) {

    public static final int EXIT_OK = 0;
    public static final int EXIT_INCOMPLETE = 1;
    public static final int EXIT_USAGE = 2;

    /** A file refused by the cheap checks. */
    public record Rejected(Path path, Rejection rejection) {}

    /** A file that could not be read or was not acknowledged by the broker. */
    public record Failed(Path path, String message) {}

    public PublishSummary {
        rejected = List.copyOf(rejected);
        failed = List.copyOf(failed);
    }

    public int exitCode() {
        return rejected.isEmpty() && failed.isEmpty() ? EXIT_OK : EXIT_INCOMPLETE;
    }

    /** One line per rejected or failed file, then the totals. */
    public List<String> lines() {
        final List<String> lines = new ArrayList<>();
        rejected.forEach(r -> lines.add(String.format(
                Locale.ROOT,
                "rejected %s: %s %s",
                r.path(),
                r.rejection().code(),
                r.rejection().reason())));
        failed.forEach(f -> lines.add(String.format(Locale.ROOT, "failed %s: %s", f.path(), f.message())));
        final double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
        lines.add(String.format(
                Locale.ROOT,
                "published %d, rejected %d, failed %d, %d bytes, elapsed %.2f s, %.1f docs/s",
                published,
                rejected.size(),
                failed.size(),
                bytes,
                seconds,
                published / seconds));
        return lines;
    }
}
