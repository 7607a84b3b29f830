package io.heatwire.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class BrokerHealthIndicatorTest {

    @Test
    void shouldReportDownWithinTheTimeoutWhenNoBrokerListens() throws IOException {
        final int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        final BrokerHealthIndicator indicator = new BrokerHealthIndicator(
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port),
                "health-test",
                Duration.ofMillis(500));
        try {
            final long start = System.nanoTime();
            final Health health = indicator.health();
            final Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("timeout", "PT0.5S");
            assertThat(took).isLessThan(Duration.ofSeconds(5));
        } finally {
            indicator.destroy();
        }
    }
}
