package io.heatwire.benchmarks.pipeline;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.heatwire.support.process.ChildProcess;

/**
 * The documents of one loadgen corpus, in publication order, with what the pipeline must make of
 * them. loadgen writes one file per document ({@code --out}) and the expected result
 * ({@code --expected}); the files are then packed into segment files of at most 1 GiB and mapped
 * into memory, so a million documents cost no heap and every phase reads the same bytes at memory
 * speed.
 */
final class Corpus {

    private static final long SEGMENT_BYTES = 1L << 30;
    private static final String COMPLETE = "complete";

    private final List<MappedByteBuffer> segments;
    private final int[] segment;
    private final int[] offset;
    private final int[] nameLength;
    private final int[] length;
    private final long bytes;
    private final Path expectedFile;

    private Corpus(
            final List<MappedByteBuffer> segments,
            final int[] segment,
            final int[] offset,
            final int[] nameLength,
            final int[] length,
            final Path expectedFile) {
        this.segments = segments;
        this.segment = segment;
        this.offset = offset;
        this.nameLength = nameLength;
        this.length = length;
        this.expectedFile = expectedFile;
        long total = 0;
        for (final int size : length) {
            total += size;
        }
        this.bytes = total;
    }

    /**
     * The corpus of {@code count} documents and {@code seed} in {@code directory}: made with loadgen's
     * jar unless a complete one is already there.
     *
     * @param idNamespace loadgen's {@code --id-namespace}, or empty for none (the measured corpus)
     */
    static Corpus prepare(
            final ChildProcesses children,
            final Path loadgenJar,
            final int count,
            final long seed,
            final String idNamespace,
            final Path directory,
            final PrintStream progress)
            throws IOException, InterruptedException {
        if (!Files.exists(directory.resolve(COMPLETE))) {
            generate(children, loadgenJar, count, seed, idNamespace, directory, progress);
        } else {
            progress.printf("reusing the corpus in %s%n", directory);
        }
        final Corpus corpus = load(directory);
        if (corpus.size() != count) {
            throw new IOException(directory + " holds " + corpus.size() + " documents, not " + count);
        }
        return corpus;
    }

    int size() {
        return length.length;
    }

    long bytes() {
        return bytes;
    }

    Path expectedFile() {
        return expectedFile;
    }

    /** The document's name, loadgen's record key: {@code 0000042_<first 16 hex digits of its story id>.txt}. */
    String name(final int index) {
        final byte[] name = new byte[nameLength[index]];
        segments.get(segment[index]).get(offset[index] + Integer.BYTES, name, 0, name.length);
        return new String(name, StandardCharsets.UTF_8);
    }

    /** A fresh copy of the document's bytes. */
    byte[] document(final int index) {
        final byte[] document = new byte[length[index]];
        segments.get(segment[index])
                .get(offset[index] + 2 * Integer.BYTES + nameLength[index], document, 0, document.length);
        return document;
    }

    private static void generate(
            final ChildProcesses children,
            final Path loadgenJar,
            final int count,
            final long seed,
            final String idNamespace,
            final Path directory,
            final PrintStream progress)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        try (Stream<Path> old = Files.list(directory)) {
            for (final Path file : old.toList()) {
                FileTrees.delete(file);
            }
        }
        final Path documents = directory.resolve("documents");
        final Path log = directory.resolve("loadgen.log");
        final String namespace = idNamespace.isEmpty() ? "" : ", id namespace " + idNamespace;
        progress.printf("generating %,d documents with loadgen (seed %d%s; log %s)%n", count, seed, namespace, log);
        final List<String> arguments = new ArrayList<>(List.of(
                "--count",
                Integer.toString(count),
                "--seed",
                Long.toString(seed),
                "--out",
                documents.toString(),
                "--expected",
                directory.resolve("expected.json").toString()));
        if (!idNamespace.isEmpty()) {
            arguments.addAll(List.of("--id-namespace", idNamespace));
        }
        final ChildProcess loadgen =
                children.start("loadgen", ChildProcesses.javaJar(List.of("-Xmx2g"), loadgenJar, arguments), log);
        final int exit = loadgen.waitForExit();
        if (exit != 0) {
            throw new IOException("loadgen failed with exit code " + exit + "; see " + log);
        }
        final List<Path> files;
        try (Stream<Path> listed = Files.list(documents)) {
            // Names start with the zero-padded index: sorted by name is publication order.
            files = listed.sorted().toList();
        }
        int segmentNumber = 0;
        long written = 0;
        DataOutputStream out = segmentStream(directory, segmentNumber);
        try {
            for (final Path file : files) {
                final byte[] name = file.getFileName().toString().getBytes(StandardCharsets.UTF_8);
                final byte[] document = Files.readAllBytes(file);
                final long record = 2L * Integer.BYTES + name.length + document.length;
                if (written > 0 && written + record > SEGMENT_BYTES) {
                    out.close();
                    out = segmentStream(directory, ++segmentNumber);
                    written = 0;
                }
                out.writeInt(name.length);
                out.write(name);
                out.writeInt(document.length);
                out.write(document);
                written += record;
            }
        } finally {
            out.close();
        }
        FileTrees.delete(documents);
        Files.writeString(directory.resolve(COMPLETE), count + " documents, seed " + seed + namespace + "\n");
    }

    private static DataOutputStream segmentStream(final Path directory, final int number) throws IOException {
        final OutputStream file = Files.newOutputStream(directory.resolve(segmentName(number)));
        return new DataOutputStream(new BufferedOutputStream(file, 1 << 20));
    }

    private static String segmentName(final int number) {
        return String.format(Locale.ROOT, "documents-%03d.bin", number);
    }

    private static Corpus load(final Path directory) throws IOException {
        final List<MappedByteBuffer> segments = new ArrayList<>();
        final IntList segment = new IntList();
        final IntList offset = new IntList();
        final IntList nameLength = new IntList();
        final IntList length = new IntList();
        for (int number = 0; Files.exists(directory.resolve(segmentName(number))); number++) {
            final MappedByteBuffer buffer;
            try (FileChannel channel =
                    FileChannel.open(directory.resolve(segmentName(number)), StandardOpenOption.READ)) {
                buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            }
            segments.add(buffer);
            int position = 0;
            while (position < buffer.limit()) {
                final int name = buffer.getInt(position);
                final int document = buffer.getInt(position + Integer.BYTES + name);
                segment.add(number);
                offset.add(position);
                nameLength.add(name);
                length.add(document);
                position += 2 * Integer.BYTES + name + document;
            }
        }
        return new Corpus(
                List.copyOf(segments),
                segment.toArray(),
                offset.toArray(),
                nameLength.toArray(),
                length.toArray(),
                directory.resolve("expected.json"));
    }

    /** A growable int array: a million boxed Integers would be wasteful. */
    private static final class IntList {

        private int[] values = new int[1024];
        private int size;

        void add(final int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
