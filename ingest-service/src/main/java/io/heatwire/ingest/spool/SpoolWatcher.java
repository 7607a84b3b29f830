package io.heatwire.ingest.spool;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.heatwire.ingest.check.CheckResult;
import io.heatwire.ingest.check.DocumentChecks;
import io.heatwire.ingest.check.Rejection;
import io.heatwire.ingest.metrics.Channel;
import io.heatwire.ingest.metrics.IngestMetrics;
import io.heatwire.ingest.publish.ArticlePublisher;
import io.heatwire.ingest.publish.Published;
import io.heatwire.ingest.publish.SendFailures;

/**
 * Publishes the files dropped into a spool directory. A file leaves the directory only after the
 * broker acknowledged it (to {@code processed/}) or the cheap checks refused it (to {@code error/});
 * a crash in between sends it again on the next start, so nothing is lost (at-least-once).
 *
 * <p>One watcher per directory: two processes polling the same directory would both send a file.
 */
public final class SpoolWatcher {

    private static final Logger log = LoggerFactory.getLogger(SpoolWatcher.class);

    /** Names writers use while a file is incomplete; they rename it when done. */
    private static final List<String> PARTIAL_SUFFIXES = List.of(".tmp", ".part", ".partial");

    /**
     * What one poll did.
     *
     * @param waiting files left for a later poll: not settled yet, or over the per-poll limit
     */
    public record PollReport(int published, int rejected, int failed, int waiting) {}

    private record Observation(long size, Instant modified) {}

    private record Pending(Path file, int size, CompletableFuture<Published> ack) {}

    private final Path dir;
    private final Path processedDir;
    private final Path errorDir;
    private final Duration settleTime;
    private final Duration sendTimeout;
    private final int maxFilesPerPoll;
    private final DocumentChecks checks;
    private final ArticlePublisher publisher;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final SpoolDirectories.Mover mover;
    private Map<Path, Observation> lastSeen = new HashMap<>();

    public SpoolWatcher(
            Path dir,
            Duration settleTime,
            Duration sendTimeout,
            int maxFilesPerPoll,
            DocumentChecks checks,
            ArticlePublisher publisher,
            IngestMetrics metrics,
            Clock clock) {
        this(
                dir,
                settleTime,
                sendTimeout,
                maxFilesPerPoll,
                checks,
                publisher,
                metrics,
                clock,
                SpoolDirectories::moveWithoutOverwrite);
    }

    SpoolWatcher(
            Path dir,
            Duration settleTime,
            Duration sendTimeout,
            int maxFilesPerPoll,
            DocumentChecks checks,
            ArticlePublisher publisher,
            IngestMetrics metrics,
            Clock clock,
            SpoolDirectories.Mover mover) {
        this.dir = dir;
        this.processedDir = dir.resolve(SpoolDirectories.PROCESSED);
        this.errorDir = dir.resolve(SpoolDirectories.ERROR);
        this.settleTime = settleTime;
        this.sendTimeout = sendTimeout;
        this.maxFilesPerPoll = maxFilesPerPoll;
        this.checks = checks;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.mover = mover;
    }

    public Path directory() {
        return dir;
    }

    /** Publishes the settled files; waits at most the send timeout for the broker. */
    public synchronized PollReport poll() throws IOException {
        Files.createDirectories(processedDir);
        Files.createDirectories(errorDir);
        final List<Path> ready = settledFiles();
        final int candidates = lastSeen.size();
        int rejected = 0;
        int failed = 0;
        final List<Pending> pending = new ArrayList<>();
        for (final Path file : ready.subList(0, Math.min(ready.size(), maxFilesPerPoll))) {
            final CheckResult result;
            try {
                result = checks.read(file);
            } catch (IOException e) {
                log.warn("Cannot read spool file {}, will retry: {}", file.getFileName(), e.toString());
                metrics.failed(Channel.SPOOL, 0);
                failed++;
                continue;
            }
            if (result instanceof CheckResult.Rejected) {
                reject(file, ((CheckResult.Rejected) result).rejection());
                rejected++;
                continue;
            }
            final byte[] bytes = ((CheckResult.Accepted) result).bytes();
            final String key = file.getFileName().toString();
            pending.add(new Pending(
                    file,
                    bytes.length,
                    publisher.publish(
                            bytes, key, file.toAbsolutePath().normalize().toString())));
        }
        final int published = awaitAndMove(pending);
        failed += pending.size() - published;
        final int handled = Math.min(ready.size(), maxFilesPerPoll);
        // What is left: moved files were forgotten, so lastSeen holds exactly the files still waiting.
        metrics.spoolBacklog(
                lastSeen.size(),
                lastSeen.values().stream()
                        .map(Observation::modified)
                        .min(Comparator.naturalOrder())
                        .orElse(null));
        return new PollReport(published, rejected, failed, candidates - handled);
    }

    /**
     * Files whose size and modification time have been stable for the settle time: the modification
     * time is at least that old and nothing changed since the previous poll (a copy that preserves
     * the original time is still caught growing).
     */
    private List<Path> settledFiles() throws IOException {
        final Instant now = clock.instant();
        final Map<Path, Observation> seen = new HashMap<>();
        final List<Path> ready = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (final Path file : entries) {
                final String name = file.getFileName().toString();
                if (!isCandidate(name)) {
                    continue;
                }
                final BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException vanished) {
                    continue;
                }
                if (!attributes.isRegularFile()) {
                    continue;
                }
                final Observation observation = new Observation(
                        attributes.size(), attributes.lastModifiedTime().toInstant());
                final Observation previous = lastSeen.get(file);
                seen.put(file, observation);
                final boolean unchanged = previous == null || previous.equals(observation);
                if (unchanged && !observation.modified().plus(settleTime).isAfter(now)) {
                    ready.add(file);
                }
            }
        }
        lastSeen = seen;
        ready.sort(Comparator.comparing(Path::getFileName));
        return ready;
    }

    static boolean isCandidate(String name) {
        if (name.startsWith(".")) {
            return false;
        }
        final String lower = name.toLowerCase(Locale.ROOT);
        return PARTIAL_SUFFIXES.stream().noneMatch(lower::endsWith);
    }

    private void reject(Path file, Rejection rejection) {
        long size = 0;
        try {
            size = Files.size(file);
            final Path moved = mover.move(file, errorDir);
            forget(file);
            SpoolDirectories.writeErrorFile(moved, rejection, clock.instant());
            log.warn(
                    "Rejected spool file {} (moved to {}/): {}", file.getFileName(), SpoolDirectories.ERROR, rejection);
        } catch (IOException e) {
            log.error(
                    "Rejected spool file {} ({}) but could not move it to {}/: {}",
                    file.getFileName(),
                    rejection,
                    SpoolDirectories.ERROR,
                    e.toString());
        }
        metrics.rejected(Channel.SPOOL, rejection.code(), size);
    }

    /** A new file under the same name is a new file, not a change to this one. */
    private void forget(Path file) {
        lastSeen.remove(file);
    }

    /** Waits for the acknowledgements against one deadline, so a dead broker costs one timeout per poll. */
    private int awaitAndMove(List<Pending> pending) {
        final long deadline = System.nanoTime() + sendTimeout.toNanos();
        int published = 0;
        for (final Pending send : pending) {
            final String name = send.file().getFileName().toString();
            try {
                send.ack().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("Interrupted waiting for the broker; {} stays in the spool", name);
                metrics.failed(Channel.SPOOL, send.size());
                continue;
            } catch (TimeoutException e) {
                log.warn(
                        "No acknowledgement for spool file {} within {}; it stays for the next poll",
                        name,
                        sendTimeout);
                metrics.failed(Channel.SPOOL, send.size());
                continue;
            } catch (ExecutionException e) {
                log.warn("Spool file {} {}; it stays for the next poll", name, SendFailures.describe(e));
                metrics.failed(Channel.SPOOL, send.size());
                continue;
            }
            published++;
            metrics.published(Channel.SPOOL, send.size());
            try {
                mover.move(send.file(), processedDir);
                forget(send.file());
            } catch (IOException e) {
                // Already on the topic: leaving it here means one more send, never a lost document.
                log.error(
                        "Published spool file {} but could not move it to {}/; it will be sent again: {}",
                        name,
                        SpoolDirectories.PROCESSED,
                        e.toString());
            }
        }
        return published;
    }
}
