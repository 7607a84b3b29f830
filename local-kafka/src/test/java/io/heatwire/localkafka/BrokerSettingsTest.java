package io.heatwire.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BrokerSettingsTest {

    private final StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    /** Parses a command line as {@code main} does, without starting anything. */
    private static BrokerSettings parse(String... args) {
        final LocalKafka command = new LocalKafka();
        new CommandLine(command).parseArgs(args);
        return command.settings();
    }

    /** Runs the command as {@code main} does; only bad command lines and help may be given. */
    private int run(String... args) {
        err = new StringWriter();
        final CommandLine commandLine = new CommandLine(new LocalKafka());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private String err() {
        return err.toString();
    }

    @Test
    void shouldDefaultToPort9092AndControllerOnTheNextPort() {
        final BrokerSettings settings = parse();
        assertThat(settings.port()).isEqualTo(9092);
        assertThat(settings.controllerPort()).isEqualTo(9093);
        assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.dataDir().isAbsolute()).isTrue();
        assertThat(settings.dataDir().endsWith(Path.of(".heatwire", "kafka"))).isTrue();
    }

    @Test
    void shouldParseEveryOption() {
        final BrokerSettings settings = parse("--port", "19092", "--controller-port", "19999", "--data-dir", "x/y");
        assertThat(settings.port()).isEqualTo(19092);
        assertThat(settings.controllerPort()).isEqualTo(19999);
        assertThat(settings.dataDir().endsWith(Path.of("x", "y"))).isTrue();
    }

    @Test
    void shouldTakeEveryOptionAlsoWithAnEqualsSign() {
        final BrokerSettings settings =
                parse("--port=19092", "--controller-port=19999", "--data-dir=x/y", "--sasl-scram=heatwire:pa=ss");
        assertThat(settings.port()).isEqualTo(19092);
        assertThat(settings.controllerPort()).isEqualTo(19999);
        assertThat(settings.dataDir().endsWith(Path.of("x", "y"))).isTrue();
        assertThat(settings.scram()).isEqualTo(new ScramUser("heatwire", "pa=ss"));
    }

    @Test
    void shouldPutTheControllerNextToAGivenClientPort() {
        assertThat(parse("--port", "19092").controllerPort()).isEqualTo(19093);
    }

    @Test
    void shouldRejectBadArgumentsWithTheUsageAndExitCodeTwo() {
        assertThat(run("--port", "abc")).isEqualTo(LocalKafka.EXIT_USAGE);
        assertThat(err())
                .contains("Invalid value for option '--port': 'abc' is not an int")
                .contains("usage:");
        assertThat(run("--bogus", "1")).isEqualTo(LocalKafka.EXIT_USAGE);
        assertThat(err()).contains("Unknown options: '--bogus', '1'").contains("usage: local-kafka");
        assertThat(run("--port")).isEqualTo(LocalKafka.EXIT_USAGE);
        assertThat(err()).contains("Missing required parameter for option '--port' (N)");
        assertThat(run("--port", "70000")).isEqualTo(LocalKafka.EXIT_USAGE);
        assertThat(err()).contains("between 1 and 65535").contains("usage:");
        assertThat(run("--port", "5000", "--controller-port", "5000")).isEqualTo(LocalKafka.EXIT_USAGE);
        assertThat(err()).contains("must differ");
        assertThat(run("--port=5000", "--controller-port=5000")).isEqualTo(LocalKafka.EXIT_USAGE);
        assertThat(err()).contains("must differ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldListEveryOptionWithHelp() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .startsWith("usage: local-kafka")
                .contains(
                        "--port=N",
                        "--controller-port=N",
                        "--data-dir=DIR",
                        "--sasl-scram=USER:PASSWORD",
                        "Default: 9092",
                        "default: --port + 1",
                        "Default: .heatwire/kafka",
                        "--version",
                        "3   a port is already in use");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void shouldPrintTheProjectVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString())
                .matches("(?s)local-kafka \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R" + "Apache Kafka \\d+\\.\\d+\\.\\d+\\R");
    }

    @Test
    void shouldParseAScramUserWhosePasswordMayHoldColons() {
        final BrokerSettings settings = parse("--sasl-scram", "heatwire:pa:ss");
        assertThat(settings.scram()).isEqualTo(new ScramUser("heatwire", "pa:ss"));
        assertThat(parse().scram()).isNull();
    }

    @Test
    void shouldRejectScramUsersTheFormatOrJaasSyntaxCouldNotCarry() {
        assertThat(run("--sasl-scram", "nopassword")).isEqualTo(LocalKafka.EXIT_USAGE);
        assertThat(err()).contains("USER:PASSWORD").contains("usage:");
        assertThat(run("--sasl-scram", ":secret")).isEqualTo(LocalKafka.EXIT_USAGE);
        assertThat(err()).contains("USER:PASSWORD");
        assertThat(run("--sasl-scram", "user:")).isEqualTo(LocalKafka.EXIT_USAGE);
        assertThat(err()).contains("USER:PASSWORD");
        assertThat(run("--sasl-scram", "user:a,b")).isEqualTo(LocalKafka.EXIT_USAGE);
        assertThat(err()).contains("no quotes, commas").doesNotContain("a,b");
        assertThatThrownBy(() -> new ScramUser("user", "a,b")).hasMessageContaining("no quotes, commas");
        assertThatThrownBy(() -> new ScramUser("user", "a\"b")).hasMessageContaining("no quotes, commas");
        assertThatThrownBy(() -> new ScramUser("us er", "secret")).hasMessageContaining("user name");
    }

    @Test
    void shouldKeepTheScramPasswordOutOfToString() {
        final BrokerSettings settings =
                BrokerSettings.of(9092, Path.of("data")).withScram(new ScramUser("heatwire", "s3cret"));
        assertThat(settings.scram().toString()).contains("heatwire").doesNotContain("s3cret");
        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldPutTheClientListenerBehindScramAndLeaveTheControllerPlaintext() {
        final ScramUser user = new ScramUser("heatwire", "s3cret");
        final Properties config =
                BrokerSettings.of(9092, Path.of("data")).withScram(user).serverConfig();
        assertThat(config.getProperty("listeners"))
                .isEqualTo("SASL_PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(config.getProperty("advertised.listeners")).isEqualTo("SASL_PLAINTEXT://127.0.0.1:9092");
        assertThat(config.getProperty("listener.security.protocol.map"))
                .isEqualTo("CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT");
        assertThat(config.getProperty("inter.broker.listener.name")).isEqualTo("SASL_PLAINTEXT");
        assertThat(config.getProperty("sasl.enabled.mechanisms")).isEqualTo("SCRAM-SHA-512");
        assertThat(config.getProperty("sasl.mechanism.inter.broker.protocol")).isEqualTo("SCRAM-SHA-512");
        assertThat(config.getProperty("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config"))
                .isEqualTo(user.jaasConfig());
        assertThat(user.jaasConfig())
                .isEqualTo(
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"heatwire\" password=\"s3cret\";");
        assertThat(user.formatArgument()).isEqualTo("SCRAM-SHA-512=[name=\"heatwire\",password=\"s3cret\"]");
    }

    @Test
    void shouldGiveClientsTheSecuritySettingsOnlyWithScram() {
        final BrokerSettings plain = BrokerSettings.of(19092, Path.of("data"));
        assertThat(plain.clientConfig()).containsExactly(Map.entry("bootstrap.servers", "127.0.0.1:19092"));
        assertThat(plain.serverConfig().getProperty("sasl.enabled.mechanisms")).isNull();
        final ScramUser user = new ScramUser("heatwire", "s3cret");
        assertThat(plain.withScram(user).clientConfig())
                .containsOnly(
                        Map.entry("bootstrap.servers", "127.0.0.1:19092"),
                        Map.entry("security.protocol", "SASL_PLAINTEXT"),
                        Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                        Map.entry("sasl.jaas.config", user.jaasConfig()));
    }

    @Test
    void shouldConfigureASingleNodeThatSupportsTransactions() {
        final Properties config = BrokerSettings.of(9092, Path.of("data")).serverConfig();
        assertThat(config.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(config.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(config.getProperty("listener.security.protocol.map"))
                .isEqualTo("CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        assertThat(config.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(config.getProperty("transaction.state.log.replication.factor"))
                .isEqualTo("1");
        assertThat(config.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
        assertThat(config.getProperty("log.dirs")).endsWith("logs");
    }
}
