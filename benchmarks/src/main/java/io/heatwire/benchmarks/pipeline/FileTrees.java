package io.heatwire.benchmarks.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;

/** Sizes and deletion of directory trees. */
final class FileTrees {

    private FileTrees() {}

    /** The bytes of every regular file under {@code root}; 0 when it does not exist. Files that vanish are skipped. */
    static long size(final Path root) {
        if (!Files.exists(root)) {
            return 0;
        }
        final AtomicLong total = new AtomicLong();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(final Path file, final BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        total.addAndGet(attributes.size());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(final Path file, final IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total.get();
    }

    /** Deletes {@code root} and everything under it; nothing when it does not exist. */
    static void delete(final Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(final Path file, final BasicFileAttributes attributes) throws IOException {
                deleteIfThere(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(final Path directory, final IOException e) throws IOException {
                deleteIfThere(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteIfThere(final Path path) throws IOException {
        try {
            Files.delete(path);
        } catch (NoSuchFileException e) {
            // gone already
        }
    }
}
