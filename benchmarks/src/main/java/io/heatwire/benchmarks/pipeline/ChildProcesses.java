package io.heatwire.benchmarks.pipeline;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.heatwire.support.process.ChildProcess;

/**
 * The processes the benchmark starts (broker, enrich-service, loadgen). Every one is stopped when
 * the group closes, newest first, and by a shutdown hook on Ctrl-C, so none outlives the benchmark.
 */
final class ChildProcesses implements AutoCloseable {

    /** How long a child may take to stop after SIGTERM before it is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final List<ChildProcess> children = new ArrayList<>();
    private final Thread hook = new Thread(this::stopAll, "benchmark-stop-children");

    ChildProcesses() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts {@code command} with its output (stdout and stderr) appended to {@code log}. */
    synchronized ChildProcess start(final String name, final List<String> command, final Path log) throws IOException {
        final ChildProcess child = ChildProcess.start(name, command, log);
        children.add(child);
        return child;
    }

    /** A JVM like this one running {@code java OPTIONS -jar JAR ARGS}. */
    static List<String> javaJar(final List<String> jvmOptions, final Path jar, final List<String> args) {
        return ChildProcess.javaJar(jvmOptions, jar, args);
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
            children.get(i).stop(STOP_GRACE);
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
