package io.heatwire.localkafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * Where and how the single-node broker runs. Everything else in its {@code server.properties}
 * follows from these values.
 *
 * @param port the client listener on 127.0.0.1
 * @param controllerPort the KRaft controller listener on 127.0.0.1
 * @param dataDir the directory holding {@code server.properties} and the log segments; delete it
 *     to start from an empty broker
 * @param scram when not null, the client listener is SASL_PLAINTEXT with SCRAM-SHA-512 and this is
 *     its user; when null, it is PLAINTEXT
 */
public record BrokerSettings(int port, int controllerPort, Path dataDir, ScramUser scram) {

    public static final int DEFAULT_PORT = 9092;

    private static final String HOST = "127.0.0.1";
    /** The client listener's name when it authenticates; the broker also talks to itself through it. */
    private static final String SASL_LISTENER = "SASL_PLAINTEXT";

    public BrokerSettings {
        checkPort(port, "--port");
        checkPort(controllerPort, "--controller-port");
        if (port == controllerPort) {
            throw new IllegalArgumentException("--port and --controller-port must differ, both are " + port);
        }
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** A broker whose client listener is PLAINTEXT. */
    public BrokerSettings(int port, int controllerPort, Path dataDir) {
        this(port, controllerPort, dataDir, null);
    }

    /** The controller port defaults to the client port plus one. */
    public static BrokerSettings of(int port, Path dataDir) {
        return new BrokerSettings(port, port + 1, dataDir);
    }

    /** The same broker with its client listener behind SASL/SCRAM-SHA-512 for {@code user}. */
    public BrokerSettings withScram(ScramUser user) {
        return new BrokerSettings(port, controllerPort, dataDir, user);
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /**
     * What a Kafka client needs to reach this broker: the bootstrap servers and, with SCRAM, the
     * security protocol, mechanism and login of the broker's user.
     */
    public Map<String, Object> clientConfig() {
        final Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (scram != null) {
            config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_PLAINTEXT.name);
            config.put(SaslConfigs.SASL_MECHANISM, ScramUser.MECHANISM);
            config.put(SaslConfigs.SASL_JAAS_CONFIG, scram.jaasConfig());
        }
        return config;
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
        final String client = scram == null ? "PLAINTEXT" : SASL_LISTENER;
        props.setProperty(
                "listeners", client + "://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        props.setProperty("advertised.listeners", client + "://" + HOST + ":" + port);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", client);
        props.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT," + client + ":" + client);
        if (scram != null) {
            // The controller listener stays PLAINTEXT on 127.0.0.1 (KRaft cannot check SCRAM there:
            // the credentials live in the metadata it serves). The broker logs in to its own
            // listener as the user too, e.g. to write transaction markers.
            props.setProperty("sasl.enabled.mechanisms", ScramUser.MECHANISM);
            props.setProperty("sasl.mechanism.inter.broker.protocol", ScramUser.MECHANISM);
            props.setProperty(
                    "listener.name." + SASL_LISTENER.toLowerCase(Locale.ROOT) + "."
                            + ScramUser.MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                    scram.jaasConfig());
        }
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

    private static void checkPort(int port, String flag) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(flag + " must be between 1 and 65535, got " + port);
        }
    }
}
