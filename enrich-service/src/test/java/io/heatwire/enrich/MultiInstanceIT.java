package io.heatwire.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
import tools.jackson.databind.node.ObjectNode;

import io.heatwire.article.parse.SeedDocuments;
import io.heatwire.enrich.cli.SummaryCommand;
import io.heatwire.enrich.topology.ClusterOracleProperties;

/**
 * SPEC 7 and 13: two instances with one application id over six partitions write the same final
 * stories and clusters as one instance, for the same documents.
 */
@EmbeddedKafka(partitions = 6)
class MultiInstanceIT {

    private static final List<String> OUTPUTS = List.of("stories", "clusters", "providers", "topics");

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
                final int exit = SummaryCommand.run(
                        new String[] {
                            "--bootstrap-servers", broker.getBrokersAsString(), "--application-id",
                                    "heatwire-" + pipeline,
                            "--raw-topic", pipeline + ".raw", "--dlq-topic", pipeline + ".dlq",
                            "--stories-topic", pipeline + ".stories", "--clusters-topic", pipeline + ".clusters",
                            "--story-events-topic", pipeline + ".story-events", "--providers-topic",
                                    pipeline + ".providers",
                            "--topics-topic", pipeline + ".topics", "--wait-seconds", "180"
                        },
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
                assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
            }

            final Map<String, Map<String, JsonNode>> single = new TreeMap<>();
            for (String output : OUTPUTS) {
                single.put(output, comparable(output, compacted(broker, "single." + output)));
                assertThat(single.get(output)).as(output).isNotEmpty();
            }
            assertThat(single.get("stories")).hasSizeGreaterThan(26);
            assertThat(single.get("clusters")).hasSizeGreaterThan(5);
            // The summary waited for the multi pipeline too; a late rebalance can still hold back a
            // moved task's last writes for a moment, so the comparison is retried for a bounded time.
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        for (String output : OUTPUTS) {
                            assertThat(differences(
                                            single.get(output),
                                            comparable(output, compacted(broker, "multi." + output))))
                                    .as(output)
                                    .isEmpty();
                        }
                    });
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
                .run(properties.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    private static void publish(EmbeddedKafkaBroker broker, String topic, List<byte[]> documents) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < documents.size(); i++) {
                final ProducerRecord<byte[], byte[]> record =
                        new ProducerRecord<>(topic, ("doc-" + i).getBytes(StandardCharsets.UTF_8), documents.get(i));
                // Both pipelines see the same ingestion time, so the same version wins in each.
                record.headers()
                        .add(
                                "ingested-at",
                                ("2024-05-01T00:00:" + String.format("%02d", i % 60) + "." + String.format("%03d", i)
                                                + "Z")
                                        .getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static Map<String, JsonNode> compacted(EmbeddedKafkaBroker broker, String topic) {
        return TopicContents.compacted(broker.getBrokersAsString(), topic);
    }

    /** What depends on when a record was written (wall clock, stream time) is left out of the comparison. */
    private static Map<String, JsonNode> comparable(String output, Map<String, JsonNode> records) {
        if (!output.equals("stories")) {
            records.values().forEach(record -> ((ObjectNode) record).remove(List.of("updatedAt", "asOf", "heat")));
        }
        return records;
    }

    /** Each key whose records differ, with both records: a readable failure instead of two whole maps. */
    private static Map<String, String> differences(Map<String, JsonNode> expected, Map<String, JsonNode> actual) {
        final Map<String, String> differences = new TreeMap<>();
        final Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            if (!Objects.equals(expected.get(key), actual.get(key))) {
                differences.put(
                        key,
                        "one instance: " + expected.get(key) + System.lineSeparator() + "two instances: "
                                + actual.get(key));
            }
        }
        return differences;
    }
}
