package io.heatwire.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process an end-to-end test starts, its output in a log file. {@link #stop()} asks it to end
 * (SIGTERM, as a container runtime would) and kills it when it does not within the grace period;
 * {@link #kill()} is a crash (SIGKILL).
 */
final class ChildProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        final Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ChildProcess(name, process, log);
    }

    /** Runs a command to its end and returns its exit code; kills it after the timeout. */
    static int run(String name, List<String> command, Path log, Duration timeout) throws IOException, InterruptedException {
        final ChildProcess child = start(name, command, log);
        if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            child.stop();
            throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + log);
        }
        return child.process.exitValue();
    }

    /**
     * {@code java -jar} with the java of the JVM running the tests, with options that favour a quick
     * start over peak speed.
     */
    static List<String> javaJar(Path jar, String maxHeap, String... arguments) {
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        stop();
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A crash: SIGKILL, so no shutdown hook runs and nothing is flushed or committed. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL for " + GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (log: " + log + ")";
    }
}
