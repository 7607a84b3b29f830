package io.heatwire.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** Documents to parse: the repository's seeds, and synthetic articles of realistic size. */
final class DocumentCorpus {

    /** Where the seeds are; defaults to the nearest {@code seeds/} above the working directory. */
    static final String SEEDS_PROPERTY = "heatwire.seeds";

    private static final String[] PROVIDERS = {
        "example.com", "news.example.org", "daily.example.net", "tech.example.io", "world.example.co.uk"
    };
    private static final String[] TOPICS = {"AI", "Computer Vision", "Privacy", "Policing", "Biometrics"};
    private static final String[] WORDS = ("police facial recognition technology cameras privacy deployment "
                    + "surveillance officers report minister trial accuracy bias public safety data rights city")
            .split(" ");

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
     * {@code count} front-matter articles of 2–12 KB: the size comes from the number of related
     * entries (1–16) and the excerpt lengths, like the seeds. Deterministic for a given seed.
     */
    static List<byte[]> generated(final int count, final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<byte[]> documents = new ArrayList<>(count);
        while (documents.size() < count) {
            final int targetBytes = random.nextInt(2 * 1024, 12 * 1024 + 1);
            final byte[] document = article(random, documents.size(), targetBytes);
            if (document.length >= 2 * 1024 && document.length <= 12 * 1024) {
                documents.add(document);
            }
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

    private static byte[] article(final SplittableRandom random, final int index, final int targetBytes) {
        final String provider = PROVIDERS[random.nextInt(PROVIDERS.length)];
        final StringBuilder out = new StringBuilder(targetBytes + 1024);
        out.append("---\ncategory: news\n")
                .append("title: \"")
                .append(sentence(random, 10))
                .append("\"\n")
                .append("excerpt: \"")
                .append(sentence(random, 40))
                .append("\"\n")
                .append("publishedDateTime: ")
                .append(Instant.ofEpochSecond(1_600_000_000L + random.nextInt(100_000_000)))
                .append('\n')
                .append("webUrl: \"https://www.")
                .append(provider)
                .append("/news/")
                .append(index)
                .append("/story\"\n")
                .append("ampWebUrl: \"https://www.")
                .append(provider)
                .append("/news/")
                .append(index)
                .append("/story/amp\"\n")
                .append("type: article\nquality: ")
                .append(random.nextInt(101))
                .append("\nheat: -1\npublished: false\n")
                .append("provider:\n  name: \"")
                .append(provider)
                .append("\"\n  domain: ")
                .append(provider)
                .append('\n')
                .append("topics:\n  - ")
                .append(TOPICS[random.nextInt(TOPICS.length)])
                .append("\n  - AI\n")
                .append("images:\n  - url: \"https://img.")
                .append(provider)
                .append("/")
                .append(index)
                .append(".jpg\"\n    width: 640\n    height: 360\n    isCached: true\n")
                .append("related:\n");
        int related = 0;
        while (out.length() < targetBytes - 400 && related < 16) {
            final String other = PROVIDERS[random.nextInt(PROVIDERS.length)];
            out.append("  - title: \"")
                    .append(sentence(random, 9))
                    .append("\"\n")
                    .append("    excerpt: \"")
                    .append(sentence(random, 35 + random.nextInt(30)))
                    .append("\"\n")
                    .append("    publishedDateTime: 2021-12-0")
                    .append(1 + random.nextInt(9))
                    .append("T12:00:00Z\n")
                    .append("    webUrl: \"https://www.")
                    .append(other)
                    .append("/story/")
                    .append(random.nextInt(1_000_000))
                    .append("\"\n    type: article\n    provider:\n      name: ")
                    .append(other)
                    .append("\n      domain: ")
                    .append(other)
                    .append("\n    quality: ")
                    .append(random.nextInt(101))
                    .append('\n');
            related++;
        }
        out.append("secured: \"").append("Q".repeat(300)).append("==\"\n---\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sentence(final SplittableRandom random, final int words) {
        final StringBuilder sentence = new StringBuilder(words * 8);
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sentence.append(' ');
            }
            sentence.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sentence.toString();
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
