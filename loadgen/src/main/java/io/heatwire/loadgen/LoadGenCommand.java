package io.heatwire.loadgen;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code java -jar loadgen.jar --count N --seed S (--out DIR | --bootstrap-servers HOST:PORT [--topic T])
 * [--expected FILE.json]}: generates the corpus, writes or publishes it, writes what the pipeline must
 * make of it, and prints a summary. Exit codes: 0 done, 1 documents not stored, 2 usage error.
 */
public final class LoadGenCommand {

    static final String USAGE = """
            usage: java -jar loadgen/target/loadgen.jar [--count N] [--seed S]
                       (--out DIR | --bootstrap-servers HOST:PORT [--topic TOPIC] [--producer-property KEY=VALUE]...)
                       [--expected FILE.json]

              --count N              documents to generate, 1 to 2,000,000 (default 100000)
              --seed S               the same seed gives byte-identical documents (default 1)
              --out DIR              write one file per document into DIR (empty or new), for ./run.sh DIR
              --bootstrap-servers    publish to Kafka instead, one record per document
              --topic TOPIC          the raw topic (default heatwire.articles.raw)
              --producer-property    a Kafka producer setting, e.g. compression.type=lz4
              --expected FILE.json   write the expected stories and clusters (not inside DIR)
            """;

    /** The parsed command line. */
    record Options(int count, long seed, Path out, String bootstrapServers, String topic,
            Map<String, String> producerProperties, Path expected) {
    }

    /** A command line that cannot be run. */
    static final class UsageException extends Exception {

        private static final long serialVersionUID = 1L;

        UsageException(final String message) {
            super(message);
        }
    }

    private LoadGenCommand() {
    }

    public static void main(final String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(final String[] args, final PrintStream out, final PrintStream err) {
        final Options options;
        try {
            if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
                out.print(USAGE);
                return 0;
            }
            options = parse(args);
        } catch (UsageException e) {
            err.println("loadgen: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            return generate(options, out, err);
        } catch (IOException e) {
            err.println("loadgen: " + e.getMessage());
            return 1;
        }
    }

    static Options parse(final String[] args) throws UsageException {
        int count = 100_000;
        long seed = 1;
        Path out = null;
        String bootstrapServers = null;
        String topic = KafkaSink.DEFAULT_TOPIC;
        Path expected = null;
        final Map<String, String> producerProperties = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value = null;
            final int equals = name.indexOf('=');
            if (name.startsWith("--") && equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (!List.of("--count", "--seed", "--out", "--bootstrap-servers", "--topic", "--expected",
                    "--producer-property").contains(name)) {
                throw new UsageException("unknown argument " + args[i]);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--count" -> count = (int) number(name, value, 1, CorpusPlan.MAX_COUNT);
                case "--seed" -> seed = number(name, value, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--out" -> out = Path.of(value);
                case "--bootstrap-servers" -> bootstrapServers = value;
                case "--topic" -> topic = value;
                case "--expected" -> expected = Path.of(value);
                default -> {
                    final int separator = value.indexOf('=');
                    if (separator <= 0) {
                        throw new UsageException("--producer-property needs KEY=VALUE: " + value);
                    }
                    producerProperties.put(value.substring(0, separator), value.substring(separator + 1));
                }
            }
        }
        if ((out == null) == (bootstrapServers == null)) {
            throw new UsageException("give exactly one of --out DIR and --bootstrap-servers HOST:PORT");
        }
        if (out != null && expected != null
                && expected.toAbsolutePath().normalize().startsWith(out.toAbsolutePath().normalize())) {
            throw new UsageException("--expected must not be inside --out: it would be published as a document");
        }
        return new Options(count, seed, out, bootstrapServers, topic, producerProperties, expected);
    }

    private static long number(final String name, final String value, final long min, final long max)
            throws UsageException {
        try {
            final long number = Long.parseLong(value.replace("_", ""));
            if (number < min || number > max) {
                throw new UsageException(name + " must be between " + min + " and " + max + ": " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a number: " + value);
        }
    }

    private static int generate(final Options options, final PrintStream out, final PrintStream err)
            throws IOException {
        final long planning = System.nanoTime();
        final CorpusPlan plan = CorpusPlan.create(options.count(), options.seed());
        final DocumentRenderer renderer = new DocumentRenderer(plan);
        final ExpectedStructure expected = ExpectedStructure.of(plan, renderer);
        err.printf(Locale.ROOT, "planned %,d documents, %,d stories, %,d clusters in %.1f s%n", plan.count(),
                expected.stories(), expected.clusterCount(), (System.nanoTime() - planning) / 1e9);

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
            err.printf(Locale.ROOT, "loadgen: %,d documents were not acknowledged; the first failure: %s%n",
                    result.failed(), failure);
            return 1;
        }
        return 0;
    }
}
