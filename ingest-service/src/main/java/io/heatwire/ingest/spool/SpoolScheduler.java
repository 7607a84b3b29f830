package io.heatwire.ingest.spool;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Polls the spool directory at a fixed delay on one thread of its own, from start to shutdown. */
public final class SpoolScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SpoolScheduler.class);

    private final SpoolWatcher watcher;
    private final Duration pollInterval;
    private final Duration stopTimeout;
    private ScheduledExecutorService executor;

    public SpoolScheduler(SpoolWatcher watcher, Duration pollInterval, Duration stopTimeout) {
        this.watcher = watcher;
        this.pollInterval = pollInterval;
        this.stopTimeout = stopTimeout;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            final Thread thread = new Thread(task, "heatwire-spool");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::pollOnce, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Never lets an exception escape: a scheduled task that throws is never run again. */
    private void pollOnce() {
        try {
            watcher.poll();
        } catch (Exception e) {
            log.error("Polling spool directory {} failed; retrying in {}", watcher.directory(), pollInterval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            // A poll in progress waits at most its send timeout; let it finish and move its files.
            if (!executor.awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
