package io.heatwire.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.heatwire.enrich.cli.SummaryCommand;
import io.heatwire.enrich.parse.SeedDocuments;
import io.heatwire.enrich.topology.ClusterOracleProperties;

/**
 * SPEC 7 and 13: two instances with one application id over six partitions write the same final
 * stories and clusters as one instance, for the same documents.
 */
@EmbeddedKafka(partitions = 6)
class MultiInstanceIT {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path stateDirs;

    @Test
    void shouldWriteTheSameStoriesAndClustersWithTwoInstancesAsWithOne(EmbeddedKafkaBroker broker) throws Exception {
        final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
        try {
            contexts.add(start(broker, "single", 0));
            contexts.add(start(broker, "multi", 1));
            contexts.add(start(broker, "multi", 2));

            final List<byte[]> documents = new ArrayList<>(SeedDocuments.all().values());
            documents.addAll(ClusterOracleProperties.documents(ClusterOracleProperties.sampleGraph(60, 7)));
            publish(broker, "single.raw", documents);
            publish(broker, "multi.raw", documents);

            for (String pipeline : List.of("single", "multi")) {
                final ByteArrayOutputStream err = new ByteArrayOutputStream();
                final int exit = SummaryCommand.run(new String[] {
                    "--bootstrap-servers", broker.getBrokersAsString(), "--application-id", "heatwire-" + pipeline,
                    "--raw-topic", pipeline + ".raw", "--dlq-topic", pipeline + ".dlq",
                    "--stories-topic", pipeline + ".stories", "--clusters-topic", pipeline + ".clusters",
                    "--story-events-topic", pipeline + ".story-events", "--providers-topic", pipeline + ".providers",
                    "--topics-topic", pipeline + ".topics", "--wait-seconds", "180"},
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
                assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
            }

            final Map<String, JsonNode> singleStories = compacted(broker, "single.stories");
            final Map<String, JsonNode> singleClusters = withoutUpdatedAt(compacted(broker, "single.clusters"));
            assertThat(singleStories).hasSizeGreaterThan(26);
            assertThat(singleClusters).hasSizeGreaterThan(5);
            assertThat(compacted(broker, "multi.stories")).isEqualTo(singleStories);
            assertThat(withoutUpdatedAt(compacted(broker, "multi.clusters"))).isEqualTo(singleClusters);
            for (String stats : List.of("providers", "topics")) {
                final Map<String, JsonNode> single = withoutUpdatedAt(compacted(broker, "single." + stats));
                assertThat(single).as(stats).isNotEmpty();
                assertThat(withoutUpdatedAt(compacted(broker, "multi." + stats))).as(stats).isEqualTo(single);
            }
        } finally {
            contexts.forEach(ConfigurableApplicationContext::close);
        }
    }

    private ConfigurableApplicationContext start(EmbeddedKafkaBroker broker, String pipeline, int instance)
            throws Exception {
        final Path stateDir = Files.createDirectories(stateDirs.resolve(pipeline + "-" + instance));
        final Map<String, Object> properties = new HashMap<>();
        properties.put("spring.main.web-application-type", "none");
        properties.put("spring.kafka.bootstrap-servers", broker.getBrokersAsString());
        properties.put("spring.kafka.streams.application-id", "heatwire-" + pipeline);
        properties.put("spring.kafka.streams.state-dir", stateDir.toString());
        properties.put("heatwire.clusters.emit-interval", "200ms");
        for (String topic : List.of("raw", "dlq", "stories", "clusters", "providers", "topics")) {
            properties.put("heatwire.topics." + topic, pipeline + "." + topic);
        }
        properties.put("heatwire.topics.story-events", pipeline + ".story-events");
        // As command-line arguments: they win over application.yml, as in production.
        return new SpringApplicationBuilder(EnrichApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static void publish(EmbeddedKafkaBroker broker, String topic, List<byte[]> documents) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < documents.size(); i++) {
                final ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
                        ("doc-" + i).getBytes(StandardCharsets.UTF_8), documents.get(i));
                // Both pipelines see the same ingestion time, so the same version wins in each.
                record.headers().add("ingested-at", ("2024-05-01T00:00:" + String.format("%02d", i % 60) + "."
                        + String.format("%03d", i) + "Z").getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static Map<String, JsonNode> compacted(EmbeddedKafkaBroker broker, String topic) {
        return TopicContents.compacted(broker.getBrokersAsString(), topic);
    }

    /** What depends on when a record was written (wall clock, stream time) is left out of the comparison. */
    private static Map<String, JsonNode> withoutUpdatedAt(Map<String, JsonNode> records) {
        records.values().forEach(record -> ((ObjectNode) record).remove(List.of("updatedAt", "asOf", "heat")));
        return records;
    }
}
