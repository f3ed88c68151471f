package io.streamprofiler.profile.stats;

/** Order statistics of an ascending array, computed as numpy 1.24 computes them. */
final class Quantiles {
  private Quantiles() {}

  /**
   * {@code numpy.quantile(a, q)} with the default "linear" method (Hyndman and Fan type 7): virtual
   * index (n - 1) q, interpolated between its neighbours the way numpy's {@code _lerp} does. NaN
   * when empty.
   */
  static double linear(double[] sorted, double q) {
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    double virtual = (n - 1) * q;
    double below = Math.floor(virtual);
    int lo;
    int hi;
    if (virtual >= n - 1) {
      lo = n - 1;
      hi = n - 1;
    } else if (virtual < 0) {
      lo = 0;
      hi = 0;
    } else {
      lo = (int) below;
      hi = lo + 1;
    }
    double gamma = virtual - below;
    double a = sorted[lo];
    double b = sorted[hi];
    double diff = b - a;
    return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
  }

  /**
   * {@code numpy.median}: the middle value, or the mean of the two middle values. NaN when empty.
   */
  static double median(double[] sorted) {
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /**
   * Median absolute deviation from the median, {@code median(|x - median(x)|)}, in O(n): on an
   * ascending array the deviations left and right of the median are two ascending runs, merged up
   * to the middle rank.
   */
  static double medianAbsoluteDeviation(double[] sorted) {
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    double med = median(sorted);
    int split = 0; // first index with sorted[split] >= med
    while (split < n && sorted[split] < med) {
      split++;
    }
    int left = split - 1; // walks down: med - sorted[left] ascends
    int right = split; // walks up: sorted[right] - med ascends
    int lowRank = (n - 1) / 2;
    int highRank = n / 2;
    double low = Double.NaN;
    double high = Double.NaN;
    for (int rank = 0; rank <= highRank; rank++) {
      double next;
      if (left < 0) {
        next = sorted[right++] - med;
      } else if (right >= n) {
        next = med - sorted[left--];
      } else {
        double l = med - sorted[left];
        double r = sorted[right] - med;
        if (l <= r) {
          next = l;
          left--;
        } else {
          next = r;
          right++;
        }
      }
      if (rank == lowRank) {
        low = next;
      }
      if (rank == highRank) {
        high = next;
      }
    }
    return lowRank == highRank ? low : (low + high) / 2;
  }
}
