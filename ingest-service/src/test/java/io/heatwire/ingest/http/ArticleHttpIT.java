package io.heatwire.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import io.heatwire.ingest.EmbeddedBrokerTestSupport;
import io.heatwire.ingest.RawTopicProbe;
import io.heatwire.ingest.publish.KafkaArticlePublisher;
import io.heatwire.support.contract.RawRecordHeaders;

class ArticleHttpIT extends EmbeddedBrokerTestSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    @Test
    void shouldAnswer202WithTheOffsetOfTheRecordOnTheTopic() throws Exception {
        final byte[] article = seed();
        final Map<TopicPartition, Long> mark = rawTopic.mark();

        final HttpResponse<String> response = post(
                HttpRequest.BodyPublishers.ofByteArray(article),
                "Authorization",
                "Bearer " + TOKEN,
                "X-Source-Id",
                "crawler-7/story-1",
                "X-Source",
                "https://crawler.example/7",
                "Content-Type",
                "text/plain; charset=UTF-8");

        assertThat(response.statusCode()).isEqualTo(202);
        final JsonNode body = json.readTree(response.body());
        final List<ConsumerRecord<String, byte[]>> records = rawTopic.awaitRecords(mark, 1);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(body.get("topic").asString()).isEqualTo(record.topic());
            assertThat(body.get("partition").asInt()).isEqualTo(record.partition());
            assertThat(body.get("offset").asLong()).isEqualTo(record.offset());
            assertThat(body.get("contentSha256").asString()).isEqualTo(KafkaArticlePublisher.sha256Hex(article));
            assertThat(record.key()).isEqualTo("crawler-7/story-1");
            assertThat(record.value()).isEqualTo(article);
            assertThat(RawTopicProbe.header(record, RawRecordHeaders.SOURCE)).isEqualTo("https://crawler.example/7");
        });
    }

    @Test
    void shouldAnswer413BeforeReadingWhenContentLengthIsOverTheLimit() throws IOException {
        // Only the headers are sent: a 413 proves the body was never waited for.
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            final OutputStream out = socket.getOutputStream();
            out.write(("POST /api/articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                            + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 2097152\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            final String statusLine = readLine(socket.getInputStream());
            assertThat(statusLine).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void shouldAnswer413ForAStreamedBodyOverTheLimit() throws Exception {
        final byte[] tooBig = new byte[(int) properties.ingest().maxDocumentBytes() + 100];
        final HttpResponse<String> response = post(
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooBig)),
                "Authorization",
                "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("TOO_LARGE");
    }

    @Test
    void shouldAnswer400WithCodeAndReasonForADocumentFailingTheChecks() throws Exception {
        final Map<TopicPartition, Long> mark = rawTopic.mark();

        final HttpResponse<String> response = post(
                HttpRequest.BodyPublishers.ofByteArray("just some prose\n".getBytes(StandardCharsets.UTF_8)),
                "Authorization",
                "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        final JsonNode body = json.readTree(response.body());
        assertThat(body.get("code").asString()).isEqualTo("NOT_A_DOCUMENT");
        assertThat(body.get("reason").asString()).contains("line 1").contains("'---'");
        assertThat(rawTopic.mark()).isEqualTo(mark);
    }

    @Test
    void shouldAnswer401WithoutOrWithAWrongBearerToken() throws Exception {
        final Map<TopicPartition, Long> mark = rawTopic.mark();
        final HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofByteArray(seed());

        final HttpResponse<String> missing = post(body);
        final HttpResponse<String> wrong = post(body, "Authorization", "Bearer " + TOKEN + "x");
        final HttpResponse<String> notBearer = post(body, "Authorization", "Basic " + TOKEN);

        assertThat(List.of(missing, wrong, notBearer)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        });
        assertThat(rawTopic.mark()).isEqualTo(mark);
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body, String... headers)
            throws IOException, InterruptedException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/articles"))
                .timeout(TIMEOUT)
                .POST(body);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String readLine(InputStream in) throws IOException {
        final StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static byte[] seed() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "seeds"))) {
            return Files.readAllBytes(files.sorted().toList().get(4));
        }
    }
}
