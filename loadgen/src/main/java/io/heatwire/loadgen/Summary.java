package io.heatwire.loadgen;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.heatwire.corpus.CorpusPlan;
import io.heatwire.corpus.DocumentRenderer;
import io.heatwire.corpus.ExpectedStructure;

/** The summary the CLI prints: documents, sizes, stories, clusters, bridges, rate. */
final class Summary {

    /** Cluster size classes: a lower bound and its label. */
    private static final int[] CLASS_FROM = {1, 2, 5, 10, 100, 1_000, 10_000};

    private static final String[] CLASS_LABEL = {"1", "2-4", "5-9", "10-99", "100-999", "1,000-9,999", "10,000+"};

    private Summary() {}

    static void print(
            final PrintStream out,
            final CorpusPlan plan,
            final LoadGenerator.Result result,
            final ExpectedStructure expected,
            final String destination,
            final Path expectedFile) {
        final SizeStats sizes = result.sizes();
        final double seconds = Math.max(1e-9, result.nanos() / 1e9);
        out.printf(
                Locale.ROOT,
                "documents  %,d (seed %d%s), %,d bytes (%.1f MB), %s in %.1f s (%,.0f documents/s)%n",
                sizes.documents(),
                plan.seed(),
                plan.options().idNamespace().isEmpty()
                        ? ""
                        : ", id namespace " + plan.options().idNamespace(),
                sizes.bytes(),
                sizes.bytes() / 1e6,
                destination,
                seconds,
                sizes.documents() / seconds);
        out.printf(
                Locale.ROOT,
                "sizes      min %,d  p50 %,d  p90 %,d  p99 %,d  max %,d bytes%n",
                sizes.min(),
                sizes.percentile(50),
                sizes.percentile(90),
                sizes.percentile(99),
                sizes.max());
        final StringBuilder histogram = new StringBuilder();
        for (int kilobytes = 2; kilobytes < DocumentRenderer.MAX_BYTES / 1024; kilobytes++) {
            histogram.append(String.format(
                    Locale.ROOT, "  %d-%d KB: %,d", kilobytes, kilobytes + 1, sizes.inKilobyte(kilobytes)));
        }
        out.println("          " + histogram);
        out.printf(
                Locale.ROOT,
                "stories    %,d (%,d articles, %,d named only by related entries)%n",
                expected.stories(),
                plan.count(),
                expected.referenceStories());
        out.printf(
                Locale.ROOT,
                "clusters   %,d (planned: %,d small, %,d of hundreds, %,d big, %,d bridges)%n",
                expected.clusterCount(),
                plan.smallClusters(),
                plan.mediumClusters(),
                plan.bigClusters(),
                plan.count() - plan.regularCount());
        final long[] clusters = new long[CLASS_FROM.length];
        final long[] stories = new long[CLASS_FROM.length];
        for (final Map.Entry<Integer, Integer> entry :
                expected.clusterSizeHistogram().entrySet()) {
            int cls = CLASS_FROM.length - 1;
            while (entry.getKey() < CLASS_FROM[cls]) {
                cls--;
            }
            clusters[cls] += entry.getValue();
            stories[cls] += (long) entry.getKey() * entry.getValue();
        }
        for (int cls = 0; cls < CLASS_FROM.length; cls++) {
            if (clusters[cls] > 0) {
                out.printf(
                        Locale.ROOT,
                        "  size %-12s %,9d clusters %,11d stories (%4.1f%%)%n",
                        CLASS_LABEL[cls],
                        clusters[cls],
                        stories[cls],
                        100.0 * stories[cls] / Math.max(1, expected.stories()));
            }
        }
        out.println("largest    "
                + expected.largestClusters().stream()
                        .map(cluster -> String.format(Locale.ROOT, "%,d", cluster.size()))
                        .collect(Collectors.joining(", ")));
        for (final ExpectedStructure.Bridge bridge : expected.bridges()) {
            out.printf(
                    Locale.ROOT,
                    "bridge     %s joins %s%n",
                    bridge.document(),
                    bridge.merges().stream()
                            .map(cluster -> String.format(Locale.ROOT, "%,d", cluster.size()))
                            .collect(Collectors.joining(" + ")));
        }
        if (expectedFile != null) {
            out.println("expected   " + expectedFile);
        }
    }
}
