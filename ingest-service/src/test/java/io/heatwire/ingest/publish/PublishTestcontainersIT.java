package io.heatwire.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import io.heatwire.ingest.IngestApplication;
import io.heatwire.ingest.RawTopicProbe;
import io.heatwire.support.contract.RawRecordHeaders;

/** The publish command against a real Apache Kafka broker in Docker; skipped where Docker is missing. */
@Testcontainers(disabledWithoutDocker = true)
class PublishTestcontainersIT {

    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.1");

    @Test
    void shouldPublishTheSeedsByteForByteToADockerBroker() throws Exception {
        final String topic = "heatwire.articles.raw";

        final int exitCode = IngestApplication.publish(
                "publish",
                "--spring.kafka.bootstrap-servers=" + kafka.getBootstrapServers(),
                PublishCommandIT.SEEDS.toString());

        assertThat(exitCode).isZero();
        try (RawTopicProbe probe = new RawTopicProbe(kafka.getBootstrapServers(), topic)) {
            final Map<String, ConsumerRecord<String, byte[]>> records =
                    RawTopicProbe.byKey(probe.awaitRecords(probe.beginning(), 5));
            for (final Path seed : PublishCommandIT.seedFiles()) {
                final ConsumerRecord<String, byte[]> record =
                        records.get(seed.getFileName().toString());
                assertThat(record).isNotNull();
                assertThat(record.value()).isEqualTo(Files.readAllBytes(seed));
                assertThat(RawTopicProbe.header(record, RawRecordHeaders.CONTENT_SHA256))
                        .isEqualTo(KafkaArticlePublisher.sha256Hex(record.value()));
            }
        }
    }
}
