package io.streamprofiler.profile.timeseries;

/**
 * Summation in the same order as numpy's {@code add.reduce} on a contiguous float64 array
 * (pairwise: blocks of at most 128 summed with 8 interleaved accumulators, larger ranges split in
 * halves rounded down to a multiple of 8). statsmodels demeans with {@code x - x.mean()}; using the
 * very same rounding makes the demeaned series identical bit for bit, which matters when a series
 * sits on a large offset (1000 +- 0.001): there any other rounding of the mean moves small
 * autocorrelations in the 9th digit.
 */
final class PairwiseSum {

    private static final int BLOCK = 128;

    private PairwiseSum() {
    }

    /** numpy's {@code x[from:to].mean()}. NaN for an empty range. */
    static double mean(double[] x, int from, int to) {
        return sum(x, from, to - from) / (to - from);
    }

    static double sum(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double r0 = a[from];
            double r1 = a[from + 1];
            double r2 = a[from + 2];
            double r3 = a[from + 3];
            double r4 = a[from + 4];
            double r5 = a[from + 5];
            double r6 = a[from + 6];
            double r7 = a[from + 7];
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                int b = from + i;
                r0 += a[b];
                r1 += a[b + 1];
                r2 += a[b + 2];
                r3 += a[b + 3];
                r4 += a[b + 4];
                r5 += a[b + 5];
                r6 += a[b + 6];
                r7 += a[b + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return sum(a, from, n2) + sum(a, from + n2, n - n2);
    }
}
