package io.heatwire.loadgen;

import java.io.IOException;

import io.heatwire.corpus.CorpusPlan;
import io.heatwire.corpus.DocumentRenderer;
import io.heatwire.corpus.GeneratedDocument;

/** Renders every document of a plan, in order, into a sink. */
final class LoadGenerator {

    /**
     * What a run produced.
     *
     * @param failed documents the sink could not store (Kafka sends that failed)
     */
    record Result(SizeStats sizes, long failed, long nanos) {}

    private LoadGenerator() {}

    static Result run(
            final CorpusPlan plan, final DocumentRenderer renderer, final DocumentSink sink, final Progress progress)
            throws IOException {
        final long started = System.nanoTime();
        final SizeStats sizes = new SizeStats();
        for (int index = 0; index < plan.documentCount(); index++) {
            final GeneratedDocument document = renderer.render(index);
            sink.write(document);
            sizes.add(document.bytes().length);
            progress.update(sizes.documents(), sizes.bytes());
        }
        final long failed = sink.finish();
        return new Result(sizes, failed, System.nanoTime() - started);
    }
}
