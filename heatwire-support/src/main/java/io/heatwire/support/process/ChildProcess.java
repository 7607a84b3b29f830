package io.heatwire.support.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process that a test, the benchmark or a launcher starts, its output (stdout and stderr)
 * appended to a log file. {@link #stop()} asks it to end (SIGTERM, as a container runtime would)
 * and kills it when it does not within the grace period; {@link #kill()} is a crash (SIGKILL).
 */
public final class ChildProcess implements AutoCloseable {

    /** How long {@link #stop()} waits after SIGTERM before it kills. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command}; its output goes to the end of {@code log}, whose directory is created. */
    public static ChildProcess start(String name, List<String> command, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        final Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ChildProcess(name, process, log);
    }

    /** Runs a command to its end and returns its exit code; stops it and fails after the timeout. */
    public static int run(String name, List<String> command, Path log, Duration timeout)
            throws IOException, InterruptedException {
        final ChildProcess child = start(name, command, log);
        if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            child.stop();
            throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + log);
        }
        return child.process.exitValue();
    }

    /** {@code java OPTIONS -jar JAR ARGS} with the java of the running JVM. */
    public static List<String> javaJar(List<String> jvmOptions, Path jar, List<String> arguments) {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        return command;
    }

    /**
     * {@code java -jar} for a short-lived service in a test: a heap limit, and options that favour a
     * quick start over peak speed.
     */
    public static List<String> javaJar(Path jar, String maxHeap, String... arguments) {
        return javaJar(
                List.of("-Xmx" + maxHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), jar, List.of(arguments));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public String name() {
        return name;
    }

    /** Waits, without a limit, for the process to end by itself; returns its exit code. */
    public int waitForExit() throws InterruptedException {
        return process.waitFor();
    }

    /** SIGTERM without waiting, so that several processes can stop side by side. */
    public void signalTerm() {
        process.destroy();
    }

    /** SIGKILL without waiting: a crash, timed by whoever watches what follows. */
    public void signalKill() {
        process.destroyForcibly();
    }

    /** Waits for the process to end by itself; true when it did within the timeout. */
    public boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The exit code; only once the process has ended. */
    public int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() {
        stop();
    }

    /** SIGTERM, then SIGKILL after {@link #DEFAULT_GRACE}. */
    public void stop() {
        stop(DEFAULT_GRACE);
    }

    /** SIGTERM, then SIGKILL after {@code grace}; returns at once when the process has ended already. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(DEFAULT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A crash: SIGKILL, so no shutdown hook runs and nothing is flushed or committed. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(DEFAULT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(
                        name + " (pid " + process.pid() + ") survived SIGKILL for " + DEFAULT_GRACE);
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
