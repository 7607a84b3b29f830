package io.heatwire.loadgen;

import io.heatwire.corpus.DocumentRenderer;

/** Exact distribution of document sizes: one counter per byte count up to the maximum. */
final class SizeStats {

    private final long[] counts = new long[DocumentRenderer.MAX_BYTES + 1];
    private long documents;
    private long bytes;

    void add(final int size) {
        counts[Math.min(size, counts.length - 1)]++;
        documents++;
        bytes += size;
    }

    long documents() {
        return documents;
    }

    long bytes() {
        return bytes;
    }

    /** Nearest-rank percentile, 0 when empty. */
    int percentile(final double percent) {
        if (documents == 0) {
            return 0;
        }
        final long rank = Math.max(1, (long) Math.ceil(percent / 100 * documents));
        long seen = 0;
        for (int size = 0; size < counts.length; size++) {
            seen += counts[size];
            if (seen >= rank) {
                return size;
            }
        }
        return counts.length - 1;
    }

    int min() {
        for (int size = 0; size < counts.length; size++) {
            if (counts[size] > 0) {
                return size;
            }
        }
        return 0;
    }

    int max() {
        for (int size = counts.length - 1; size >= 0; size--) {
            if (counts[size] > 0) {
                return size;
            }
        }
        return 0;
    }

    /** Documents of {@code kilobytes} KB up to, not including, one KB more. */
    long inKilobyte(final int kilobytes) {
        long total = 0;
        for (int size = kilobytes * 1024; size < Math.min(counts.length, (kilobytes + 1) * 1024); size++) {
            total += counts[size];
        }
        return total;
    }
}
