package io.heatwire.benchmarks.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;

import io.heatwire.support.contract.DefaultTopics;

/**
 * A fresh broker and, once started, enrich-service instances on it with one application id, each
 * with its own state directory and HTTP port. Closing stops the instances, then the broker.
 */
final class Deployment implements AutoCloseable {

    /** enrich-service's defaults (its application.yml), which the benchmark does not change. */
    static final String APPLICATION_ID = "heatwire-enrich";

    static final String STORY_EVENTS_TOPIC = "heatwire-enrich.story-events";

    private final ChildProcesses children;
    private final Path directory;
    private final Broker broker;
    private final Admin admin;
    private final List<EnrichService> instances = new ArrayList<>();

    private Deployment(final ChildProcesses children, final Path directory, final Broker broker) {
        this.children = children;
        this.directory = directory;
        this.broker = broker;
        this.admin = KafkaClients.admin(broker.bootstrapServers());
    }

    static Deployment startBroker(final ChildProcesses children, final Path kafkaJar, final Path directory)
            throws IOException, InterruptedException {
        final Broker broker = Broker.start(
                children,
                kafkaJar,
                directory.resolve("kafka"),
                directory.resolve("logs").resolve("broker.log"));
        return new Deployment(children, directory, broker);
    }

    /**
     * Creates the raw topic with {@code partitions} partitions (enrich-service keeps an existing
     * topic as it is and creates the others with its defaults), then starts the instances and waits
     * until every one is ready.
     *
     * @param ceiling start them without clustering (the ceiling run)
     */
    void startEnrich(final BenchmarkOptions options, final boolean ceiling, final ProgressLine progress)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        KafkaClients.createTopic(admin, DefaultTopics.RAW, options.partitions());
        for (int i = 1; i <= options.instances(); i++) {
            instances.add(EnrichService.start(
                    children,
                    "enrich-" + i,
                    options.enrichJar(),
                    options.enrichJvmOptions(),
                    broker.bootstrapServers(),
                    directory.resolve("enrich-" + i + "-state"),
                    directory.resolve("logs"),
                    ceiling,
                    options.standbyReplicas()));
        }
        progress.update(
                "starting " + instances.size() + " enrich-service instance" + (instances.size() == 1 ? "" : "s"));
        for (final EnrichService instance : instances) {
            instance.awaitReady();
        }
        progress.done();
    }

    PipelineWatch watch() {
        return new PipelineWatch(
                admin,
                APPLICATION_ID,
                DefaultTopics.RAW,
                Set.of(STORY_EVENTS_TOPIC),
                Set.of(
                        DefaultTopics.STORIES,
                        DefaultTopics.CLUSTERS,
                        DefaultTopics.PROVIDERS,
                        DefaultTopics.NEWS_TOPICS,
                        DefaultTopics.DEAD_LETTERS));
    }

    boolean enrichAlive() {
        return instances.stream().allMatch(EnrichService::isAlive);
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    Broker broker() {
        return broker;
    }

    Admin admin() {
        return admin;
    }

    List<EnrichService> instances() {
        return List.copyOf(instances);
    }

    /**
     * Sends {@code signal} to the running instance {@code index} (from 0) and waits until it has
     * exited; it is no longer one of {@link #instances()} until {@link #restart} brings it back.
     */
    EnrichService stop(final int index, final FailOverPlan.Signal signal, final Duration timeout)
            throws IOException, InterruptedException {
        final EnrichService instance = instances.remove(index);
        instance.signal(signal);
        if (!instance.awaitExit(timeout)) {
            throw new IOException(
                    instance.log().getFileName() + " did not exit within " + timeout + " of SIG" + signal);
        }
        return instance;
    }

    /** Starts a stopped instance again on its state directory and port, as instance {@code index}. */
    EnrichService restart(final int index, final EnrichService stopped) throws IOException {
        final EnrichService started = stopped.restart();
        instances.add(index, started);
        return started;
    }

    Path logs() {
        return directory.resolve("logs");
    }

    /**
     * Stops every instance cleanly (side by side) and returns the size of their state directories.
     * Measured after the stop: until a store is flushed on close, much of its state is in RocksDB's
     * memtables rather than on disk.
     */
    long stopEnrichAndMeasureState() {
        stopEnrich();
        return instances.stream()
                .mapToLong(instance -> FileTrees.size(instance.stateDir()))
                .sum();
    }

    private void stopEnrich() {
        instances.forEach(EnrichService::requestStop);
        instances.forEach(EnrichService::stop);
    }

    @Override
    public void close() {
        admin.close();
        stopEnrich();
        broker.stop();
    }
}
