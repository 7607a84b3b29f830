package io.heatwire.enrich.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Starts the Streams client once the broker answers and the missing topics exist, on a thread of
 * its own. Started without them, Kafka Streams would fail on its missing source topics, and
 * {@link KafkaAdmin} alone tries once, at start-up, while the HTTP server is not up yet. Meanwhile
 * the service runs and answers its probes: readiness is false, since the client has not started.
 */
final class StreamsStarter implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsStarter.class);
    /** Attempts after the first that are logged: one a minute or so, not one every backoff. */
    private static final int LOG_EVERY = 30;

    private final StreamsBuilderFactoryBean factoryBean;
    private final KafkaAdmin kafkaAdmin;
    private final Set<String> topics;
    private final Duration backoff;
    private volatile Thread starter;

    /** {@code topics}: those enrich-service creates when missing; Kafka Streams starts once all exist. */
    StreamsStarter(StreamsBuilderFactoryBean factoryBean, KafkaAdmin kafkaAdmin, Set<String> topics, Duration backoff) {
        this.factoryBean = factoryBean;
        this.kafkaAdmin = kafkaAdmin;
        this.topics = Set.copyOf(topics);
        this.backoff = backoff;
        // This bean starts the client; the factory bean's own start-up would not wait for the broker.
        factoryBean.setAutoStartup(false);
        kafkaAdmin.setAutoCreate(false);
    }

    @Override
    public synchronized void start() {
        if (starter == null) {
            starter = new Thread(this::startWhenTheBrokerAnswers, "heatwire-streams-starter");
            starter.setDaemon(true);
            starter.start();
        }
    }

    private void startWhenTheBrokerAnswers() {
        try (Admin admin = Admin.create(probeConfig())) {
            for (int attempt = 1; !Thread.currentThread().isInterrupted(); attempt++) {
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(probeMillis()))
                            .clusterId()
                            .get(probeMillis(), TimeUnit.MILLISECONDS);
                    // Creates the missing topics; says false both when it could not and when none was missing.
                    kafkaAdmin.initialize();
                    final Set<String> missing = new TreeSet<>(topics);
                    missing.removeAll(admin.listTopics().names().get(probeMillis(), TimeUnit.MILLISECONDS));
                    if (missing.isEmpty()) {
                        factoryBean.start();
                        LOG.info(
                                "the broker answered and the topics exist: Kafka Streams started (attempt {})",
                                attempt);
                        return;
                    }
                    throw new IllegalStateException("topics still missing: " + missing);
                } catch (ExecutionException | TimeoutException | RuntimeException e) {
                    if (attempt == 1 || attempt % LOG_EVERY == 0) {
                        LOG.warn(
                                "waiting for the broker before Kafka Streams starts (attempt {}, again every {}): {}",
                                attempt,
                                backoff,
                                e instanceof ExecutionException ? e.getCause().toString() : e.toString());
                    }
                }
                TimeUnit.MILLISECONDS.sleep(backoff.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Object> probeConfig() {
        final Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "heatwire-enrich-starter");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, probeMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, probeMillis());
        // One attempt to connect per backoff: the client's default 50 ms would log a failure
        // (with its stack) many times a second while the broker is down.
        final long millis = backoff.toMillis();
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, millis);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, millis);
        config.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, millis);
        config.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, millis);
        return config;
    }

    /** One probe of the broker: long enough for a slow answer, short enough to notice it is back. */
    private int probeMillis() {
        return (int) Math.max(5000, backoff.toMillis());
    }

    /** Stops waiting; the factory bean stops a started client itself, in its phase, just after this. */
    @Override
    public void stop() {
        final Thread thread;
        synchronized (this) {
            thread = starter;
            starter = null;
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return starter != null;
    }

    /** Just after the factory bean's phase: started after it (which does not start itself), stopped before it. */
    @Override
    public int getPhase() {
        return factoryBean.getPhase() + 1;
    }
}
