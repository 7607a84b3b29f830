package io.heatwire.ingest.publish;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;

/**
 * The {@code publish} command line: {@code publish [--glob=GLOB] PATH...}. Other {@code --name=value}
 * options are Spring properties ({@code --spring.kafka.bootstrap-servers=...}).
 */
public record PublishRequest(List<Path> paths, String glob) {

    public static final String COMMAND = "publish";
    public static final String DEFAULT_GLOB = "*";
    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar ingest-service.jar publish [--glob=GLOB] PATH...",
            "  Publishes files, and the files under directories (recursively), to the raw topic.",
            "  Hidden files and directories and spool processed/ and error/ directories are skipped.",
            "  --glob=GLOB  only files in directories whose name matches GLOB (default: all regular files)",
            "  exit code: 0 all published, 1 something rejected or failed, 2 usage error");

    public PublishRequest {
        paths = List.copyOf(paths);
    }

    /** True when the first non-option argument is {@code publish}. */
    public static boolean isPublish(ApplicationArguments arguments) {
        final List<String> words = arguments.getNonOptionArgs();
        return !words.isEmpty() && COMMAND.equals(words.get(0));
    }

    public static boolean isPublish(String... args) {
        return isPublish(new DefaultApplicationArguments(args));
    }

    /** Validates the command line without touching Kafka, so usage errors are fast. */
    public static PublishRequest from(ApplicationArguments arguments) throws UsageException {
        final List<String> words = arguments.getNonOptionArgs();
        if (words.size() < 2) {
            throw new UsageException("publish: no PATH given");
        }
        final List<Path> paths = new ArrayList<>();
        for (final String word : words.subList(1, words.size())) {
            final Path path = Path.of(word);
            if (!Files.exists(path)) {
                throw new UsageException("publish: no such file or directory: " + word);
            }
            paths.add(path);
        }
        final List<String> globs = arguments.containsOption("glob") ? arguments.getOptionValues("glob") : List.of();
        if (globs.size() > 1) {
            throw new UsageException("publish: --glob given more than once");
        }
        final String glob = globs.isEmpty() ? DEFAULT_GLOB : globs.get(0);
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException e) {
            throw new UsageException("publish: invalid --glob " + glob + ": " + e.getMessage());
        }
        return new PublishRequest(paths, glob);
    }

    public static PublishRequest from(String... args) throws UsageException {
        return from(new DefaultApplicationArguments(args));
    }

    PathMatcher matcher() {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }
}
