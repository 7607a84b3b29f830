package io.heatwire.enrich.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import io.heatwire.enrich.metrics.PipelineMetrics;
import io.heatwire.enrich.topology.EnrichSettings;
import io.heatwire.enrich.topology.EnrichTopology;
import io.heatwire.enrich.topology.Topics;
import io.heatwire.enrich.view.QueryViews;

/**
 * Wires the topology into spring-kafka's {@code StreamsBuilderFactoryBean}; all Streams settings
 * come from {@code spring.kafka.streams.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties(EnrichProperties.class)
class StreamsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsConfiguration.class);
    private static final long SEVEN_DAYS_MS = Duration.ofDays(7).toMillis();

    @Bean
    Topics topics(EnrichProperties properties) {
        return properties.topics().topology();
    }

    /** The factory bean calls this when it creates its builder; the topology itself knows no Spring. */
    @Bean
    StreamsBuilderFactoryBeanConfigurer enrichTopology(
            Topics topics, EnrichProperties properties, MeterRegistry meterRegistry) {
        final EnrichSettings settings = properties.settings();
        final PipelineMetrics metrics = new PipelineMetrics(meterRegistry);
        return factoryBean -> factoryBean.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
            @Override
            public void configureBuilder(StreamsBuilder builder) {
                EnrichTopology.build(builder, topics, settings, metrics);
                // After the pipeline, so its sub-topologies keep their ids and state directories.
                QueryViews.build(builder, topics);
            }
        });
    }

    /**
     * Static membership under this instance's name: each stream thread's consumer joins the group as
     * {@code <name>-<thread>} (Kafka Streams adds the thread), so a restart within the session
     * timeout takes its tasks back without a rebalance. A stop closes the client within the timeout.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer instanceIdentity(EnrichProperties properties) {
        return factoryBean -> {
            final Properties streams = factoryBean.getStreamsConfiguration();
            final String stateDir = streams.getProperty(
                    StreamsConfig.STATE_DIR_CONFIG,
                    Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams")
                            .toString());
            final String name = InstanceName.resolve(properties.instance().name(), Path.of(stateDir));
            streams.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), name);
            factoryBean.setStreamsConfiguration(streams);
            factoryBean.setCloseTimeout(Math.toIntExact(
                    Math.max(1, properties.instance().closeTimeout().toSeconds())));
            LOG.info("instance name {} (group.instance.id of each stream thread: {}-<thread>)", name, name);
        };
    }

    @Bean
    StreamsStarter streamsStarter(
            StreamsBuilderFactoryBean factoryBean, KafkaAdmin kafkaAdmin, EnrichProperties properties) {
        return new StreamsStarter(
                factoryBean,
                kafkaAdmin,
                topicsToCreate(properties).stream().map(NewTopic::name).collect(Collectors.toSet()),
                properties.instance().startBackoff());
    }

    /** Existing topics keep their partitions and settings, whatever heatwire.topics.* says now. */
    @Bean
    static BeanPostProcessor createMissingTopicsOnly() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaAdmin admin) {
                    admin.setCreateOrModifyTopic(new MissingTopicsOnly(admin));
                }
                return bean;
            }
        };
    }

    /**
     * Topics that do not exist yet are created before the Streams client starts
     * ({@link StreamsStarter}). Every topic enrich-service writes accepts records up to the
     * dead-letter size, so no output it produces is refused by the broker (a refused record would
     * fail the transaction).
     */
    @Bean
    KafkaAdmin.NewTopics heatwireTopics(EnrichProperties properties) {
        return new KafkaAdmin.NewTopics(topicsToCreate(properties).toArray(NewTopic[]::new));
    }

    private static List<NewTopic> topicsToCreate(EnrichProperties properties) {
        final EnrichProperties.TopicNames t = properties.topics();
        final String maxBytes = Integer.toString(properties.deadLetters().maxRecordBytes());
        final Map<String, String> deleted = Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG,
                Long.toString(SEVEN_DAYS_MS),
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                maxBytes);
        final Map<String, String> compacted = Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                maxBytes);
        return List.of(
                topic(t, t.raw(), Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)),
                topic(t, t.dlq(), deleted),
                // Story nodes talk to each other through this topic; it is read back within moments,
                // the retention only has to outlast an outage of enrich-service.
                topic(t, t.storyEvents(), deleted),
                topic(t, t.stories(), compacted),
                topic(t, t.clusters(), compacted),
                topic(t, t.providers(), compacted),
                topic(t, t.topics(), compacted));
    }

    private static NewTopic topic(EnrichProperties.TopicNames t, String name, Map<String, String> configs) {
        return TopicBuilder.name(name)
                .partitions(t.partitions())
                .replicas(t.replicationFactor())
                .configs(configs)
                .build();
    }
}
