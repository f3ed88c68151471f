package io.streamprofiler.profile.stats;

/**
 * Summation in numpy's order, so that sums and means agree with pandas to the last bit more often
 * than not: numpy adds float64 arrays pairwise, eight running partial sums per block of at most 128
 * values.
 */
public final class Sums {
  private static final int BLOCK = 128;

  private Sums() {}

  /** Sum of {@code a[from .. from+n)}; 0.0 when n is 0. */
  public static double pairwise(double[] a, int from, int n) {
    if (n < 8) {
      double res = 0.0;
      for (int i = 0; i < n; i++) {
        res += a[from + i];
      }
      return res;
    }
    if (n <= BLOCK) {
      double r0 = a[from], r1 = a[from + 1], r2 = a[from + 2], r3 = a[from + 3];
      double r4 = a[from + 4], r5 = a[from + 5], r6 = a[from + 6], r7 = a[from + 7];
      int end = n - (n % 8);
      int i = 8;
      for (; i < end; i += 8) {
        int k = from + i;
        r0 += a[k];
        r1 += a[k + 1];
        r2 += a[k + 2];
        r3 += a[k + 3];
        r4 += a[k + 4];
        r5 += a[k + 5];
        r6 += a[k + 6];
        r7 += a[k + 7];
      }
      double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
      for (; i < n; i++) {
        res += a[from + i];
      }
      return res;
    }
    int half = n / 2;
    half -= half % 8;
    return pairwise(a, from, half) + pairwise(a, from + half, n - half);
  }

  public static double pairwise(double[] a) {
    return pairwise(a, 0, a.length);
  }

  /** numpy's {@code x[from:to].mean()}: the pairwise sum over the count; NaN for an empty range. */
  public static double mean(double[] x, int from, int to) {
    return pairwise(x, from, to - from) / (to - from);
  }
}
