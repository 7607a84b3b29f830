package io.heatwire.ingest.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.heatwire.ingest.check.DocumentChecks;
import io.heatwire.ingest.metrics.IngestMetrics;
import io.heatwire.ingest.publish.ArticlePublisher;
import io.heatwire.ingest.publish.Published;

/** Spool rules with a scripted publisher; {@code SpoolIT} covers the same watcher against a broker. */
class SpoolWatcherTest {

    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final byte[] ARTICLE = "---\ntitle: a\n---\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path spool;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final ScriptedPublisher publisher = new ScriptedPublisher();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void shouldSkipHiddenAndPartialFiles() throws IOException {
        for (final String name : List.of(".hidden", "a.tmp", "b.part", "c.PARTIAL", "d.txt")) {
            writeSettled(name, ARTICLE);
        }

        watcher().poll();

        assertThat(publisher.keys).containsExactly("d.txt");
        assertThat(spool.resolve("a.tmp")).exists();
    }

    @Test
    void shouldWaitForAFileWhoseSizeChangedSinceThePreviousPollEvenWithAnOldModificationTime() throws IOException {
        final Path file = writeSettled("copy.txt", ARTICLE);
        final SpoolWatcher watcher = watcher();
        publisher.hold = true;
        watcher.poll();
        publisher.hold = false;
        publisher.keys.clear();
        // A copy that preserves the original time grows under an old mtime.
        Files.write(file, (new String(ARTICLE, StandardCharsets.UTF_8) + "more\n").getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().minus(SETTLE)));

        assertThat(watcher.poll().waiting()).isEqualTo(1);
        assertThat(publisher.keys).isEmpty();
        assertThat(watcher.poll().published()).isEqualTo(1);
    }

    @Test
    void shouldLeaveAFileInPlaceWhenTheBrokerDoesNotAcknowledgeInTime() throws IOException {
        writeSettled("a.txt", ARTICLE);
        publisher.hold = true;

        final SpoolWatcher.PollReport report = watcher().poll();

        assertThat(report.failed()).isEqualTo(1);
        assertThat(spool.resolve("a.txt")).exists();
        assertThat(spool.resolve("processed/a.txt")).doesNotExist();
        assertThat(count("failed")).isEqualTo(1);
    }

    @Test
    void shouldLeaveAFileInPlaceWhenTheSendFailsAndRetryItOnTheNextPoll() throws IOException {
        writeSettled("a.txt", ARTICLE);
        final SpoolWatcher watcher = watcher();
        publisher.failure = new IllegalStateException("broker down");

        assertThat(watcher.poll().failed()).isEqualTo(1);
        assertThat(spool.resolve("a.txt")).exists();

        publisher.failure = null;
        assertThat(watcher.poll().published()).isEqualTo(1);
        assertThat(spool.resolve("processed/a.txt")).exists();
        assertThat(publisher.keys).containsExactly("a.txt", "a.txt");
        assertThat(count("published")).isEqualTo(1);
    }

    @Test
    void shouldNotOverwriteAnEarlierFileOfTheSameNameInProcessed() throws IOException {
        final SpoolWatcher watcher = watcher();
        writeSettled("a.txt", ARTICLE);
        watcher.poll();
        final byte[] second = "---\ntitle: b\n---\n".getBytes(StandardCharsets.UTF_8);
        writeSettled("a.txt", second);
        watcher.poll();
        writeSettled("a.txt", ARTICLE);
        watcher.poll();

        assertThat(spool.resolve("processed/a.txt")).hasBinaryContent(ARTICLE);
        assertThat(spool.resolve("processed/a-1.txt")).hasBinaryContent(second);
        assertThat(spool.resolve("processed/a-2.txt")).exists();
    }

    @Test
    void shouldNotOverwriteAnEarlierRejectOfTheSameNameInError() throws IOException {
        final SpoolWatcher watcher = watcher();
        writeSettled("bad", new byte[0]);
        watcher.poll();
        writeSettled("bad", "prose\n".getBytes(StandardCharsets.UTF_8));
        watcher.poll();

        assertThat(spool.resolve("error/bad.error")).content().contains("code: EMPTY");
        assertThat(spool.resolve("error/bad-1")).hasContent("prose\n");
        assertThat(spool.resolve("error/bad-1.error")).content().contains("code: NOT_A_DOCUMENT");
        assertThat(publisher.keys).isEmpty();
    }

    @Test
    void shouldPublishAtMostTheConfiguredNumberOfFilesPerPoll() throws IOException {
        for (int i = 0; i < 5; i++) {
            writeSettled("f" + i + ".txt", ARTICLE);
        }
        final SpoolWatcher watcher = new SpoolWatcher(
                spool,
                SETTLE,
                Duration.ofMillis(50),
                2,
                new DocumentChecks(1024),
                publisher,
                new IngestMetrics(registry),
                clock);

        final SpoolWatcher.PollReport report = watcher.poll();

        assertThat(report.published()).isEqualTo(2);
        assertThat(report.waiting()).isEqualTo(3);
        assertThat(publisher.keys).containsExactly("f0.txt", "f1.txt");
    }

    @Test
    void shouldReportTheFilesLeftWaitingAndTheAgeOfTheOldest() throws IOException {
        final SpoolWatcher watcher = new SpoolWatcher(
                spool,
                SETTLE,
                Duration.ofMillis(50),
                100,
                new DocumentChecks(1024),
                publisher,
                new IngestMetrics(registry, clock),
                clock);
        assertThat(backlogFiles()).as("before the first poll").isZero();
        assertThat(oldestAgeSeconds()).isZero();

        final Path stuck = writeSettled("stuck.txt", ARTICLE);
        Files.setLastModifiedTime(stuck, FileTime.from(clock.instant().minusSeconds(30)));
        final Path fresh = Files.write(spool.resolve("fresh.txt"), ARTICLE); // not settled yet
        Files.setLastModifiedTime(fresh, FileTime.from(clock.instant()));
        publisher.failure = new IllegalStateException("broker down");
        watcher.poll();

        assertThat(backlogFiles()).as("the failed send and the unsettled file").isEqualTo(2);
        assertThat(oldestAgeSeconds()).isEqualTo(30);
        clock.advance(Duration.ofSeconds(15));
        assertThat(oldestAgeSeconds()).as("grows between polls").isEqualTo(45);

        publisher.failure = null;
        watcher.poll();
        assertThat(backlogFiles()).as("both published").isZero();
        assertThat(oldestAgeSeconds()).isZero();
    }

    private double backlogFiles() {
        return registry.get(IngestMetrics.SPOOL_BACKLOG).gauge().value();
    }

    private double oldestAgeSeconds() {
        return registry.get(IngestMetrics.SPOOL_OLDEST_AGE).gauge().value();
    }

    private SpoolWatcher watcher() {
        return new SpoolWatcher(
                spool,
                SETTLE,
                Duration.ofMillis(50),
                100,
                new DocumentChecks(1024),
                publisher,
                new IngestMetrics(registry),
                clock);
    }

    private Path writeSettled(String name, byte[] bytes) throws IOException {
        final Path file = Files.write(spool.resolve(name), bytes);
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().minus(SETTLE)));
        return file;
    }

    private double count(String result) {
        return registry.get(IngestMetrics.DOCUMENTS)
                .tag("channel", "spool")
                .tag("result", result)
                .counter()
                .count();
    }

    /** Acknowledges at once, fails, or never answers, as the test says. */
    private static final class ScriptedPublisher implements ArticlePublisher {

        final List<String> keys = new ArrayList<>();
        RuntimeException failure;
        boolean hold;

        @Override
        public CompletableFuture<Published> publish(byte[] bytes, String key, String source) {
            keys.add(key);
            if (hold) {
                return new CompletableFuture<>();
            }
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            return CompletableFuture.completedFuture(new Published(topic(), 0, keys.size() - 1L, "sha"));
        }

        @Override
        public String topic() {
            return "raw";
        }
    }
}
