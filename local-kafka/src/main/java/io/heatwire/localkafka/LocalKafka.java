package io.heatwire.localkafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import io.heatwire.support.cli.BuildVersion;

/**
 * Runs the Apache Kafka server (the same {@code kafka.Kafka} the distribution's
 * {@code kafka-server-start.sh} runs) as a single KRaft node on 127.0.0.1. The storage is
 * formatted on first start; later starts reuse it, so a second run sees the earlier topics.
 *
 * <p>With {@code --sasl-scram USER:PASSWORD} the client listener asks for SASL/SCRAM-SHA-512 and
 * knows one user, created when the storage is formatted; the broker does not authorize (no ACLs),
 * so that user may do everything. Clients then need {@code security.protocol=SASL_PLAINTEXT},
 * {@code sasl.mechanism=SCRAM-SHA-512} and the user's {@code sasl.jaas.config}.
 *
 * <p>Exit codes: 0 after a clean stop (SIGTERM / Ctrl-C), 2 for bad arguments, 3 when a port is
 * busy, 1 when the broker fails.
 */
@Command(
        name = "local-kafka",
        mixinStandardHelpOptions = true,
        versionProvider = BuildVersion.class,
        synopsisHeading = "usage: ",
        sortOptions = false,
        showDefaultValues = true,
        description = {
            "Runs the Apache Kafka server as one KRaft node (broker and controller) on 127.0.0.1.",
            "The storage is formatted on first start and reused later."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped cleanly (SIGTERM, Ctrl-C)",
            "1:the broker failed",
            "2:bad arguments",
            "3:a port is already in use"
        })
public final class LocalKafka implements Callable<Integer> {

    static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;
    static final int EXIT_PORT_BUSY = 3;

    /** Names the SCRAM user the storage was formatted with, so a later start can tell. */
    static final String SCRAM_USER_FILE = "scram-user";

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "" + BrokerSettings.DEFAULT_PORT,
            description = "the client listener on 127.0.0.1")
    private int port;

    @Option(
            names = "--controller-port",
            paramLabel = "N",
            description = "the KRaft controller listener on 127.0.0.1 (default: --port + 1)")
    private Integer controllerPort;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = ".heatwire/kafka",
            description = "server.properties and the log segments; delete it to start from an empty broker")
    private Path dataDir;

    @Option(
            names = "--sasl-scram",
            paramLabel = "USER:PASSWORD",
            converter = ScramUserConverter.class,
            description = "the client listener asks for SASL/SCRAM-SHA-512 and knows this user, created when "
                    + "the storage is formatted (default: PLAINTEXT, no user)")
    private ScramUser scram;

    @Spec
    private CommandSpec spec;

    LocalKafka() {
        // Picocli fills the options.
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "local-kafka-logback.xml");
        }
        System.exit(new CommandLine(new LocalKafka()).execute(args));
    }

    /** The broker the command line asks for; bad values are usage errors (exit code 2). */
    BrokerSettings settings() {
        try {
            return new BrokerSettings(port, controllerPort == null ? port + 1 : controllerPort, dataDir, scram);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Runs the broker until it is stopped. */
    @Override
    public Integer call() {
        final BrokerSettings settings = settings();
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        for (int busy : new int[] {settings.port(), settings.controllerPort()}) {
            if (!isFree(busy)) {
                err.printf(
                        "Port %d on 127.0.0.1 is already in use (is another Kafka broker running?).%n"
                                + "Stop whatever holds it, or pick free ports: --port N --controller-port M "
                                + "(./run.sh --kafka-port N).%n",
                        busy);
                return EXIT_PORT_BUSY;
            }
        }
        try {
            prepare(settings);
        } catch (IOException e) {
            err.println(e.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        }
        final String security = settings.scram() == null
                ? ""
                : " (SASL_PLAINTEXT, " + ScramUser.MECHANISM + " user "
                        + settings.scram().name() + ")";
        out.printf(
                "Starting Kafka %s (KRaft, single node) on %s%s, data in %s%n",
                org.apache.kafka.common.utils.AppInfoParser.getVersion(),
                settings.bootstrapServers(),
                security,
                settings.dataDir());
        final Thread readiness = new Thread(() -> announceWhenReady(settings, out, err), "local-kafka-readiness");
        readiness.setDaemon(true);
        readiness.start();
        kafka.Kafka.main(new String[] {settings.serverProperties().toString()});
        return CommandLine.ExitCode.OK;
    }

    /** Writes {@code server.properties} and formats the storage unless it already is. */
    static void prepare(BrokerSettings settings) throws IOException {
        Files.createDirectories(settings.logDir());
        final Properties props = settings.serverConfig();
        try (OutputStream out = Files.newOutputStream(settings.serverProperties())) {
            props.store(out, "Generated by heatwire local-kafka on every start; edit the launcher, not this file");
        }
        final Path scramUserFile = settings.dataDir().resolve(SCRAM_USER_FILE);
        if (Files.exists(settings.logDir().resolve("meta.properties"))) {
            final ScramUser scram = settings.scram();
            if (scram != null
                    && !(Files.exists(scramUserFile)
                            && Files.readString(scramUserFile).equals(scram.name()))) {
                throw new IOException("the storage in " + settings.dataDir() + " was formatted without the SCRAM user "
                        + scram.name()
                        + " (SCRAM users are created when the storage is formatted); delete the directory "
                        + "or use another --data-dir");
            }
            return;
        }
        final List<String> format = new ArrayList<>(List.of(
                "format",
                "-t",
                Uuid.randomUuid().toString(),
                "-c",
                settings.serverProperties().toString()));
        if (settings.scram() != null) {
            format.addAll(List.of("--add-scram", settings.scram().formatArgument()));
        }
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        final int rc;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            rc = kafka.tools.StorageTool.execute(format.toArray(String[]::new), print);
        }
        if (rc != 0) {
            throw new IOException(
                    "formatting " + settings.logDir() + " failed: " + output.toString(StandardCharsets.UTF_8));
        }
        if (settings.scram() != null) {
            Files.writeString(scramUserFile, settings.scram().name());
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void announceWhenReady(BrokerSettings settings, PrintWriter out, PrintWriter err) {
        final Map<String, Object> config = new HashMap<>(settings.clientConfig());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000);
        final long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    out.println("Kafka broker ready on " + settings.bootstrapServers());
                    return;
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    // not up yet: the admin client backs off between attempts itself
                }
            }
        }
        err.println("Kafka broker did not become ready within 2 minutes; see the log above");
    }

    /** {@code USER:PASSWORD}; the messages never repeat the password. */
    static final class ScramUserConverter implements ITypeConverter<ScramUser> {

        @Override
        public ScramUser convert(String value) {
            try {
                return ScramUser.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
