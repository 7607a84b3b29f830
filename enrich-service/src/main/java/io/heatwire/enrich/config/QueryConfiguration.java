package io.heatwire.enrich.config;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;

import io.heatwire.enrich.api.ApiSettings;
import io.heatwire.enrich.api.HttpPeers;
import io.heatwire.enrich.query.KafkaStreamsViews;
import io.heatwire.enrich.query.LocalViews;
import io.heatwire.enrich.query.OwnerRouter;
import io.heatwire.enrich.query.Queries;
import io.heatwire.enrich.query.UnavailableException;
import io.heatwire.enrich.topology.Topics;
import io.heatwire.enrich.view.QueryViews;

/**
 * The query API: this instance's views, its peers, and where the others reach it. The HTTP server
 * starts before the Streams client (an earlier lifecycle phase), so the port it got, even a random
 * one, is advertised as {@code application.server}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueryProperties.class)
class QueryConfiguration {

    /** This instance as the others reach it: unknown (port -1) until the HTTP server has started. */
    private final AtomicReference<HostInfo> self = new AtomicReference<>(new HostInfo("unknown", -1));

    @Bean
    ApplicationListener<WebServerInitializedEvent> advertiseQueryServer(
            StreamsBuilderFactoryBean factoryBean, QueryProperties properties) {
        return event -> {
            if (event.getApplicationContext().getServerNamespace() != null) {
                return;
            }
            final HostInfo host = new HostInfo(
                    properties.advertisedHost(), event.getWebServer().getPort());
            self.set(host);
            final Properties streams = factoryBean.getStreamsConfiguration();
            streams.put(StreamsConfig.APPLICATION_SERVER_CONFIG, host.host() + ":" + host.port());
            factoryBean.setStreamsConfiguration(streams);
        };
    }

    @Bean
    LocalViews localViews(StreamsBuilderFactoryBean factoryBean, Topics topics, KafkaAdmin admin) {
        final Map<String, Integer> partitions = new ConcurrentHashMap<>();
        return new KafkaStreamsViews(
                factoryBean::getKafkaStreams,
                self::get,
                store -> partitions.computeIfAbsent(QueryViews.sourceTopic(topics, store), topic -> {
                    try {
                        return admin.describeTopics(topic)
                                .get(topic)
                                .partitions()
                                .size();
                    } catch (RuntimeException e) {
                        throw new UnavailableException("cannot describe " + topic + ": " + e.getMessage());
                    }
                }));
    }

    @Bean
    Queries queries(LocalViews views, QueryProperties properties, MeterRegistry meters) {
        // Daemon threads, idle ones end after a minute: the pool needs no shutdown.
        final ExecutorService fanOut = Executors.newCachedThreadPool(runnable -> {
            final Thread thread = new Thread(runnable, "query-fan-out");
            thread.setDaemon(true);
            return thread;
        });
        return new Queries(new OwnerRouter(
                views,
                new HttpPeers(properties.peerTimeout(), meters),
                new OwnerRouter.Retries(properties.attempts(), properties.retryPause()),
                fanOut));
    }

    @Bean
    ApiSettings apiSettings(QueryProperties properties) {
        return new ApiSettings(properties.retryAfter());
    }
}
