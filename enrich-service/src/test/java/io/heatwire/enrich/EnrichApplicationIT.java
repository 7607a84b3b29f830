package io.heatwire.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.heatwire.enrich.summary.SummaryCommand;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.kafka.streams.state-dir=${java.io.tmpdir}/heatwire-enrich-it-${random.uuid}",
    "heatwire.topics.partitions=3"})
@EmbeddedKafka(partitions = 3)
class EnrichApplicationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    StreamsBuilderFactoryBean streams;

    @Test
    void shouldCreateTopicsRunExactlyOnceAndReportProcessedRawRecords() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(admin.listTopics().names().get())
                    .contains("heatwire.articles.raw", "heatwire.articles.dlq", "heatwire.stories",
                            "heatwire.clusters", "heatwire.providers", "heatwire.topics"));
            final Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(
                    topicConfig("heatwire.articles.dlq"), topicConfig("heatwire.stories"), topicConfig("heatwire.clusters")))
                    .all().get(30, TimeUnit.SECONDS);
            assertThat(configs.get(topicConfig("heatwire.articles.dlq")).get("cleanup.policy").value()).isEqualTo("delete");
            assertThat(configs.get(topicConfig("heatwire.articles.dlq")).get("retention.ms").value())
                    .isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));
            assertThat(configs.get(topicConfig("heatwire.stories")).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(configs.get(topicConfig("heatwire.clusters")).get("cleanup.policy").value()).isEqualTo("compact");
        }
        assertThat(streams.getStreamsConfiguration().getProperty("processing.guarantee")).isEqualTo("exactly_once_v2");
        await().atMost(TIMEOUT).until(() -> streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);

        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>("heatwire.articles.raw", ("---\ntitle: t" + i + "\n---\n")
                        .getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
            }
        }

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = SummaryCommand.run(new String[] {
            "--bootstrap-servers", broker.getBrokersAsString(), "--wait-seconds", "60"},
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("raw articles\\s+heatwire\\.articles\\.raw\\s+3 records")
                .containsPattern("3 partitions")
                .containsPattern("enrich-service lag\\s+heatwire-enrich\\s+0 records behind");
    }

    private static ConfigResource topicConfig(String name) {
        return new ConfigResource(ConfigResource.Type.TOPIC, name);
    }

}
