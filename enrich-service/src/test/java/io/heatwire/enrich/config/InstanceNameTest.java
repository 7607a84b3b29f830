package io.heatwire.enrich.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class InstanceNameTest {

    @Test
    void shouldStayTheSameForTheSameHostAndStateDirectory() {
        assertThat(InstanceName.of("node-1", Path.of("/var/lib/heatwire/state")))
                .isEqualTo(InstanceName.of("node-1", Path.of("/var/lib/heatwire/../heatwire/state")))
                .startsWith("node-1-")
                .matches("node-1-[0-9a-f]{8}");
    }

    @Test
    void shouldDifferForAnotherStateDirectoryOnTheSameHost() {
        assertThat(InstanceName.of("node-1", Path.of("/data/enrich-1")))
                .isNotEqualTo(InstanceName.of("node-1", Path.of("/data/enrich-2")));
    }

    @Test
    void shouldKeepOnlyWhatTheBrokerAcceptsOfTheHostName() {
        assertThat(InstanceName.of("Build Host:01", Path.of("/s"))).matches("build-host-01-[0-9a-f]{8}");
        assertThat(InstanceName.of("x".repeat(300), Path.of("/s"))).hasSize(100 + 9);
    }

    @Test
    void shouldTakeAConfiguredNameAsItIs() {
        assertThat(InstanceName.resolve(" enrich-a ", Path.of("/s"))).isEqualTo("enrich-a");
        assertThat(InstanceName.resolve("", Path.of("/s"))).matches(".+-[0-9a-f]{8}");
    }

    @Test
    void shouldRefuseANameTheBrokerWouldRefuse() {
        assertThatThrownBy(() -> InstanceName.resolve("enrich a", Path.of("/s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heatwire.instance.name");
    }

    /** What the configuration relies on: Kafka Streams suffixes the main consumer's id with the thread. */
    @Test
    void shouldGiveEachStreamThreadItsOwnGroupInstanceId() {
        final StreamsConfig config = new StreamsConfig(Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG,
                "heatwire-enrich",
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                "localhost:9092",
                StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                "enrich-a"));

        assertThat(config.getMainConsumerConfigs("heatwire-enrich", "c1", 1))
                .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "enrich-a-1");
        assertThat(config.getMainConsumerConfigs("heatwire-enrich", "c2", 2))
                .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "enrich-a-2");
        assertThat(config.getRestoreConsumerConfigs("c3")).doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    }
}
