package io.streamprofiler.profile.correlation;

import java.util.Arrays;

/**
 * Ranking helpers. Values are compared with the primitive operators so that -0.0 and 0.0 tie
 * (as in pandas/numpy); {@link Arrays#sort(double[])} puts -0.0 first, which keeps the sorted
 * array non-decreasing under those operators.
 */
final class Ranks {
  private Ranks() {}

  static double[] sortedFinite(double[] values, boolean[] use, int count) {
    double[] sorted = new double[count];
    int k = 0;
    for (int i = 0; i < values.length; i++) {
      if (use[i]) {
        sorted[k++] = values[i];
      }
    }
    Arrays.sort(sorted);
    return sorted;
  }

  /** Average ranks of the used values; NaN elsewhere. */
  static double[] average(double[] values, boolean[] use, int count) {
    double[] sorted = sortedFinite(values, use, count);
    double[] ranks = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      ranks[i] = use[i] ? averageRank(sorted, values[i]) : Double.NaN;
    }
    return ranks;
  }

  /** Average ranks of all of {@code values} (all usable). */
  static double[] average(double[] values, int n) {
    double[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    double[] ranks = new double[n];
    for (int i = 0; i < n; i++) {
      ranks[i] = averageRank(sorted, values[i]);
    }
    return ranks;
  }

  /** Ranks lo+1..hi share their mean; half-integers are exact, so this equals pandas' sum/dups. */
  private static double averageRank(double[] sorted, double v) {
    int lo = lowerBound(sorted, sorted.length, v);
    int hi = upperBound(sorted, sorted.length, v);
    return (lo + 1 + hi) / 2.0;
  }

  static double[] unique(double[] sorted) {
    if (sorted.length == 0) {
      return sorted;
    }
    double[] u = new double[sorted.length];
    int k = 0;
    u[k++] = sorted[0];
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] != u[k - 1]) {
        u[k++] = sorted[i];
      }
    }
    return Arrays.copyOf(u, k);
  }

  /** First index in {@code a[0..n)} whose value is not below {@code v}. */
  static int lowerBound(double[] a, int n, double v) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** First index in {@code a[0..n)} whose value is above {@code v}. */
  static int upperBound(double[] a, int n, double v) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
