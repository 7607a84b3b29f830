package io.heatwire.systemtests;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Publishes documents through a running ingest-service as crawlers would: the even-numbered ones as
 * files dropped into its spool directory, the others with {@code POST /api/articles}, each channel
 * on its own thread at a steady pace, in order, up to the number of documents released so far. A
 * POST not answered 202 is sent again on the next tick, so none is skipped; every answer is kept.
 */
final class IngestFeed implements AutoCloseable {

    /** An answer to a POST, or status 0 when the request itself failed (the body says why). */
    record Answer(Instant sent, int status, Optional<String> retryAfter, String body) {}

    private static final Duration SPOOL_PACE = Duration.ofMillis(100);
    private static final Duration POST_PACE = Duration.ofMillis(20);

    private final List<RawDocument> documents;
    private final Path spool;
    private final int port;
    private final ScheduledExecutorService channels = Executors.newScheduledThreadPool(2);
    private final AtomicInteger released = new AtomicInteger();
    private final AtomicInteger nextSpooled = new AtomicInteger(0);
    private final AtomicInteger nextPosted = new AtomicInteger(1);
    private final List<String> spooled = new CopyOnWriteArrayList<>();
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    IngestFeed(List<RawDocument> documents, Path spool, int port) {
        this.documents = List.copyOf(documents);
        this.spool = spool;
        this.port = port;
    }

    void start() {
        channels.scheduleWithFixedDelay(this::spoolNext, 0, SPOOL_PACE.toMillis(), TimeUnit.MILLISECONDS);
        channels.scheduleWithFixedDelay(this::postNext, 0, POST_PACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the channels publish the documents before {@code count}. */
    void release(int count) {
        released.set(Math.min(count, documents.size()));
    }

    int size() {
        return documents.size();
    }

    /**
     * Whether every document before {@code count} is published: its file moved to
     * {@code processed/}, or its POST answered 202.
     */
    boolean delivered(int count) throws IOException {
        return nextSpooled.get() >= count
                && nextPosted.get() >= count
                && processed().containsAll(spooled)
                && waiting().isEmpty();
    }

    /** The names of the files written to the spool directory so far. */
    List<String> spooled() {
        return List.copyOf(spooled);
    }

    /** Files still in the spool directory. */
    List<String> waiting() throws IOException {
        return names(spool);
    }

    List<String> processed() throws IOException {
        return names(spool.resolve("processed"));
    }

    List<String> errors() throws IOException {
        return names(spool.resolve("error"));
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** What went wrong writing a file (a channel keeps going after it, on the next tick). */
    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        channels.shutdownNow();
        channels.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** Written under a partial name and renamed, as the spool directory expects from a writer. */
    private void spoolNext() {
        final int index = nextSpooled.get();
        if (index >= released.get()) {
            return;
        }
        final RawDocument document = documents.get(index);
        final String name =
                String.format(Locale.ROOT, "%05d-%s.md", index, document.key().replace('/', '-'));
        try {
            final Path partial = Files.write(spool.resolve(name + ".tmp"), document.value());
            Files.move(partial, spool.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            spooled.add(name);
            nextSpooled.addAndGet(2);
        } catch (IOException | RuntimeException e) {
            failures.add("writing " + name + ": " + e);
        }
    }

    private void postNext() {
        final int index = nextPosted.get();
        if (index >= released.get()) {
            return;
        }
        final RawDocument document = documents.get(index);
        final Instant sent = Instant.now();
        try {
            final HttpResponse<String> response =
                    ServiceHttp.post(port, "/api/articles", document.value(), "X-Source-Id", document.key());
            answers.add(new Answer(
                    sent, response.statusCode(), response.headers().firstValue("Retry-After"), response.body()));
            if (response.statusCode() == 202) {
                nextPosted.addAndGet(2);
            }
        } catch (IOException | RuntimeException e) {
            answers.add(new Answer(sent, 0, Optional.empty(), e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> names(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }
}
