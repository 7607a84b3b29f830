package io.heatwire.benchmarks.pipeline;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The processes the benchmark starts (broker, enrich-service, loadgen). Every one is stopped when
 * the group closes, newest first, and by a shutdown hook on Ctrl-C, so none outlives the benchmark.
 */
final class ChildProcesses implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    /** A started process with its log file. */
    record Child(String name, Process process, Path log) {

        long pid() {
            return process.pid();
        }

        boolean isAlive() {
            return process.isAlive();
        }

        /** SIGTERM, then SIGKILL after the grace period. */
        void stop() {
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private final List<Child> children = new ArrayList<>();
    private final Thread hook = new Thread(this::stopAll, "benchmark-stop-children");

    ChildProcesses() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts {@code command} with its output (stdout and stderr) appended to {@code log}. */
    synchronized Child start(final String name, final List<String> command, final Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        final Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        final Child child = new Child(name, process, log);
        children.add(child);
        return child;
    }

    /** A JVM like this one running {@code java OPTIONS -jar JAR ARGS}. */
    static List<String> javaJar(final List<String> jvmOptions, final Path jar, final List<String> args) {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }

    /** A port on 127.0.0.1 that was free a moment ago. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            return socket.getLocalPort();
        }
    }

    /** Stops every child still running, newest first. */
    synchronized void stopAll() {
        for (int i = children.size() - 1; i >= 0; i--) {
            children.get(i).stop();
        }
        children.removeIf(child -> !child.isAlive());
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running
        }
    }
}
