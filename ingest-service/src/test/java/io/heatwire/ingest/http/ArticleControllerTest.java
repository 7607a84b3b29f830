package io.heatwire.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import io.heatwire.ingest.check.DocumentChecks;
import io.heatwire.ingest.config.IngestProperties;
import io.heatwire.ingest.metrics.IngestMetrics;
import io.heatwire.ingest.publish.ArticlePublisher;
import io.heatwire.ingest.publish.Published;

/** Answers that need a broker that misbehaves; {@code ArticleHttpIT} covers the rest against a real one. */
class ArticleControllerTest {

    private static final byte[] ARTICLE = "---\ntitle: a\n---\n".getBytes(StandardCharsets.UTF_8);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void shouldAnswer503WithRetryAfterWhenTheBrokerDoesNotAcknowledgeInTime() throws Exception {
        final ArticleController controller = controller("", new CompletableFuture<>());

        final ResponseEntity<Object> response = controller.publish(request(ARTICLE), null, null, null);

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("7");
        assertThat(response.getBody())
                .isInstanceOf(ArticleController.Problem.class)
                .extracting("code")
                .isEqualTo("BROKER_UNAVAILABLE");
        assertThat(registry.get("heatwire.ingest.documents")
                        .tag("channel", "http")
                        .tag("result", "failed")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void shouldAnswer503WhenTheSendFails() throws Exception {
        final ArticleController controller =
                controller("", CompletableFuture.failedFuture(new IllegalStateException("broker down")));

        final ResponseEntity<Object> response = controller.publish(request(ARTICLE), null, null, null);

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(((ArticleController.Problem) response.getBody()).reason()).contains("broker down");
    }

    @Test
    void shouldNotRequireATokenWhenNoneIsConfigured() throws Exception {
        final ArticleController controller =
                controller("", CompletableFuture.completedFuture(new Published("raw", 2, 41, "abc")));

        final ResponseEntity<Object> response = controller.publish(request(ARTICLE), null, null, null);

        assertThat(response.getStatusCode().value()).isEqualTo(202);
        assertThat(response.getBody()).isEqualTo(new ArticleController.Accepted("raw", 2, 41, "abc"));
    }

    @Test
    void shouldAcceptTheConfiguredTokenCaseInsensitiveScheme() throws Exception {
        final ArticleController controller =
                controller("t0ken", CompletableFuture.completedFuture(new Published("raw", 0, 1, "abc")));

        assertThat(controller
                        .publish(request(ARTICLE), "bearer t0ken", null, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(202);
        assertThat(controller
                        .publish(request(ARTICLE), "Bearer t0ke", null, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    private ArticleController controller(String token, CompletableFuture<Published> answer) {
        final IngestProperties properties = new IngestProperties(
                new IngestProperties.RawTopic("raw", 1, (short) 1),
                new IngestProperties.Ingest(
                        1024,
                        token,
                        new IngestProperties.Spool("", Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(1), 1),
                        new IngestProperties.Http(Duration.ofMillis(50), Duration.ofSeconds(7))));
        final ArticlePublisher publisher = new ArticlePublisher() {
            @Override
            public CompletableFuture<Published> publish(byte[] bytes, String key, String source) {
                return answer;
            }

            @Override
            public String topic() {
                return "raw";
            }
        };
        return new ArticleController(new DocumentChecks(1024), publisher, new IngestMetrics(registry), properties);
    }

    private static MockHttpServletRequest request(byte[] body) {
        final MockHttpServletRequest request = new MockHttpServletRequest("POST", ArticleController.PATH);
        request.setContent(body);
        return request;
    }
}
