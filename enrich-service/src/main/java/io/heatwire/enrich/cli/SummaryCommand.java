package io.heatwire.enrich.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.heatwire.support.cli.BuildVersion;
import io.heatwire.support.contract.DefaultTopics;

/**
 * {@code enrich-service summary}: waits until enrich-service has processed everything on its input
 * topics, then prints what the pipeline's topics hold. Runs without Spring, as a plain Kafka
 * client, so it starts in a second.
 *
 * <p>Exit codes: 0 after the summary, 1 when the pipeline did not catch up in time or the broker
 * cannot be reached, 2 for bad arguments.
 */
@Command(
        name = "java -jar enrich-service.jar summary",
        mixinStandardHelpOptions = true,
        versionProvider = BuildVersion.class,
        synopsisHeading = "usage: ",
        sortOptions = false,
        showDefaultValues = true,
        description = "Waits until enrich-service has processed everything on its input topics, then prints "
                + "what the pipeline's topics hold. Topic names and the application id default to the "
                + "service's environment variables.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the summary was printed",
            "1:the pipeline did not catch up in time, or the broker cannot be reached",
            "2:bad arguments"
        },
        footer = Commands.SPRING_FOOTER)
public final class SummaryCommand implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT",
            description = {
                "the Kafka cluster",
                "default: the service's spring.kafka.bootstrap-servers, else localhost:9092"
            })
    private String bootstrapServers;

    @Option(
            names = "--application-id",
            paramLabel = "ID",
            defaultValue = "${env:SPRING_KAFKA_STREAMS_APPLICATION_ID:-heatwire-enrich}",
            description = "enrich-service's Kafka Streams application id (SPRING_KAFKA_STREAMS_APPLICATION_ID)")
    private String applicationId;

    @Option(
            names = "--wait-seconds",
            paramLabel = "N",
            defaultValue = "120",
            description = "how long to wait for enrich-service to catch up; 0 prints at once")
    private long waitSeconds;

    @Option(
            names = "--raw-topic",
            paramLabel = "NAME",
            defaultValue = "${env:HEATWIRE_TOPICS_RAW:-" + DefaultTopics.RAW + "}",
            description = "the raw topic (HEATWIRE_TOPICS_RAW)")
    private String rawTopic;

    @Option(
            names = "--dlq-topic",
            paramLabel = "NAME",
            defaultValue = "${env:HEATWIRE_TOPICS_DLQ:-" + DefaultTopics.DEAD_LETTERS + "}",
            description = "the dead-letter topic (HEATWIRE_TOPICS_DLQ)")
    private String dlqTopic;

    @Option(
            names = "--stories-topic",
            paramLabel = "NAME",
            defaultValue = "${env:HEATWIRE_TOPICS_STORIES:-" + DefaultTopics.STORIES + "}",
            description = "the stories topic (HEATWIRE_TOPICS_STORIES)")
    private String storiesTopic;

    @Option(
            names = "--clusters-topic",
            paramLabel = "NAME",
            defaultValue = "${env:HEATWIRE_TOPICS_CLUSTERS:-" + DefaultTopics.CLUSTERS + "}",
            description = "the clusters topic (HEATWIRE_TOPICS_CLUSTERS)")
    private String clustersTopic;

    @Option(
            names = "--story-events-topic",
            paramLabel = "NAME",
            defaultValue = "${env:HEATWIRE_TOPICS_STORY_EVENTS:-heatwire-enrich.story-events}",
            description = "the internal topic of the story nodes (HEATWIRE_TOPICS_STORY_EVENTS)")
    private String storyEventsTopic;

    @Option(
            names = "--providers-topic",
            paramLabel = "NAME",
            defaultValue = "${env:HEATWIRE_TOPICS_PROVIDERS:-" + DefaultTopics.PROVIDERS + "}",
            description = "the providers topic (HEATWIRE_TOPICS_PROVIDERS)")
    private String providersTopic;

    @Option(
            names = "--topics-topic",
            paramLabel = "NAME",
            defaultValue = "${env:HEATWIRE_TOPICS_TOPICS:-" + DefaultTopics.NEWS_TOPICS + "}",
            description = "the topic statistics topic (HEATWIRE_TOPICS_TOPICS)")
    private String topicsTopic;

    @Spec
    private CommandSpec spec;

    private final List<String> springArguments;
    private final PrintStream out;
    private final PrintStream err;

    private SummaryCommand(List<String> springArguments, PrintStream out, PrintStream err) {
        this.springArguments = springArguments;
        this.out = out;
        this.err = err;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        final KafkaClientSettings.Arguments arguments = KafkaClientSettings.Arguments.split(args);
        return Commands.execute(new SummaryCommand(arguments.spring(), out, err), arguments.own(), out, err);
    }

    @Override
    public Integer call() {
        final Options options = options();
        final KafkaClientSettings kafka;
        try {
            kafka = KafkaClientSettings.load(options.springArguments(), options.bootstrapServers());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        try (Admin admin = Admin.create(kafka.admin(Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000)))) {
            final PipelineProgress progress = new PipelineProgress(
                    admin,
                    options.applicationId(),
                    options.rawTopic(),
                    Set.of(options.storyEventsTopic()),
                    Set.of(
                            options.storiesTopic(),
                            options.clustersTopic(),
                            options.providersTopic(),
                            options.topicsTopic()));
            if (!options.waitFor().isZero() && !progress.awaitCaughtUp(options.waitFor(), err)) {
                err.printf(
                        "enrich-service (application id %s) has not processed everything within %ds: "
                                + "see its log, or run the summary again with a longer --wait-seconds%n",
                        options.applicationId(), options.waitFor().toSeconds());
                return EXIT_FAILED;
            }
            final String bootstrap = kafka.bootstrapServers();
            final TopicStats raw = TopicStats.read(kafka, options.rawTopic());
            final Map<String, Long> deadLetters = DeadLetterStats.byCode(kafka, options.dlqTopic());
            // Only the kind of each story is kept: the stories topic is the largest one.
            final Map<String, String> stories = CompactedView.read(
                    kafka,
                    options.storiesTopic(),
                    story -> story.path("kind").asString("?").intern());
            final Map<String, Long> storiesByKind = new TreeMap<>();
            stories.values().forEach(kind -> storiesByKind.merge(kind, 1L, Long::sum));

            out.println();
            out.printf("heatwire pipeline summary (broker %s)%n", bootstrap);
            out.printf(
                    ROW + " %10s  %d partitions%n",
                    "raw articles",
                    options.rawTopic(),
                    Long.toString(raw.records()),
                    "records",
                    formatBytes(raw.bytes()),
                    raw.partitions());
            out.printf(
                    ROW + "%n",
                    "dead letters",
                    options.dlqTopic(),
                    Long.toString(deadLetters.values().stream()
                            .mapToLong(Long::longValue)
                            .sum()),
                    "records");
            deadLetters.forEach((code, count) -> out.printf("      %-20s %6d%n", code, count));
            out.printf(
                    ROW + " %s%n",
                    "stories",
                    options.storiesTopic(),
                    Integer.toString(stories.size()),
                    "live",
                    storiesByKind.isEmpty()
                            ? ""
                            : storiesByKind
                                    .toString()
                                    .replace('=', ' ')
                                    .replace("{", "(")
                                    .replace("}", ")"));
            final Map<String, JsonNode> clusters = CompactedView.read(kafka, options.clustersTopic(), cluster -> {
                // The member lists are most of a cluster record and the summary does not print them.
                if (cluster instanceof ObjectNode object) {
                    object.remove("members");
                }
                return cluster;
            });
            out.printf(ROW + "%n", "clusters", options.clustersTopic(), Integer.toString(clusters.size()), "live");
            printClusters(out, clusters);
            out.println("    hottest clusters (by heatScore; heat at the time each record was written)");
            printHottest(out, clusters);
            final Map<String, JsonNode> providers = CompactedView.read(kafka, options.providersTopic());
            out.printf(ROW + "%n", "providers", options.providersTopic(), Integer.toString(providers.size()), "live");
            out.println("    by mean quality (stories with a known quality)");
            printProviders(out, providers);
            final Map<String, JsonNode> topics = CompactedView.read(kafka, options.topicsTopic());
            out.printf(
                    ROW + " %s%n",
                    "topics",
                    options.topicsTopic(),
                    Integer.toString(topics.size()),
                    "live",
                    String.join(
                            ", ", topics.keySet().stream().sorted().limit(10).toList()));
            out.printf(
                    ROW + "%n",
                    "enrich-service lag",
                    options.applicationId(),
                    Long.toString(progress.lag()),
                    "records behind");
            return EXIT_OK;
        } catch (Exception e) {
            final Throwable cause = e.getCause() == null ? e : e.getCause();
            err.println("summary failed: " + e.getMessage() + (cause == e ? "" : " (" + cause.getMessage() + ")"));
            return EXIT_FAILED;
        }
    }

    private static final int CLUSTERS_LISTED = 20;

    /** The largest clusters: size, id, headline and their main providers. */
    static void printClusters(PrintStream out, Map<String, JsonNode> clusters) {
        clusters.values().stream()
                .sorted(java.util.Comparator.comparingLong(
                                (JsonNode c) -> -c.path("size").asLong())
                        .thenComparing(c -> c.path("id").asString("")))
                .limit(CLUSTERS_LISTED)
                .forEach(cluster -> {
                    final List<String> providers = new ArrayList<>();
                    cluster.path("providers")
                            .path("top")
                            .forEach(p -> providers.add(p.path("key").asString("?")));
                    out.printf(
                            "      %5d  %s  %s%n",
                            cluster.path("size").asLong(),
                            cluster.path("id").asString("").substring(0, 8),
                            truncate(cluster.path("headline").path("title").asString("(no article yet)"), 70));
                    out.printf(
                            "                       %d providers: %s%n",
                            cluster.path("providers").path("distinct").asLong(),
                            String.join(", ", providers.subList(0, Math.min(5, providers.size()))));
                });
        if (clusters.size() > CLUSTERS_LISTED) {
            out.printf("      … and %d smaller clusters%n", clusters.size() - CLUSTERS_LISTED);
        }
    }

    static void printHottest(PrintStream out, Map<String, JsonNode> clusters) {
        clusters.values().stream()
                .filter(c -> c.path("heatScore").isNumber())
                .sorted(java.util.Comparator.comparingDouble(
                        (JsonNode c) -> -c.path("heatScore").asDouble()))
                .limit(5)
                .forEach(c -> out.printf(
                        Locale.ROOT,
                        "      heatScore %10.2f  heat %-10.3g %s  %s%n",
                        c.path("heatScore").asDouble(),
                        c.path("heat").asDouble(),
                        c.path("id").asString("").substring(0, 8),
                        truncate(c.path("headline").path("title").asString("(no article yet)"), 60)));
    }

    static void printProviders(PrintStream out, Map<String, JsonNode> providers) {
        providers.values().stream()
                .filter(p -> p.path("quality").path("mean").isNumber())
                .sorted(java.util.Comparator.comparingDouble(
                                (JsonNode p) -> -p.path("quality").path("mean").asDouble())
                        .thenComparing(p -> p.path("key").asString("")))
                .limit(10)
                .forEach(p -> out.printf(
                        Locale.ROOT,
                        "      %-28s mean %5.1f  min %3d  max %3d  (%d of %d stories)%n",
                        truncate(p.path("key").asString(""), 28),
                        p.path("quality").path("mean").asDouble(),
                        p.path("quality").path("min").asInt(),
                        p.path("quality").path("max").asInt(),
                        p.path("quality").path("count").asLong(),
                        p.path("stories").asLong()));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static String formatBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static final String ROW = "  %-20s %-28s %8s %-8s";

    /** The command line, checked; a bad value is a usage error. */
    Options options() {
        if (waitSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--wait-seconds must not be negative: " + waitSeconds);
        }
        return new Options(
                bootstrapServers,
                applicationId,
                Duration.ofSeconds(waitSeconds),
                rawTopic,
                dlqTopic,
                storiesTopic,
                clustersTopic,
                storyEventsTopic,
                providersTopic,
                topicsTopic,
                springArguments);
    }

    /**
     * @param bootstrapServers {@code --bootstrap-servers}, null when not given (then
     *     {@code spring.kafka.bootstrap-servers} applies)
     * @param springArguments {@code --spring.kafka.*=value} client settings, as the service takes them
     */
    record Options(
            String bootstrapServers,
            String applicationId,
            Duration waitFor,
            String rawTopic,
            String dlqTopic,
            String storiesTopic,
            String clustersTopic,
            String storyEventsTopic,
            String providersTopic,
            String topicsTopic,
            List<String> springArguments) {

        /** Parses a command line as {@link SummaryCommand#run} does, without running it. */
        static Options parse(String... args) {
            final KafkaClientSettings.Arguments arguments = KafkaClientSettings.Arguments.split(args);
            final SummaryCommand command = new SummaryCommand(arguments.spring(), System.out, System.err);
            new CommandLine(command).parseArgs(arguments.own().toArray(String[]::new));
            return command.options();
        }
    }
}
