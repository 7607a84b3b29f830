package io.heatwire.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.heatwire.ingest.check.DocumentChecks;
import io.heatwire.ingest.metrics.IngestMetrics;

/** Broker failures the command must report; {@code PublishCommandIT} covers the happy paths on a broker. */
class PublishCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldStopSendingAfterASendFailsAtOnceAndReportEveryFileAsFailed() throws Exception {
        for (int i = 0; i < 3; i++) {
            Files.writeString(dir.resolve("f" + i + ".txt"), "---\ntitle: a\n---\n");
        }
        final AtomicInteger sends = new AtomicInteger();
        final ArticlePublisher unreachable = new ArticlePublisher() {
            @Override
            public CompletableFuture<Published> publish(byte[] bytes, String key, String source) {
                sends.incrementAndGet();
                return CompletableFuture.failedFuture(
                        new TimeoutException("Topic heatwire.articles.raw not present in metadata after 60000 ms."));
            }

            @Override
            public String topic() {
                return "heatwire.articles.raw";
            }
        };
        final PublishCommand command =
                new PublishCommand(new DocumentChecks(1024), unreachable, new IngestMetrics(new SimpleMeterRegistry()));
        final ByteArrayOutputStream output = new ByteArrayOutputStream();

        final PublishSummary summary = command.execute(
                PublishRequest.from("publish", dir.toString()),
                new PrintStream(output, true, StandardCharsets.UTF_8),
                false);

        assertThat(sends).hasValue(1);
        assertThat(summary.exitCode()).isEqualTo(PublishSummary.EXIT_INCOMPLETE);
        assertThat(summary.failed()).hasSize(3);
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("failed " + dir.resolve("f0.txt") + ": not acknowledged by the broker: TimeoutException")
                .contains("failed " + dir.resolve("f2.txt") + ": not sent: not acknowledged")
                .contains("published 0, rejected 0, failed 3, 0 bytes");
    }

    @Test
    void shouldPublishTheFilesTheGlobSelectsWhicheverWayItIsSpelled() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "---\ntitle: a\n---\n");
        Files.writeString(dir.resolve("b.md"), "---\ntitle: b\n---\n");
        for (final List<String> args : List.of(
                List.of("publish", "--glob", "*.txt", dir.toString()),
                List.of("publish", "--glob=*.txt", dir.toString()))) {
            final List<String> sources = new ArrayList<>();
            final ArticlePublisher recording = new ArticlePublisher() {
                @Override
                public CompletableFuture<Published> publish(byte[] bytes, String key, String source) {
                    sources.add(source);
                    return CompletableFuture.completedFuture(new Published(topic(), 0, sources.size(), "sha"));
                }

                @Override
                public String topic() {
                    return "heatwire.articles.raw";
                }
            };
            final PublishCommand command = new PublishCommand(
                    new DocumentChecks(1024), recording, new IngestMetrics(new SimpleMeterRegistry()));

            final PublishSummary summary = command.execute(
                    PublishRequest.from(args.toArray(String[]::new)),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    false);

            assertThat(summary.exitCode()).as("%s", args).isEqualTo(PublishSummary.EXIT_OK);
            assertThat(sources)
                    .as("%s", args)
                    .containsExactly(dir.resolve("a.txt").toAbsolutePath().toString());
        }
    }
}
