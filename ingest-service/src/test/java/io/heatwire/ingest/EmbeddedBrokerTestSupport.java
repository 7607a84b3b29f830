package io.heatwire.ingest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.heatwire.ingest.config.IngestProperties;

/**
 * One real (KRaft) broker and one application context for every broker test of this module: the
 * annotations are identical for all subclasses, so Spring's test context cache starts them once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "heatwire.topics.partitions=3",
            "heatwire.ingest.token=" + EmbeddedBrokerTestSupport.TOKEN,
            "heatwire.ingest.http.send-timeout=15s"
        })
@EmbeddedKafka
public abstract class EmbeddedBrokerTestSupport {

    public static final String TOKEN = "s3cret-test-token";

    @Autowired
    protected EmbeddedKafkaBroker broker;

    @Autowired
    protected IngestProperties properties;

    protected RawTopicProbe rawTopic;

    @BeforeEach
    void openProbe() {
        rawTopic = new RawTopicProbe(
                broker.getBrokersAsString(), properties.topics().raw());
    }

    @AfterEach
    void closeProbe() {
        rawTopic.close();
    }
}
