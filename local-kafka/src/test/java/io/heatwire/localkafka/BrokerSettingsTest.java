package io.heatwire.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
    void shouldConfigureASingleNodeThatSupportsTransactions() {
        final Properties config = BrokerSettings.of(9092, Path.of("data")).serverConfig();
        assertThat(config.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(config.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(config.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(config.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
        assertThat(config.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
        assertThat(config.getProperty("log.dirs")).endsWith("logs");
    }
}
