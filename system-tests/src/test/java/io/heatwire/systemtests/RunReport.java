package io.heatwire.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** The {@code report.txt} of an end-to-end run: what it chose and how long each step took. */
final class RunReport {

    private final Path file;
    private final long started = System.nanoTime();

    RunReport(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** A line saying how long the run has taken so far. */
    void lap(String format, Object... arguments) throws IOException {
        line("%5.1f s  %s", (System.nanoTime() - started) / 1e9, String.format(Locale.ROOT, format, arguments));
    }

    /** A line, written at once so a long run can be followed. */
    void line(String format, Object... arguments) throws IOException {
        Files.writeString(
                file,
                String.format(Locale.ROOT, format, arguments) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
