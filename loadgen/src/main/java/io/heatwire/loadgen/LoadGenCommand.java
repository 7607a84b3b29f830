package io.heatwire.loadgen;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import io.heatwire.corpus.CorpusOptions;
import io.heatwire.corpus.CorpusPlan;
import io.heatwire.corpus.DocumentRenderer;
import io.heatwire.corpus.ExpectedStructure;
import io.heatwire.support.cli.BuildVersion;

/**
 * {@code java -jar loadgen.jar --count N --seed S [--id-namespace NS] (--out DIR | --bootstrap-servers
 * HOST:PORT [--topic T]) [--expected FILE.json]}: generates the corpus, writes or publishes it, writes what the pipeline must
 * make of it, and prints a summary. Exit codes: 0 done, 1 documents not stored, 2 usage error.
 */
@Command(
        name = "loadgen",
        mixinStandardHelpOptions = true,
        versionProvider = BuildVersion.class,
        synopsisHeading = "usage: ",
        sortOptions = false,
        showDefaultValues = true,
        customSynopsis = {
            "java -jar loadgen/target/loadgen.jar [--count N] [--seed S] [--id-namespace NS]",
            "    (--out DIR | --bootstrap-servers HOST:PORT [--topic TOPIC]",
            "     [--producer-property KEY=VALUE]...) [--expected FILE.json]"
        },
        description = "Generates synthetic article documents with a known cluster structure and writes them "
                + "to a directory or publishes them to the raw topic.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:documents not stored", "2:usage error"})
public final class LoadGenCommand implements Callable<Integer> {

    /** The parsed command line. */
    record Options(
            int count,
            long seed,
            Path out,
            String bootstrapServers,
            String topic,
            Map<String, String> producerProperties,
            Path expected,
            String idNamespace) {}

    @Option(
            names = "--count",
            paramLabel = "N",
            defaultValue = "100000",
            converter = Number.class,
            description = "documents to generate, 1 to 2,000,000")
    private long count;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            converter = Number.class,
            description = "the same seed gives byte-identical documents")
    private long seed;

    @Option(
            names = "--id-namespace",
            paramLabel = "NS",
            showDefaultValue = Visibility.NEVER,
            description = "put the path segment /NS in front of every story's URL: the same corpus, but no "
                    + "story id or document name in common with one made without it or with another NS "
                    + "(a warm-up corpus); lowercase letters, digits and inner hyphens")
    private String idNamespace;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "write one file per document into DIR (empty or new), for ./run.sh DIR")
    private Path out;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT",
            description = "publish to Kafka instead, one record per document")
    private String bootstrapServers;

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            defaultValue = KafkaSink.DEFAULT_TOPIC,
            description = "the raw topic")
    private String topic;

    @Option(
            names = "--producer-property",
            paramLabel = "KEY=VALUE",
            showDefaultValue = Visibility.NEVER,
            description = "a Kafka producer setting, e.g. compression.type=lz4")
    private Map<String, String> producerProperties = new LinkedHashMap<>();

    @Option(
            names = "--expected",
            paramLabel = "FILE.json",
            description = "write the expected stories and clusters (not inside DIR)")
    private Path expected;

    @Spec
    private CommandSpec spec;

    private final PrintStream stdout;
    private final PrintStream stderr;

    private LoadGenCommand(final PrintStream stdout, final PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static void main(final String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(final String[] args, final PrintStream out, final PrintStream err) {
        final CommandLine commandLine = new CommandLine(new LoadGenCommand(out, err));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** Parses a command line as {@link #run} does, without running it. */
    static Options parse(final String... args) {
        final LoadGenCommand command = new LoadGenCommand(System.out, System.err);
        new CommandLine(command).parseArgs(args);
        return command.options();
    }

    @Override
    public Integer call() {
        final Options options = options();
        try {
            return generate(options, stdout, stderr);
        } catch (IOException e) {
            stderr.println("loadgen: " + e.getMessage());
            return 1;
        }
    }

    /** The checks that span options; a failure is a usage error (exit code 2). */
    Options options() {
        if (count < 1 || count > CorpusPlan.MAX_COUNT) {
            throw usage("--count must be between 1 and " + CorpusPlan.MAX_COUNT + ": " + count);
        }
        if ((out == null) == (bootstrapServers == null)) {
            throw usage("give exactly one of --out DIR and --bootstrap-servers HOST:PORT");
        }
        if (out != null
                && expected != null
                && expected.toAbsolutePath()
                        .normalize()
                        .startsWith(out.toAbsolutePath().normalize())) {
            throw usage("--expected must not be inside --out: it would be published as a document");
        }
        final String namespace = idNamespace == null ? "" : idNamespace;
        try {
            CorpusOptions.defaults().withIdNamespace(namespace);
        } catch (IllegalArgumentException e) {
            throw usage("--id-namespace: " + e.getMessage());
        }
        return new Options((int) count, seed, out, bootstrapServers, topic, producerProperties, expected, namespace);
    }

    private ParameterException usage(final String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** A whole number; underscores may group its digits ({@code 100_000}). */
    static final class Number implements ITypeConverter<Long> {

        @Override
        public Long convert(final String value) {
            try {
                return Long.parseLong(value.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number");
            }
        }
    }

    private static int generate(final Options options, final PrintStream out, final PrintStream err)
            throws IOException {
        final long planning = System.nanoTime();
        final CorpusPlan plan = CorpusPlan.create(
                options.count(), options.seed(), CorpusOptions.defaults().withIdNamespace(options.idNamespace()));
        final DocumentRenderer renderer = new DocumentRenderer(plan);
        final ExpectedStructure expected = ExpectedStructure.of(plan, renderer);
        err.printf(
                Locale.ROOT,
                "planned %,d documents, %,d stories, %,d clusters in %.1f s%n",
                plan.count(),
                expected.stories(),
                expected.clusterCount(),
                (System.nanoTime() - planning) / 1e9);

        final LoadGenerator.Result result;
        final String destination;
        String failure = null;
        try (DocumentSink sink = options.out() != null
                ? DirectorySink.open(options.out())
                : KafkaSink.open(options.bootstrapServers(), options.topic(), options.producerProperties())) {
            final Progress progress = new Progress(err, options.out() != null ? "written" : "sent", plan.count());
            result = LoadGenerator.run(plan, renderer, sink, progress);
            destination = sink.describe();
            if (sink instanceof KafkaSink kafka && kafka.firstFailure() != null) {
                failure = kafka.firstFailure().toString();
            }
        }
        if (options.expected() != null) {
            ExpectedJson.write(options.expected(), ExpectedJson.toJson(plan, result.sizes(), expected));
        }
        Summary.print(out, plan, result, expected, destination, options.expected());
        if (result.failed() > 0) {
            err.printf(
                    Locale.ROOT,
                    "loadgen: %,d documents were not acknowledged; the first failure: %s%n",
                    result.failed(),
                    failure);
            return 1;
        }
        return 0;
    }
}
