package io.heatwire.benchmarks.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.heatwire.support.process.ChildProcess;

/**
 * A fresh single-node KRaft broker: local-kafka's executable jar as a child process, as
 * {@code ./run.sh} starts it, on free ports, with its data in the run's directory.
 */
final class Broker {

    private static final String READY_LINE = "Kafka broker ready on ";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final ChildProcess process;
    private final String bootstrapServers;

    private Broker(final ChildProcess process, final String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    static Broker start(final ChildProcesses children, final Path jar, final Path dataDir, final Path log)
            throws IOException, InterruptedException {
        final int port = ChildProcesses.freePort();
        int controllerPort = ChildProcesses.freePort();
        while (controllerPort == port) {
            controllerPort = ChildProcesses.freePort();
        }
        final ChildProcess child = children.start(
                "broker",
                ChildProcesses.javaJar(
                        List.of("-Xms256m", "-Xmx1g"),
                        jar,
                        List.of(
                                "--port",
                                Integer.toString(port),
                                "--controller-port",
                                Integer.toString(controllerPort),
                                "--data-dir",
                                dataDir.toString())),
                log);
        final long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.exists(log)
                || !Files.readString(log, StandardCharsets.UTF_8).contains(READY_LINE)) {
            if (!child.isAlive()) {
                throw new IOException("the broker exited during start-up; see " + log);
            }
            if (System.nanoTime() > deadline) {
                child.stop(ChildProcesses.STOP_GRACE);
                throw new IOException("the broker did not become ready within " + START_TIMEOUT + "; see " + log);
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return new Broker(child, "127.0.0.1:" + port);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    long pid() {
        return process.pid();
    }

    void stop() {
        process.stop(ChildProcesses.STOP_GRACE);
    }
}
