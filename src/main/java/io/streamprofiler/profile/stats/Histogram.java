package io.streamprofiler.profile.stats;

import java.util.Arrays;

/**
 * Equal-width histogram as {@code numpy.histogram} builds it: {@code edges.length == counts.length
 * + 1}, bins are half-open {@code [e_i, e_i+1)} except the last, which is closed. Both arrays are
 * empty when there was nothing to count. The arrays are shared, not copied: treat them as
 * read-only.
 */
public record Histogram(double[] edges, long[] counts) {
  public static final Histogram EMPTY = new Histogram(new double[0], new long[0]);

  /**
   * Histogram of {@code sortedFinite} (ascending, finite values only) with {@code bins} equal-width
   * bins over [min, max]; a zero-width range is widened to [min - 0.5, max + 0.5] as numpy does.
   */
  public static Histogram ofSorted(double[] sortedFinite, int bins) {
    int n = sortedFinite.length;
    if (n == 0 || bins < 1) {
      return EMPTY;
    }
    double first = sortedFinite[0];
    double last = sortedFinite[n - 1];
    if (first == last) {
      first -= 0.5;
      last += 0.5;
    }
    double[] edges = linspace(first, last, bins + 1);
    long[] counts = new long[bins];
    // numpy (searchsorted against the edges): value v lands in the last bin i with edges[i] <= v,
    // except that
    // v == last edge stays in the last bin.
    int bin = 0;
    for (double v : sortedFinite) {
      while (bin < bins - 1 && v >= edges[bin + 1]) {
        bin++;
      }
      counts[bin]++;
    }
    return new Histogram(edges, counts);
  }

  /**
   * numpy.linspace(start, stop, num) with endpoint: start + i * step, the last point set to stop
   * exactly.
   */
  public static double[] linspace(double start, double stop, int num) {
    double[] y = new double[num];
    int div = num - 1;
    double delta = stop - start;
    double step = delta / div;
    for (int i = 0; i < num; i++) {
      y[i] = step == 0 ? (i / (double) div) * delta + start : i * step + start;
    }
    y[num - 1] = stop;
    return y;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Histogram h
        && Arrays.equals(edges, h.edges)
        && Arrays.equals(counts, h.counts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(edges) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "Histogram[edges="
        + Arrays.toString(edges)
        + ", counts="
        + Arrays.toString(counts)
        + "]";
  }
}
