package io.heatwire.localkafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The local broker as a child JVM, for tests that need a real broker they can stop, kill and
 * restart (broker loss, crash recovery). The child runs {@link LocalKafka} on this JVM's class
 * path; its output goes to {@code broker.out} in the data directory.
 */
public final class LocalKafkaProcess implements AutoCloseable {

    private static final String READY_LINE = "Kafka broker ready on ";

    private final BrokerSettings settings;
    private final Process process;

    private LocalKafkaProcess(BrokerSettings settings, Process process) {
        this.settings = settings;
        this.process = process;
    }

    /** Starts a broker and returns once it answers metadata requests. */
    public static LocalKafkaProcess start(BrokerSettings settings, Duration timeout) throws IOException {
        final List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                LocalKafka.class.getName(),
                "--port",
                Integer.toString(settings.port()),
                "--controller-port",
                Integer.toString(settings.controllerPort()),
                "--data-dir",
                settings.dataDir().toString()));
        if (settings.scram() != null) {
            command.addAll(List.of(
                    "--sasl-scram",
                    settings.scram().name() + ":" + settings.scram().password()));
        }
        Files.createDirectories(settings.dataDir());
        final Process process =
                new ProcessBuilder(command).redirectErrorStream(true).start();
        final LocalKafkaProcess broker = new LocalKafkaProcess(settings, process);
        broker.awaitReady(timeout);
        return broker;
    }

    /** Two free ports on 127.0.0.1, for tests that must not collide with a broker already running. */
    public static BrokerSettings settingsOnFreePorts(Path dataDir) {
        try (ServerSocket client = bindAnyPort();
                ServerSocket controller = bindAnyPort()) {
            return new BrokerSettings(client.getLocalPort(), controller.getLocalPort(), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    /** Bootstrap servers and, on a SCRAM broker, the security settings of its user. */
    public Map<String, Object> clientConfig() {
        return settings.clientConfig();
    }

    public BrokerSettings settings() {
        return settings;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** A clean shutdown (SIGTERM), as an operator's Ctrl-C. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    /** A crash (SIGKILL): no shutdown hook runs. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Duration timeout) throws IOException {
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        final Path log = settings.dataDir().resolve("broker.out");
        final Thread pump = new Thread(() -> pumpOutput(log, ready), "local-kafka-output");
        pump.setDaemon(true);
        pump.start();
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException(
                    "broker on " + bootstrapServers() + " did not become ready within " + timeout
                            + "; its output is in " + log,
                    e);
        }
    }

    private void pumpOutput(Path log, CompletableFuture<Void> ready) {
        try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(
                        log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                if (line.startsWith(READY_LINE)) {
                    ready.complete(null);
                }
            }
            ready.completeExceptionally(new IOException("broker exited with code " + process.waitFor()));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ready.completeExceptionally(e);
        }
    }

    private static ServerSocket bindAnyPort() throws IOException {
        final ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        return socket;
    }
}
