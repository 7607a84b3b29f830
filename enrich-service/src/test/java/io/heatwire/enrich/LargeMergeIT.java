package io.heatwire.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.heatwire.article.parse.ArticleDocument;
import io.heatwire.enrich.cli.SummaryCommand;

/**
 * SPEC 7: two clusters of 10,000 stories each (100 chained articles with 99 references each, by
 * default) are merged by one bridge article on a real broker: every story ends in the cluster named
 * by the earliest story (SPEC 7), and every cluster id that disappeared ends with a tombstone. The size is
 * {@code -Dheatwire.large-merge.articles=N} articles per cluster.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "spring.kafka.streams.state-dir=target/streams-state/heatwire-large-merge-${random.uuid}",
            "spring.kafka.streams.application-id=heatwire-large-merge",
            "heatwire.clusters.emit-interval=500ms"
        })
@EmbeddedKafka(partitions = 3)
class LargeMergeIT {

    private static final int ARTICLES = Integer.getInteger("heatwire.large-merge.articles", 100);
    private static final int REFERENCES = 99;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void shouldMergeTwoClustersOfTenThousandStoriesIntoTheEarliestStorysCluster() throws Exception {
        final List<byte[]> documents = new ArrayList<>(cluster("left"));
        documents.addAll(cluster("right"));
        Collections.shuffle(documents, new Random(3));
        publish(documents);
        awaitCaughtUp();
        final Map<String, JsonNode> before = compacted("heatwire.clusters");
        assertThat(before).hasSize(2);
        assertThat(before.values())
                .allSatisfy(c -> assertThat(c.path("size").asLong()).isEqualTo(ARTICLES * (REFERENCES + 1L)));

        final long start = System.nanoTime();
        publish(List.of(ArticleDocument.valid()
                .with("webUrl", "\"https://bridge.example/merge\"")
                .relatedTo(url("left", 0, 1))
                .relatedTo(url("right", 0, 1))
                .bytes()));
        awaitCaughtUp();
        final Duration merge = Duration.ofNanos(System.nanoTime() - start);

        final Map<String, JsonNode> stories = compacted("heatwire.stories");
        final String smallest = stories.entrySet().stream()
                .min(Comparator.comparing(
                                (Map.Entry<String, JsonNode> e) -> publishedAt(e.getValue()),
                                Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Map.Entry::getKey))
                .orElseThrow()
                .getKey();
        assertThat(stories).hasSize(2 * ARTICLES * (REFERENCES + 1) + 1);
        assertThat(stories.values())
                .allSatisfy(s -> assertThat(s.path("clusterId").asString()).isEqualTo(smallest));
        final Map<String, JsonNode> after = compacted("heatwire.clusters");
        assertThat(after).containsOnlyKeys(smallest);
        assertThat(after.get(smallest).path("size").asLong()).isEqualTo(stories.size());
        // compacted() drops tombstoned keys: every old id other than the survivor ended with one.
        before.keySet().stream()
                .filter(id -> !id.equals(smallest))
                .forEach(id -> assertThat(after).doesNotContainKey(id));
        System.out.printf(
                "merged 2 x %d stories in %d ms (until the outputs stood still)%n",
                ARTICLES * (REFERENCES + 1), merge.toMillis());
    }

    private static Instant publishedAt(JsonNode story) {
        final JsonNode value = story.path("publishedAt");
        return value.isString() ? Instant.parse(value.asString()) : null;
    }

    private static List<byte[]> cluster(String side) {
        final List<byte[]> documents = new ArrayList<>();
        for (int a = 0; a < ARTICLES; a++) {
            final ArticleDocument document = ArticleDocument.valid()
                    .with("webUrl", "\"" + url(side, a, 0) + "\"")
                    .with("title", "\"" + side + " " + a + "\"");
            for (int r = 1; r <= REFERENCES; r++) {
                document.relatedTo(url(side, a, r));
            }
            if (a + 1 < ARTICLES) {
                document.relatedTo(url(side, a + 1, 0));
            }
            documents.add(document.bytes());
        }
        return documents;
    }

    private static String url(String side, int article, int reference) {
        return "https://" + side + ".example/a" + article + "/r" + reference;
    }

    private void publish(List<byte[]> documents) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (byte[] document : documents) {
                producer.send(new ProducerRecord<>("heatwire.articles.raw", document));
            }
            producer.flush();
        }
    }

    private void awaitCaughtUp() {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = SummaryCommand.run(
                new String[] {
                    "--bootstrap-servers",
                    broker.getBrokersAsString(),
                    "--application-id",
                    "heatwire-large-merge",
                    "--wait-seconds",
                    "600"
                },
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    private Map<String, JsonNode> compacted(String topic) {
        return TopicContents.compacted(broker.getBrokersAsString(), topic);
    }
}
