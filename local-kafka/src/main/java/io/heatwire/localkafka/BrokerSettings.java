package io.heatwire.localkafka;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Where and how the single-node broker runs. Everything else in its {@code server.properties}
 * follows from these three values.
 *
 * @param port the client listener on 127.0.0.1
 * @param controllerPort the KRaft controller listener on 127.0.0.1
 * @param dataDir the directory holding {@code server.properties} and the log segments; delete it
 *     to start from an empty broker
 */
public record BrokerSettings(int port, int controllerPort, Path dataDir) {

    public static final int DEFAULT_PORT = 9092;

    private static final String HOST = "127.0.0.1";
    private static final String USAGE = "usage: LocalKafka [--port N] [--controller-port N] [--data-dir DIR]";

    public BrokerSettings {
        checkPort(port, "--port");
        checkPort(controllerPort, "--controller-port");
        if (port == controllerPort) {
            throw new IllegalArgumentException("--port and --controller-port must differ, both are " + port);
        }
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** The controller port defaults to the client port plus one. */
    public static BrokerSettings of(int port, Path dataDir) {
        return new BrokerSettings(port, port + 1, dataDir);
    }

    static BrokerSettings parse(String[] args) {
        Integer port = null;
        Integer controllerPort = null;
        Path dataDir = Path.of(".heatwire", "kafka");
        final List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            final String flag = rest.remove(0);
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("missing value after " + flag + "\n" + USAGE);
            }
            final String value = rest.remove(0);
            switch (flag) {
                case "--port" -> port = parsePort(flag, value);
                case "--controller-port" -> controllerPort = parsePort(flag, value);
                case "--data-dir" -> dataDir = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + flag + "\n" + USAGE);
            }
        }
        final int clientPort = port == null ? DEFAULT_PORT : port;
        return new BrokerSettings(clientPort, controllerPort == null ? clientPort + 1 : controllerPort, dataDir);
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    Path serverProperties() {
        return dataDir.resolve("server.properties");
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    /**
     * A combined broker+controller node. The replication settings of the internal topics are
     * lowered to one so that consumer groups and transactions (exactly-once) work on one node.
     */
    Properties serverConfig() {
        final Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", "1");
        props.setProperty("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        props.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.setProperty("log.dirs", logDir().toString());
        props.setProperty("num.partitions", "1");
        props.setProperty("auto.create.topics.enable", "false");
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "10");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("transaction.state.log.num.partitions", "10");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        props.setProperty("message.max.bytes", "2097152");
        return props;
    }

    private static int parsePort(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a port number, got '" + value + "'\n" + USAGE, e);
        }
    }

    private static void checkPort(int port, String flag) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(flag + " must be between 1 and 65535, got " + port);
        }
    }
}
