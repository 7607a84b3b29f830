package io.heatwire.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.heatwire.corpus.CorpusOptions;
import io.heatwire.corpus.CorpusPlan;
import io.heatwire.corpus.DocumentRenderer;

/** Documents to parse: the repository's seeds, and synthetic articles of realistic size. */
final class DocumentCorpus {

    /** Where the seeds are; defaults to the nearest {@code seeds/} above the working directory. */
    static final String SEEDS_PROPERTY = "heatwire.seeds";

    private DocumentCorpus() {}

    static List<byte[]> seeds() {
        final Path directory = seedDirectory();
        try (Stream<Path> files = Files.list(directory)) {
            final List<byte[]> documents = new ArrayList<>();
            for (final Path file : files.sorted().toList()) {
                documents.add(Files.readAllBytes(file));
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code count} front-matter articles of 2–12 KB from heatwire-corpus (loadgen's generator): the
     * size comes from the number of related entries (1–15) and their excerpts, like the seeds; the
     * last few are bridges. Deterministic for a given seed.
     */
    static List<byte[]> generated(final int count, final long seed) {
        final CorpusPlan plan = CorpusPlan.create(count, seed, CorpusOptions.parseBenchmarks());
        final DocumentRenderer renderer = new DocumentRenderer(plan);
        final List<byte[]> documents = new ArrayList<>(plan.documentCount());
        for (int document = 0; document < plan.documentCount(); document++) {
            documents.add(renderer.render(document).bytes());
        }
        return documents;
    }

    static long totalBytes(final List<byte[]> documents) {
        long total = 0;
        for (final byte[] document : documents) {
            total += document.length;
        }
        return total;
    }

    private static Path seedDirectory() {
        final String configured = System.getProperty(SEEDS_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            final Path seeds = directory.resolve("seeds");
            if (Files.isDirectory(seeds)) {
                return seeds;
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException("no seeds directory found; set -D" + SEEDS_PROPERTY + "=PATH");
    }
}
