package io.heatwire.ingest.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import io.heatwire.ingest.EmbeddedBrokerTestSupport;
import io.heatwire.ingest.RawTopicProbe;
import io.heatwire.ingest.check.DocumentChecks;
import io.heatwire.ingest.metrics.IngestMetrics;
import io.heatwire.ingest.publish.ArticlePublisher;
import io.heatwire.ingest.publish.KafkaArticlePublisher;
import io.heatwire.support.contract.RawRecordHeaders;

/** The spool watcher against the real broker; the test drives polls and the clock itself. */
class SpoolIT extends EmbeddedBrokerTestSupport {

    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Path SEEDS = Path.of("..", "seeds");

    @Autowired
    DocumentChecks checks;

    @Autowired
    ArticlePublisher publisher;

    @Autowired
    IngestMetrics metrics;

    @TempDir
    Path spool;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));

    @Test
    void shouldPublishSettledFilesAndMoveThemToProcessedOnceAcknowledged() throws IOException {
        final byte[] article = seed(0);
        writeSettled("a.txt", article);
        final Map<TopicPartition, Long> mark = rawTopic.mark();

        final SpoolWatcher.PollReport report =
                watcher(SpoolDirectories::moveWithoutOverwrite).poll();

        assertThat(report.published()).isEqualTo(1);
        assertThat(spool.resolve("a.txt")).doesNotExist();
        assertThat(spool.resolve("processed/a.txt")).hasBinaryContent(article);
        final List<ConsumerRecord<String, byte[]>> records = rawTopic.awaitRecords(mark, 1);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("a.txt");
            assertThat(record.value()).isEqualTo(article);
            assertThat(RawTopicProbe.header(record, RawRecordHeaders.CONTENT_SHA256))
                    .isEqualTo(KafkaArticlePublisher.sha256Hex(article));
        });
    }

    @Test
    void shouldMoveFilesFailingTheChecksToErrorWithAnErrorFile() throws IOException {
        writeSettled("binary.dat", new byte[] {'-', '-', '-', '\n', 0, 1, 2});
        writeSettled("list.txt", "- one\n- two\n".getBytes(StandardCharsets.UTF_8));
        final Map<TopicPartition, Long> mark = rawTopic.mark();

        final SpoolWatcher.PollReport report =
                watcher(SpoolDirectories::moveWithoutOverwrite).poll();

        assertThat(report.rejected()).isEqualTo(2);
        assertThat(spool.resolve("error/binary.dat")).exists();
        assertThat(spool.resolve("error/binary.dat.error"))
                .content()
                .contains("code: BINARY")
                .contains("control byte 0x00 at offset 4");
        assertThat(spool.resolve("error/list.txt.error")).content().contains("code: NOT_A_DOCUMENT");
        assertThat(rawTopic.mark()).isEqualTo(mark);
    }

    @Test
    void shouldNotPickUpAFileStillBeingWrittenUntilItSettles() throws IOException {
        final Path file = Files.write(spool.resolve("growing.txt"), seed(2));
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        final SpoolWatcher watcher = watcher(SpoolDirectories::moveWithoutOverwrite);
        final Map<TopicPartition, Long> mark = rawTopic.mark();

        assertThat(watcher.poll().waiting()).isEqualTo(1);
        clock.advance(SETTLE.minusMillis(1));
        assertThat(watcher.poll().waiting()).isEqualTo(1);
        assertThat(file).exists();
        assertThat(rawTopic.mark()).isEqualTo(mark);

        clock.advance(Duration.ofMillis(1));
        assertThat(watcher.poll().published()).isEqualTo(1);
        assertThat(spool.resolve("processed/growing.txt")).exists();
        assertThat(rawTopic.awaitRecords(mark, 1))
                .extracting(ConsumerRecord::key)
                .containsExactly("growing.txt");
    }

    @Test
    void shouldSendAgainAfterACrashBetweenSendAndMoveAndLoseNothing() throws IOException {
        final byte[] article = seed(3);
        writeSettled("crash.txt", article);
        final Map<TopicPartition, Long> mark = rawTopic.mark();
        final SpoolWatcher crashing = watcher((file, directory) -> {
            throw new IOException("process killed before the move");
        });

        crashing.poll();
        assertThat(rawTopic.awaitRecords(mark, 1)).hasSize(1);
        assertThat(spool.resolve("crash.txt")).exists();

        final SpoolWatcher restarted = watcher(SpoolDirectories::moveWithoutOverwrite);
        assertThat(restarted.poll().published()).isEqualTo(1);

        assertThat(spool.resolve("crash.txt")).doesNotExist();
        assertThat(spool.resolve("processed/crash.txt")).hasBinaryContent(article);
        assertThat(rawTopic.awaitRecords(mark, 2)).hasSize(2).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo("crash.txt");
            assertThat(record.value()).isEqualTo(article);
        });
    }

    private SpoolWatcher watcher(SpoolDirectories.Mover mover) {
        return new SpoolWatcher(spool, SETTLE, Duration.ofSeconds(15), 100, checks, publisher, metrics, clock, mover);
    }

    private Path writeSettled(String name, byte[] bytes) throws IOException {
        final Path file = Files.write(spool.resolve(name), bytes);
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().minus(SETTLE)));
        return file;
    }

    private static byte[] seed(int index) throws IOException {
        try (Stream<Path> files = Files.list(SEEDS)) {
            return Files.readAllBytes(files.sorted().toList().get(index));
        }
    }
}
