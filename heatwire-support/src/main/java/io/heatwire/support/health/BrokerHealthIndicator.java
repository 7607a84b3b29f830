package io.heatwire.support.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP when the broker answers a cluster description within the probe timeout. Both services'
 * readiness includes it: without a broker, ingest-service's documents would wait out their send
 * timeout and fail, and enrich-service's Streams client stays RUNNING while it only retries, so
 * its state alone would not tell.
 */
public final class BrokerHealthIndicator implements HealthIndicator, DisposableBean {

    private final Map<String, Object> adminConfig;
    private final Duration timeout;
    private Admin admin;

    public BrokerHealthIndicator(Map<String, Object> kafkaAdminConfig, String clientId, Duration timeout) {
        final Map<String, Object> config = new HashMap<>(kafkaAdminConfig);
        final int millis = Math.toIntExact(timeout.toMillis());
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        // A probe has to answer within its timeout, not after the client's default minute of retries.
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, millis);
        // Notice a restarted broker within a second rather than after the default backoff.
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        this.adminConfig = Map.copyOf(config);
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        try {
            final DescribeClusterResult cluster = admin().describeCluster(
                            new DescribeClusterOptions().timeoutMs(Math.toIntExact(timeout.toMillis())));
            final String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            final int nodes = cluster.nodes()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .size();
            return Health.up()
                    .withDetail("clusterId", clusterId)
                    .withDetail("nodes", nodes)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause())
                    .withDetail("timeout", timeout.toString())
                    .build();
        } catch (TimeoutException e) {
            return Health.down(e).withDetail("timeout", timeout.toString()).build();
        }
    }

    /** One client for all probes, created on the first: a one-shot command line never probes. */
    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ZERO);
            admin = null;
        }
    }
}
