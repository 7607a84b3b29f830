package io.heatwire.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import io.heatwire.support.process.ChildProcess;

/**
 * One enrich-service deployment on a shared broker, run from the packaged jar: its own application
 * id, topics and state directory, so several can run side by side. Each start writes its own log.
 */
final class EnrichPipeline implements AutoCloseable {

    /** The topics enrich-service is configured with, by their {@code heatwire.topics.*} property name. */
    static final List<String> TOPICS =
            List.of("raw", "dlq", "stories", "clusters", "providers", "topics", "story-events");

    /** What the application has committed on some of its input topics, and what is left after that. */
    record Progress(long committed, long lag) {}

    private final String name;
    private final Path jar;
    private final String bootstrapServers;
    private final Path stateDir;
    private final Path logs;
    private final Path work;
    private final List<String> extraArguments;
    private final List<ChildProcess> processes = new ArrayList<>();
    private ChildProcess process;
    private int starts;
    private int port;
    private int summaries;

    EnrichPipeline(String name, Path jar, String bootstrapServers, Path work, List<String> extraArguments) {
        this.name = name;
        this.jar = jar;
        this.bootstrapServers = bootstrapServers;
        this.stateDir = work.resolve(name + "-state");
        this.logs = work.resolve("logs");
        this.work = work;
        this.extraArguments = List.copyOf(extraArguments);
    }

    String applicationId() {
        return "heatwire-" + name;
    }

    /** The topic this pipeline uses for {@code heatwire.topics.<kind>}. */
    String topic(String kind) {
        return name + "." + kind;
    }

    /**
     * Starts enrich-service on this pipeline's state directory (the same one on every start), on an
     * HTTP port that was free a moment ago ({@link #port()}).
     */
    void start() throws IOException {
        port = ServiceHttp.freePort();
        launch(name, stateDir, port);
    }

    /** The process of the latest start. */
    ChildProcess process() {
        return process;
    }

    /** The HTTP port of the latest {@link #start()}. */
    int port() {
        return port;
    }

    /**
     * Starts one more instance of the application beside those running: the same application id
     * and topics, its own state directory and HTTP port ({@code 0}: any free one).
     */
    ChildProcess startInstance(String instance, int port) throws IOException {
        return launch(name + "-" + instance, work.resolve(name + "-" + instance + "-state"), port);
    }

    private ChildProcess launch(String label, Path state, int port) throws IOException {
        final List<String> arguments = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--server.port=" + port,
                "--spring.kafka.streams.application-id=" + applicationId(),
                "--spring.kafka.streams.state-dir=" + state));
        TOPICS.forEach(kind -> arguments.add("--heatwire.topics." + kind + "=" + topic(kind)));
        arguments.addAll(extraArguments);
        starts++;
        process = ChildProcess.start(
                label + "-" + starts,
                ChildProcess.javaJar(jar, "768m", arguments.toArray(String[]::new)),
                logs.resolve(label + "-" + starts + ".log"));
        processes.add(process);
        return process;
    }

    /** A crash of the latest start. */
    void kill() {
        process.kill();
    }

    @Override
    public void close() {
        stop();
    }

    /** A clean stop of every instance still running; does nothing when none is. */
    void stop() {
        for (ChildProcess started : processes) {
            if (started.isAlive()) {
                started.stop();
            }
        }
    }

    /** Whether any instance is running. */
    boolean isAlive() {
        return processes.stream().anyMatch(ChildProcess::isAlive);
    }

    /** The log of the latest start. */
    Path log() {
        return process == null ? logs.resolve(name + "-1.log") : process.log();
    }

    /**
     * Runs enrich-service's {@code summary} command, which returns once the application has
     * consumed everything on its input topics and its outputs stand still; fails after the timeout.
     */
    void awaitCaughtUp(Duration timeout) throws IOException, InterruptedException {
        final List<String> arguments = new ArrayList<>(List.of(
                "summary",
                "--bootstrap-servers",
                bootstrapServers,
                "--application-id",
                applicationId(),
                "--wait-seconds",
                Long.toString(timeout.toSeconds())));
        for (String kind : TOPICS) {
            arguments.add("--" + kind + "-topic");
            arguments.add(topic(kind));
        }
        // The summary's clients take the service's spring.kafka.* settings (security, say) as they are.
        extraArguments.stream()
                .filter(argument -> argument.startsWith("--spring.kafka."))
                .forEach(arguments::add);
        summaries++;
        final Path log = logs.resolve(name + "-summary-" + summaries + ".log");
        final int exit = ChildProcess.run(
                "summary",
                ChildProcess.javaJar(jar, "256m", arguments.toArray(String[]::new)),
                log,
                timeout.plusSeconds(60));
        if (exit != 0) {
            throw new AssertionError(name + " did not catch up within " + timeout + " (summary exit " + exit + "); see "
                    + log + " and " + log());
        }
    }

    /**
     * Waits until the application has committed {@code target} offsets on the given topics, summed;
     * fails when no instance is running any more or after the timeout.
     */
    void awaitCommitted(Admin admin, Set<String> kinds, long target, Duration timeout) {
        await(this + " committing " + target + " offsets on " + kinds)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(50))
                .failFast(this + " exited", () -> !isAlive())
                .ignoreExceptions()
                .until(() -> progress(admin, kinds).committed() >= target);
    }

    /** How many members the application's consumer group has (one per running instance, once joined). */
    int members(Admin admin) throws ExecutionException, InterruptedException {
        return admin.describeConsumerGroups(List.of(applicationId()))
                .describedGroups()
                .get(applicationId())
                .get()
                .members()
                .size();
    }

    /**
     * The offsets the application has committed on the given topics, summed, and the records on
     * them it has not consumed yet.
     */
    Progress progress(Admin admin, Set<String> kinds) throws ExecutionException, InterruptedException {
        final Set<String> topics = kinds.stream().map(this::topic).collect(Collectors.toSet());
        final Map<TopicPartition, OffsetSpec> ends =
                admin.describeTopics(topics).allTopicNames().get().values().stream()
                        .flatMap(topic ->
                                topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                        .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        final Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId())
                .partitionsToOffsetAndMetadata()
                .get();
        long sum = 0;
        long lag = 0;
        final Map<TopicPartition, ListOffsetsResultInfo> endOffsets = admin.listOffsets(
                        ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get();
        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : endOffsets.entrySet()) {
            final OffsetAndMetadata offset = committed.get(end.getKey());
            final long position = offset == null ? 0 : offset.offset();
            sum += position;
            lag += Math.max(0, end.getValue().offset() - position);
        }
        return new Progress(sum, lag);
    }

    @Override
    public String toString() {
        return name + " (application id " + applicationId() + ", log " + log() + ")";
    }
}
