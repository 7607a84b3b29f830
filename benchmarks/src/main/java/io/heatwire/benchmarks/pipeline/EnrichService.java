package io.heatwire.benchmarks.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.heatwire.support.process.ChildProcess;

/**
 * One enrich-service instance as production runs it: the packaged jar in its own JVM with its
 * default settings (exactly-once, application id {@code heatwire-enrich}, default topics); only the
 * broker, the HTTP port and the state directory are given (and, for the ceiling, clustering off;
 * with several instances, one standby replica unless {@code --standby} says otherwise). Its GC log goes to a file, so the heap
 * left after each collection can be read.
 */
final class EnrichService {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildProcess process;
    private final int port;
    private final Path stateDir;
    private final Path gcLog;
    private final Launch launch;
    private final int start;

    /** How an instance was started, to start it again the same way. */
    private record Launch(
            ChildProcesses children, String name, Path jar, List<String> jvmOptions, List<String> args, Path logs) {}

    private EnrichService(
            final ChildProcess process,
            final int port,
            final Path stateDir,
            final Path gcLog,
            final Launch launch,
            final int start) {
        this.process = process;
        this.port = port;
        this.stateDir = stateDir;
        this.gcLog = gcLog;
        this.launch = launch;
        this.start = start;
    }

    /** Starts an instance; {@link #awaitReady()} waits until its Streams client runs. */
    static EnrichService start(
            final ChildProcesses children,
            final String name,
            final Path jar,
            final List<String> jvmOptions,
            final String bootstrapServers,
            final Path stateDir,
            final Path logs,
            final boolean ceiling,
            final int standbyReplicas)
            throws IOException {
        final List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.streams.state-dir=" + stateDir.toAbsolutePath()));
        if (ceiling) {
            args.add("--heatwire.clusters.enabled=false");
        }
        if (standbyReplicas > 0) {
            // As several instances should run (README, "Fail-over"): a task that moves finds a warm copy.
            args.add("--spring.kafka.streams.properties.num.standby.replicas=" + standbyReplicas);
        }
        return launch(new Launch(children, name, jar, jvmOptions, args, logs), ChildProcesses.freePort(), stateDir, 1);
    }

    /**
     * Starts this instance again as it was started: the same state directory and HTTP port, so it
     * is the same instance to its consumer group; its log and GC log are new files.
     */
    EnrichService restart() throws IOException {
        return launch(launch, port, stateDir, start + 1);
    }

    private static EnrichService launch(final Launch launch, final int port, final Path stateDir, final int start)
            throws IOException {
        final String name = start == 1 ? launch.name() : launch.name() + "-start-" + start;
        final Path gcLog = launch.logs().resolve(name + "-gc.log");
        Files.createDirectories(launch.logs());
        final List<String> jvm = new ArrayList<>(launch.jvmOptions());
        // Quoted: the path may hold spaces or colons, which -Xlog would otherwise split on.
        jvm.add("-Xlog:gc:file=\"" + gcLog.toAbsolutePath() + "\"");
        final List<String> args = new ArrayList<>(launch.args());
        args.add("--server.port=" + port);
        final ChildProcess child = launch.children()
                .start(
                        name,
                        ChildProcesses.javaJar(jvm, launch.jar(), args),
                        launch.logs().resolve(name + ".log"));
        return new EnrichService(child, port, stateDir, gcLog, launch, start);
    }

    void awaitReady() throws IOException, InterruptedException {
        final long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!ready()) {
            if (!process.isAlive()) {
                throw new IOException(process.name() + " exited during start-up; see " + process.log());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(
                        process.name() + " did not become ready within " + START_TIMEOUT + "; see " + process.log());
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    /** The Prometheus scrape, or null when the instance does not answer. */
    String prometheus() {
        try {
            final HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    String gcLog() throws IOException {
        return Files.exists(gcLog) ? Files.readString(gcLog, StandardCharsets.UTF_8) : "";
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path stateDir() {
        return stateDir;
    }

    /** SIGTERM without waiting: several instances then stop side by side. */
    void requestStop() {
        process.signalTerm();
    }

    void stop() {
        process.stop(ChildProcesses.STOP_GRACE);
    }

    /** SIGKILL (a crash) or SIGTERM (a clean stop), without waiting. */
    void signal(final FailOverPlan.Signal signal) {
        if (signal == FailOverPlan.Signal.KILL) {
            process.signalKill();
        } else {
            process.signalTerm();
        }
    }

    /** Waits until the process has exited; false when it has not within the timeout. */
    boolean awaitExit(final Duration timeout) throws InterruptedException {
        return process.waitFor(timeout);
    }

    Path log() {
        return process.log();
    }

    boolean ready() {
        try {
            final HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
