package io.heatwire.ingest.publish;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Expands the command's paths into the files to publish, each with its source id. */
final class SourceFiles {

    /** Spool sub-directories: their files were already handled, publishing them again would duplicate. */
    static final Set<String> SKIPPED_DIRECTORIES = Set.of("processed", "error");

    /**
     * @param key the source id: the path relative to the directory given, or the file name
     */
    record SourceFile(Path path, String key) {}

    /** A path that could not be listed or read; counted as failed. */
    record Problem(Path path, String message) {}

    record Listing(List<SourceFile> files, List<Problem> problems) {}

    private SourceFiles() {}

    static Listing collect(List<Path> roots, PathMatcher nameMatcher) {
        final Map<Path, SourceFile> files = new LinkedHashMap<>();
        final List<Problem> problems = new ArrayList<>();
        for (final Path root : roots) {
            if (Files.isDirectory(root)) {
                final List<SourceFile> found = new ArrayList<>();
                walk(root, nameMatcher, found, problems);
                found.sort(Comparator.comparing(SourceFile::key));
                found.forEach(
                        file -> files.putIfAbsent(file.path().toAbsolutePath().normalize(), file));
            } else if (Files.isRegularFile(root)) {
                // A file named on the command line is wanted even when the glob or its name says otherwise.
                files.putIfAbsent(
                        root.toAbsolutePath().normalize(),
                        new SourceFile(root, root.getFileName().toString()));
            } else {
                problems.add(new Problem(root, "not a regular file or directory"));
            }
        }
        return new Listing(List.copyOf(files.values()), List.copyOf(problems));
    }

    private static void walk(Path root, PathMatcher nameMatcher, List<SourceFile> found, List<Problem> problems) {
        try {
            Files.walkFileTree(
                    root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (dir.equals(root)) {
                                return FileVisitResult.CONTINUE;
                            }
                            final String name = dir.getFileName().toString();
                            return isHidden(name) || SKIPPED_DIRECTORIES.contains(name)
                                    ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            final Path name = file.getFileName();
                            if (attrs.isRegularFile() && !isHidden(name.toString()) && nameMatcher.matches(name)) {
                                found.add(new SourceFile(file, sourceId(root, file)));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            problems.add(new Problem(file, "cannot be read: " + e.getMessage()));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            problems.add(new Problem(root, "cannot be listed: " + e.getMessage()));
        }
    }

    static boolean isHidden(String name) {
        return name.startsWith(".");
    }

    /** Forward slashes on every platform, so the same tree gives the same keys everywhere. */
    static String sourceId(Path root, Path file) {
        final StringBuilder id = new StringBuilder();
        for (final Path part : root.relativize(file)) {
            if (id.length() > 0) {
                id.append('/');
            }
            id.append(part);
        }
        return id.toString();
    }
}
