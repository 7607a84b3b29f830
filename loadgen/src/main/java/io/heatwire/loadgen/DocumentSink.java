package io.heatwire.loadgen;

import java.io.IOException;

import io.heatwire.corpus.GeneratedDocument;

/** Where generated documents go: files in a directory or records on the raw topic. */
interface DocumentSink extends AutoCloseable {

    void write(GeneratedDocument document) throws IOException;

    /** Waits until every document written is stored; returns how many could not be. */
    long finish() throws IOException;

    /** Where the documents went, for the summary. */
    String describe();

    @Override
    void close();
}
