package io.heatwire.ingest.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import io.heatwire.ingest.check.Rejection;

/** The spool's {@code processed/} and {@code error/} directories, and moves that never overwrite. */
final class SpoolDirectories {

    static final String PROCESSED = "processed";
    static final String ERROR = "error";
    static final String ERROR_SUFFIX = ".error";

    /** Moves a file into a directory; the spool watcher swaps it out in tests to simulate a crash. */
    @FunctionalInterface
    interface Mover {
        Path move(Path file, Path directory) throws IOException;
    }

    private SpoolDirectories() {}

    /**
     * Moves {@code file} into {@code directory} under its own name, or {@code name-1.ext},
     * {@code name-2.ext}... when taken. ATOMIC_MOVE is not used on purpose: rename(2) replaces an
     * existing target silently, a plain move refuses.
     */
    static Path moveWithoutOverwrite(Path file, Path directory) throws IOException {
        final String name = file.getFileName().toString();
        for (int attempt = 0; ; attempt++) {
            final Path target = directory.resolve(attempt == 0 ? name : withSuffix(name, attempt));
            if (Files.exists(target) || Files.exists(errorFileFor(target))) {
                continue;
            }
            try {
                return Files.move(file, target);
            } catch (FileAlreadyExistsException raced) {
                // Someone took the name between the check and the move: try the next one.
            }
        }
    }

    /** Writes {@code <file>.error} beside a file in error/. */
    static Path writeErrorFile(Path movedFile, Rejection rejection, Instant at) throws IOException {
        final String text = String.format(
                Locale.ROOT,
                "code: %s%nreason: %s%nfile: %s%nat: %s%n",
                rejection.code(),
                rejection.reason(),
                movedFile.getFileName(),
                at);
        return Files.writeString(errorFileFor(movedFile), text, StandardCharsets.UTF_8);
    }

    static Path errorFileFor(Path file) {
        return file.resolveSibling(file.getFileName() + ERROR_SUFFIX);
    }

    static String withSuffix(String name, int n) {
        final int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
    }
}
