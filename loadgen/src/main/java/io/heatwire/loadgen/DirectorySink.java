package io.heatwire.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import io.heatwire.corpus.GeneratedDocument;

/** One file per document, named so that sorting by name gives the publication order. */
final class DirectorySink implements DocumentSink {

    private final Path directory;

    private DirectorySink(final Path directory) {
        this.directory = directory;
    }

    /**
     * A sink into {@code directory}, which must be empty or absent: {@code ingest-service publish}
     * and {@code run.sh} publish every file they find there.
     */
    static DirectorySink open(final Path directory) throws IOException {
        if (Files.exists(directory)) {
            if (!Files.isDirectory(directory)) {
                throw new IOException(directory + " is not a directory");
            }
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(directory + " is not empty; every file in it would be published, so "
                            + "give an empty or new directory");
                }
            }
        }
        Files.createDirectories(directory);
        return new DirectorySink(directory);
    }

    @Override
    public void write(final GeneratedDocument document) throws IOException {
        Files.write(
                directory.resolve(document.name()),
                document.bytes(),
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
    }

    @Override
    public long finish() {
        return 0;
    }

    @Override
    public String describe() {
        return "written to " + directory;
    }

    @Override
    public void close() {
        // Every file is complete when write returns.
    }
}
