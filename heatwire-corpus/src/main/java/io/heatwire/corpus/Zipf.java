package io.heatwire.corpus;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Draws 0..n-1 with probability proportional to 1 / (rank + 1)^exponent: a few items take most draws. */
final class Zipf {

    private final double[] cumulative;

    Zipf(final int n, final double exponent) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive: " + n);
        }
        cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / Math.pow(i + 1, exponent);
            cumulative[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
    }

    int next(final SplittableRandom random) {
        final int at = Arrays.binarySearch(cumulative, random.nextDouble());
        final int index = at >= 0 ? at : -at - 1;
        return Math.min(index, cumulative.length - 1);
    }
}
