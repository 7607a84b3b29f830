package io.heatwire.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    @Test
    void shouldDefaultToPort9092AndControllerOnTheNextPort() {
        final BrokerSettings settings = BrokerSettings.parse(new String[0]);
        assertThat(settings.port()).isEqualTo(9092);
        assertThat(settings.controllerPort()).isEqualTo(9093);
        assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.dataDir().isAbsolute()).isTrue();
        assertThat(settings.dataDir().endsWith(Path.of(".heatwire", "kafka"))).isTrue();
    }

    @Test
    void shouldParseEveryOption() {
        final BrokerSettings settings = BrokerSettings.parse(
                new String[] {"--port", "19092", "--controller-port", "19999", "--data-dir", "x/y"});
        assertThat(settings.port()).isEqualTo(19092);
        assertThat(settings.controllerPort()).isEqualTo(19999);
        assertThat(settings.dataDir().endsWith(Path.of("x", "y"))).isTrue();
    }

    @Test
    void shouldRejectBadArgumentsWithTheUsage() {
        assertThatThrownBy(() -> BrokerSettings.parse(new String[] {"--port", "abc"}))
                .hasMessageContaining("needs a port number").hasMessageContaining("usage:");
        assertThatThrownBy(() -> BrokerSettings.parse(new String[] {"--bogus", "1"}))
                .hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> BrokerSettings.parse(new String[] {"--port"}))
                .hasMessageContaining("missing value after --port");
        assertThatThrownBy(() -> BrokerSettings.parse(new String[] {"--port", "70000"}))
                .hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> BrokerSettings.parse(new String[] {"--port", "5000", "--controller-port", "5000"}))
                .hasMessageContaining("must differ");
    }

    @Test
    void shouldParseAScramUserWhosePasswordMayHoldColons() {
        final BrokerSettings settings = BrokerSettings.parse(new String[] {"--sasl-scram", "heatwire:pa:ss"});
        assertThat(settings.scram()).isEqualTo(new ScramUser("heatwire", "pa:ss"));
        assertThat(BrokerSettings.parse(new String[0]).scram()).isNull();
    }

    @Test
    void shouldRejectScramUsersTheFormatOrJaasSyntaxCouldNotCarry() {
        assertThatThrownBy(() -> BrokerSettings.parse(new String[] {"--sasl-scram", "nopassword"}))
                .hasMessageContaining("USER:PASSWORD").hasMessageContaining("usage:");
        assertThatThrownBy(() -> BrokerSettings.parse(new String[] {"--sasl-scram", ":secret"}))
                .hasMessageContaining("USER:PASSWORD");
        assertThatThrownBy(() -> BrokerSettings.parse(new String[] {"--sasl-scram", "user:"}))
                .hasMessageContaining("USER:PASSWORD");
        assertThatThrownBy(() -> new ScramUser("user", "a,b")).hasMessageContaining("no quotes, commas");
        assertThatThrownBy(() -> new ScramUser("user", "a\"b")).hasMessageContaining("no quotes, commas");
        assertThatThrownBy(() -> new ScramUser("us er", "secret")).hasMessageContaining("user name");
    }

    @Test
    void shouldKeepTheScramPasswordOutOfToString() {
        final BrokerSettings settings = BrokerSettings.of(9092, Path.of("data")).withScram(new ScramUser("heatwire", "s3cret"));
        assertThat(settings.scram().toString()).contains("heatwire").doesNotContain("s3cret");
        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldPutTheClientListenerBehindScramAndLeaveTheControllerPlaintext() {
        final ScramUser user = new ScramUser("heatwire", "s3cret");
        final Properties config = BrokerSettings.of(9092, Path.of("data")).withScram(user).serverConfig();
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
        assertThat(user.jaasConfig()).isEqualTo(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"heatwire\" password=\"s3cret\";");
        assertThat(user.formatArgument()).isEqualTo("SCRAM-SHA-512=[name=\"heatwire\",password=\"s3cret\"]");
    }

    @Test
    void shouldGiveClientsTheSecuritySettingsOnlyWithScram() {
        final BrokerSettings plain = BrokerSettings.of(19092, Path.of("data"));
        assertThat(plain.clientConfig()).containsExactly(Map.entry("bootstrap.servers", "127.0.0.1:19092"));
        assertThat(plain.serverConfig().getProperty("sasl.enabled.mechanisms")).isNull();
        final ScramUser user = new ScramUser("heatwire", "s3cret");
        assertThat(plain.withScram(user).clientConfig()).containsOnly(
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
        assertThat(config.getProperty("listener.security.protocol.map")).isEqualTo("CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        assertThat(config.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(config.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
        assertThat(config.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
        assertThat(config.getProperty("log.dirs")).endsWith("logs");
    }
}
