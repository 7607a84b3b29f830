package io.heatwire.article.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The five sample documents of the repository's {@code seeds/} folder, by file name. */
public final class SeedDocuments {

    private SeedDocuments() {}

    public static Map<String, byte[]> all() {
        final Path seeds = locate();
        try (Stream<Path> files = Files.list(seeds)) {
            final Map<String, byte[]> documents = new LinkedHashMap<>();
            for (final Path file : files.sorted().toList()) {
                documents.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] named(final String prefix) {
        return all().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no seed " + prefix))
                .getValue();
    }

    public static ParsedArticle parsed(final String prefix) {
        try {
            return new ArticleParser(ParseLimits.defaults()).parse(named(prefix));
        } catch (RejectedDocumentException e) {
            throw new AssertionError("seed " + prefix + " was rejected: " + e.getMessage(), e);
        }
    }

    /** Tests run in the module directory; the seeds are at the repository root. */
    private static Path locate() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            final Path seeds = directory.resolve("seeds");
            if (Files.isDirectory(seeds)) {
                return seeds;
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException("no seeds directory above the working directory");
    }
}
