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

/**
 * One enrich-service instance as production runs it: the packaged jar in its own JVM with its
 * default settings (exactly-once, application id {@code heatwire-enrich}, default topics); only the
 * broker, the HTTP port and the state directory are given (and, for the ceiling, clustering off). Its GC log goes to a file, so the heap
 * left after each collection can be read.
 */
final class EnrichService {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildProcesses.Child process;
    private final int port;
    private final Path stateDir;
    private final Path gcLog;

    private EnrichService(final ChildProcesses.Child process, final int port, final Path stateDir, final Path gcLog) {
        this.process = process;
        this.port = port;
        this.stateDir = stateDir;
        this.gcLog = gcLog;
    }

    /** Starts an instance; {@link #awaitReady()} waits until its Streams client runs. */
    static EnrichService start(final ChildProcesses children, final String name, final Path jar,
            final List<String> jvmOptions, final String bootstrapServers, final Path stateDir, final Path logs,
            final boolean ceiling) throws IOException {
        final int port = ChildProcesses.freePort();
        final Path gcLog = logs.resolve(name + "-gc.log");
        Files.createDirectories(logs);
        final List<String> jvm = new ArrayList<>(jvmOptions);
        // Quoted: the path may hold spaces or colons, which -Xlog would otherwise split on.
        jvm.add("-Xlog:gc:file=\"" + gcLog.toAbsolutePath() + "\"");
        final List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--server.port=" + port,
                "--spring.kafka.streams.state-dir=" + stateDir.toAbsolutePath()));
        if (ceiling) {
            args.add("--heatwire.clusters.enabled=false");
        }
        final ChildProcesses.Child child = children.start(name, ChildProcesses.javaJar(jvm, jar, args),
                logs.resolve(name + ".log"));
        return new EnrichService(child, port, stateDir, gcLog);
    }

    void awaitReady() throws IOException, InterruptedException {
        final long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!ready()) {
            if (!process.isAlive()) {
                throw new IOException(process.name() + " exited during start-up; see " + process.log());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(process.name() + " did not become ready within " + START_TIMEOUT + "; see "
                        + process.log());
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    /** The Prometheus scrape, or null when the instance does not answer. */
    String prometheus() {
        try {
            final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
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
        process.process().destroy();
    }

    void stop() {
        process.stop();
    }

    private boolean ready() {
        try {
            final HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
