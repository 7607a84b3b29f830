package io.heatwire.enrich.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"heatwire\" password=\"s3cret\";";
    private static final List<String> SCRAM = List.of(
            "--spring.kafka.security.protocol=SASL_PLAINTEXT",
            "--spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512",
            "--spring.kafka.properties.sasl.jaas.config=" + JAAS);

    @Test
    void shouldGiveEveryClientTheSecuritySettingsTheServiceTakes() {
        final KafkaClientSettings kafka = KafkaClientSettings.load(SCRAM, "broker:9093");
        for (Map<String, Object> config :
                List.of(kafka.admin(Map.of()), kafka.consumer(Map.of()), kafka.producer(Map.of()))) {
            assertThat(config)
                    .containsEntry("bootstrap.servers", "broker:9093")
                    .containsEntry("security.protocol", "SASL_PLAINTEXT")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("sasl.jaas.config", JAAS);
        }
    }

    @Test
    void shouldApplyClientSpecificSettingsToTheirClientOnly() {
        final KafkaClientSettings kafka = KafkaClientSettings.load(
                List.of(
                        "--spring.kafka.consumer.properties.fetch.max.bytes=1234",
                        "--spring.kafka.producer.properties.linger.ms=7"),
                null);
        assertThat(kafka.consumer(Map.of()))
                .containsEntry("fetch.max.bytes", "1234")
                .doesNotContainKey("linger.ms");
        assertThat(kafka.producer(Map.of())).containsEntry("linger.ms", "7").doesNotContainKey("fetch.max.bytes");
    }

    @Test
    void shouldLetTheBootstrapOptionWinOverSpringKafkaBootstrapServers() {
        final List<String> spring = List.of("--spring.kafka.bootstrap-servers=from-spring:9092");
        assertThat(KafkaClientSettings.load(spring, null).bootstrapServers()).isEqualTo("from-spring:9092");
        assertThat(KafkaClientSettings.load(spring, "from-option:9092").bootstrapServers())
                .isEqualTo("from-option:9092");
        assertThat(KafkaClientSettings.load(spring, "from-option:9092").admin(Map.of()))
                .containsEntry("bootstrap.servers", "from-option:9092");
    }

    @Test
    void shouldLetTheCommandsOwnSettingsWin() {
        final KafkaClientSettings kafka = KafkaClientSettings.load(
                List.of("--spring.kafka.admin.properties.request.timeout.ms=99"), "broker:9092");
        assertThat(kafka.admin(Map.of("request.timeout.ms", 10_000))).containsEntry("request.timeout.ms", 10_000);
    }

    @Test
    void shouldSplitSpringPropertiesFromTheCommandsOwnArguments() {
        final KafkaClientSettings.Arguments arguments = KafkaClientSettings.Arguments.split(new String[] {
            "--bootstrap-servers",
            "b:1",
            "--spring.kafka.security.protocol=SSL",
            "--wait-seconds",
            "5",
            "--spring.nothing"
        });
        assertThat(arguments.own())
                .containsExactly("--bootstrap-servers", "b:1", "--wait-seconds", "5", "--spring.nothing");
        assertThat(arguments.spring()).containsExactly("--spring.kafka.security.protocol=SSL");
    }

    @Test
    void shouldTakeTrustStoresButRefuseSslBundlesRatherThanIgnoreThem() {
        final KafkaClientSettings kafka = KafkaClientSettings.load(
                List.of(
                        "--spring.kafka.security.protocol=SSL",
                        "--spring.kafka.ssl.trust-store-location=file:/etc/heatwire/truststore.p12",
                        "--spring.kafka.ssl.trust-store-password=changeit"),
                "broker:9093");
        assertThat(kafka.consumer(Map.of()))
                .containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.truststore.location", "/etc/heatwire/truststore.p12")
                .containsEntry("ssl.truststore.password", "changeit");
        assertThatThrownBy(() -> KafkaClientSettings.load(List.of("--spring.kafka.ssl.bundle=kafka"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spring.kafka.ssl.bundle is not supported");
    }

    @Test
    void shouldRefuseASettingThatDoesNotBind() {
        assertThatThrownBy(
                        () -> KafkaClientSettings.load(List.of("--spring.kafka.consumer.max-poll-records=many"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spring.kafka.consumer");
    }

    @Test
    void shouldHandTheSummarysSpringArgumentsToTheClientsAndLeaveTheBootstrapToThem() {
        assertThat(SummaryCommand.Options.parse("--spring.kafka.security.protocol=SASL_SSL")
                        .springArguments())
                .containsExactly("--spring.kafka.security.protocol=SASL_SSL");
        assertThat(SummaryCommand.Options.parse().bootstrapServers()).isNull();
    }
}
