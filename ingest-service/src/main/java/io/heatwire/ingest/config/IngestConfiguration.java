package io.heatwire.ingest.config;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

import io.heatwire.ingest.check.DocumentChecks;
import io.heatwire.ingest.metrics.IngestMetrics;
import io.heatwire.ingest.publish.ArticlePublisher;
import io.heatwire.ingest.publish.KafkaArticlePublisher;
import io.heatwire.ingest.publish.PublishCommand;

/** The pieces every mode shares: checks, the publisher, metrics and the raw topic. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestConfiguration {

    /** Spring's KafkaAdmin creates the raw topic at start-up when it is missing. */
    @Bean
    NewTopic rawTopic(IngestProperties properties) {
        final IngestProperties.RawTopic topics = properties.topics();
        return TopicBuilder.name(topics.raw())
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
                .build();
    }

    @Bean
    DocumentChecks documentChecks(IngestProperties properties) {
        return new DocumentChecks(properties.ingest().maxDocumentBytes());
    }

    @Bean
    IngestMetrics ingestMetrics(MeterRegistry registry) {
        return new IngestMetrics(registry);
    }

    @Bean
    KafkaArticlePublisher articlePublisher(KafkaTemplate<String, byte[]> kafkaTemplate, IngestProperties properties) {
        return new KafkaArticlePublisher(kafkaTemplate, properties.topics().raw(), Clock.systemUTC());
    }

    @Bean
    PublishCommand publishCommand(DocumentChecks checks, ArticlePublisher publisher, IngestMetrics metrics) {
        return new PublishCommand(checks, publisher, metrics);
    }
}
