package io.heatwire.ingest.publish;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import picocli.CommandLine.ParameterException;

import io.heatwire.ingest.check.CheckResult;
import io.heatwire.ingest.check.DocumentChecks;
import io.heatwire.ingest.metrics.Channel;
import io.heatwire.ingest.metrics.IngestMetrics;

/**
 * The one-shot {@code publish PATH...} command. It runs when the first non-option argument is {@code publish};
 * the application then exits with {@link #getExitCode()}.
 */
public final class PublishCommand implements ApplicationRunner, ExitCodeGenerator {

    private final DocumentChecks checks;
    private final ArticlePublisher publisher;
    private final IngestMetrics metrics;
    private volatile int exitCode = PublishSummary.EXIT_OK;

    public PublishCommand(DocumentChecks checks, ArticlePublisher publisher, IngestMetrics metrics) {
        this.checks = checks;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!PublishRequest.isPublish(arguments)) {
            return;
        }
        // The command's output is its user interface, hence System.out/err rather than the log.
        try {
            final PublishRequest request = PublishRequest.from(arguments);
            exitCode = execute(request, System.out, System.console() != null).exitCode();
        } catch (ParameterException e) {
            // IngestApplication checked the command line before Spring started; a file may have gone since.
            System.err.println(e.getMessage());
            exitCode = PublishSummary.EXIT_USAGE;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /**
     * Publishes every file of the request, waits for every acknowledgement, then prints the summary.
     *
     * @param terminal draw a progress bar instead of plain progress lines
     */
    public PublishSummary execute(PublishRequest request, PrintStream out, boolean terminal) {
        final long started = System.nanoTime();
        final SourceFiles.Listing listing = SourceFiles.collect(request.paths(), request.matcher());
        final List<PublishSummary.Rejected> rejected = Collections.synchronizedList(new ArrayList<>());
        final List<PublishSummary.Failed> failed = Collections.synchronizedList(new ArrayList<>());
        listing.problems().forEach(p -> failed.add(new PublishSummary.Failed(p.path(), p.message())));
        final AtomicLong published = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final List<CompletableFuture<?>> pending = new ArrayList<>();
        String unreachable = null;
        try (Progress progress = Progress.create(terminal, listing.files().size(), out)) {
            for (final SourceFiles.SourceFile file : listing.files()) {
                final CheckResult result;
                try {
                    result = checks.read(file.path());
                } catch (IOException e) {
                    failed.add(new PublishSummary.Failed(file.path(), "cannot be read: " + e.getMessage()));
                    metrics.failed(Channel.CLI, 0);
                    progress.step();
                    continue;
                }
                if (result instanceof CheckResult.Rejected) {
                    final CheckResult.Rejected refused = (CheckResult.Rejected) result;
                    rejected.add(new PublishSummary.Rejected(file.path(), refused.rejection()));
                    metrics.rejected(Channel.CLI, refused.rejection().code(), sizeOf(file));
                    progress.step();
                    continue;
                }
                final byte[] document = ((CheckResult.Accepted) result).bytes();
                if (unreachable != null) {
                    failed.add(new PublishSummary.Failed(file.path(), "not sent: " + unreachable));
                    metrics.failed(Channel.CLI, document.length);
                    progress.step();
                    continue;
                }
                final String source = file.path().toAbsolutePath().normalize().toString();
                final CompletableFuture<Published> sent = publisher.publish(document, file.key(), source);
                if (sent.isCompletedExceptionally()) {
                    // A send that fails at once has usually waited max.block.ms for a broker; so would the rest.
                    unreachable = SendFailures.describe(
                            sent.handle((ack, error) -> error).join());
                }
                pending.add(sent.whenComplete((ack, error) -> {
                    if (error == null) {
                        published.incrementAndGet();
                        bytes.addAndGet(document.length);
                        metrics.published(Channel.CLI, document.length);
                    } else {
                        failed.add(new PublishSummary.Failed(file.path(), SendFailures.describe(error)));
                        metrics.failed(Channel.CLI, document.length);
                    }
                    progress.step();
                }));
            }
            // Every send ends, acknowledged or failed, within the producer's delivery.timeout.ms.
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .handle((ignored, error) -> null)
                    .join();
        }
        final PublishSummary summary = new PublishSummary(
                published.get(),
                bytes.get(),
                List.copyOf(rejected),
                List.copyOf(failed),
                Duration.ofNanos(System.nanoTime() - started));
        summary.lines().forEach(out::println);
        out.flush();
        return summary;
    }

    private static long sizeOf(SourceFiles.SourceFile file) {
        try {
            return Files.size(file.path());
        } catch (IOException e) {
            return 0;
        }
    }
}
