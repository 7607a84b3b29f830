package io.heatwire.ingest.publish;

import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import io.heatwire.support.cli.BuildVersion;

/**
 * The {@code publish} command line: {@code publish [--glob GLOB] PATH...}, parsed by picocli. Other
 * {@code --name=value} arguments are Spring properties ({@code --spring.kafka.bootstrap-servers=...}),
 * which Spring reads from the same command line.
 */
public record PublishRequest(List<Path> paths, String glob) {

    public static final String COMMAND = "publish";
    public static final String DEFAULT_GLOB = "*";

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

    /**
     * Runs the command line: help and version go to {@code out}, a bad command line to {@code err}
     * with exit code 2, both without touching Kafka; a valid request goes to {@code publish}, whose
     * result is the exit code.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, ToIntFunction<PublishRequest> publish) {
        final CommandLine commandLine = commandLine(new Arguments(publish));
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(withoutCommand(args));
    }

    /**
     * Validates the command line without touching Kafka, so usage errors are fast.
     *
     * @throws ParameterException when it cannot be run as given (exit code 2)
     */
    public static PublishRequest from(String... args) {
        final Arguments arguments = new Arguments(request -> PublishSummary.EXIT_OK);
        commandLine(arguments).parseArgs(withoutCommand(args));
        return arguments.request();
    }

    public static PublishRequest from(ApplicationArguments arguments) {
        return from(arguments.getSourceArgs());
    }

    PathMatcher matcher() {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }

    private static CommandLine commandLine(Arguments arguments) {
        final CommandLine commandLine = new CommandLine(arguments);
        // Spring's --name=value properties are collected, then checked, rather than refused.
        commandLine.setUnmatchedArgumentsAllowed(true);
        return commandLine;
    }

    /** The arguments without the first non-option word, {@code publish}. */
    private static String[] withoutCommand(String[] args) {
        final List<String> rest = new ArrayList<>(List.of(args));
        for (int i = 0; i < rest.size(); i++) {
            if (!rest.get(i).startsWith("--")) {
                if (rest.get(i).equals(COMMAND)) {
                    rest.remove(i);
                }
                break;
            }
        }
        return rest.toArray(String[]::new);
    }

    @Command(
            name = "java -jar ingest-service.jar publish",
            mixinStandardHelpOptions = true,
            versionProvider = BuildVersion.class,
            synopsisHeading = "usage: ",
            showDefaultValues = true,
            description = {
                "Publishes files, and the files under directories (recursively), to the raw topic.",
                "Hidden files and directories and spool processed/ and error/ directories are skipped."
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:all published", "1:something rejected or failed", "2:usage error"},
            footer = {
                "%nThe service's settings are given as --PROPERTY=VALUE, e.g.",
                "  --spring.kafka.bootstrap-servers=HOST:PORT --heatwire.topics.raw=NAME",
                "or as environment variables (SPRING_KAFKA_BOOTSTRAP_SERVERS, ...)."
            })
    static final class Arguments implements Callable<Integer> {

        @Option(
                names = "--glob",
                paramLabel = "GLOB",
                defaultValue = DEFAULT_GLOB,
                description = "only the files in directories whose name matches GLOB; * takes every regular file")
        private String glob;

        @Parameters(paramLabel = "PATH", arity = "1..*", description = "a file, or a directory to publish recursively")
        private List<Path> paths;

        @Unmatched
        private List<String> springProperties = new ArrayList<>();

        @Spec
        private CommandSpec spec;

        private final ToIntFunction<PublishRequest> publish;

        Arguments(ToIntFunction<PublishRequest> publish) {
            this.publish = publish;
        }

        @Override
        public Integer call() {
            return publish.applyAsInt(request());
        }

        PublishRequest request() {
            for (final String property : springProperties) {
                if (!isSpringProperty(property)) {
                    throw new ParameterException(
                            spec.commandLine(),
                            "Unknown option: '" + property
                                    + "' (the service's settings are given as --PROPERTY=VALUE, "
                                    + "e.g. --spring.kafka.bootstrap-servers=HOST:PORT)");
                }
            }
            for (final Path path : paths) {
                if (!Files.exists(path)) {
                    throw new ParameterException(spec.commandLine(), "publish: no such file or directory: " + path);
                }
            }
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(
                        spec.commandLine(), "publish: invalid --glob " + glob + ": " + e.getMessage(), e);
            }
            return new PublishRequest(paths, glob);
        }

        /** {@code --name.of.a.property=value}: a name with a dot, so a mistyped option is not taken for one. */
        private static boolean isSpringProperty(String argument) {
            final int equals = argument.indexOf('=');
            return argument.startsWith("--")
                    && equals > 2
                    && argument.substring(2, equals).contains(".");
        }
    }
}
