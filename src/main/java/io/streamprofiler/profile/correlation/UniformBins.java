package io.streamprofiler.profile.correlation;

/**
 * {@code pd.cut(column, bins=n, labels=False, duplicates="drop")} as pandas 1.5 computes it, the
 * discretisation ydata-profiling's "auto" correlation applies to numeric columns: n + 1 edges by
 * {@code np.linspace(min, max)}, the first lowered by 0.1% of the range, bins closed on the right,
 * duplicate edges dropped. Labels are 0-based; -1 marks a missing (non-finite) value and a value
 * that falls outside every bin, which happens to the minimum when 0.1% of the range is below its
 * rounding resolution.
 */
final class UniformBins {
  private UniformBins() {}

  static CategoricalColumn cut(NumericColumn column, int bins) {
    double[] v = column.values;
    int[] codes = new int[v.length];
    if (column.count == 0) {
      java.util.Arrays.fill(codes, -1);
      return new CategoricalColumn(codes, 0);
    }
    double mn = Double.POSITIVE_INFINITY;
    double mx = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < v.length; i++) {
      if (column.finite[i]) {
        mn = Math.min(mn, v[i]);
        mx = Math.max(mx, v[i]);
      }
    }
    // pandas adds 0.0, which turns a -0.0 extreme into 0.0.
    mn += 0.0;
    mx += 0.0;
    double[] edges;
    if (mn == mx) {
      mn -= mn != 0 ? 0.001 * Math.abs(mn) : 0.001;
      mx += mx != 0 ? 0.001 * Math.abs(mx) : 0.001;
      edges = linspace(mn, mx, bins + 1);
    } else {
      edges = linspace(mn, mx, bins + 1);
      edges[0] -= (mx - mn) * 0.001;
    }
    edges = dropDuplicates(edges);
    int len = edges.length;
    for (int i = 0; i < v.length; i++) {
      if (!column.finite[i]) {
        codes[i] = -1;
        continue;
      }
      // searchsorted(side="left"): the first edge >= v, i.e. bins are (edge[j-1], edge[j]].
      int id = lowerBound(edges, len, v[i]);
      codes[i] = (id == 0 || id == len) ? -1 : id - 1;
    }
    return new CategoricalColumn(codes, len - 1);
  }

  /** {@code np.linspace(start, stop, num)}: start + i * step, the last point exactly stop. */
  static double[] linspace(double start, double stop, int num) {
    int div = num - 1;
    double delta = stop - start;
    double step = delta / div;
    double[] y = new double[num];
    for (int i = 0; i < num; i++) {
      // numpy divides first when the step underflows to zero (denormal ranges).
      y[i] = (step == 0 ? (i / (double) div) * delta : i * step) + start;
    }
    y[num - 1] = stop;
    return y;
  }

  /** pandas keeps the unique edges (in order) unless only two edges were asked for. */
  private static double[] dropDuplicates(double[] edges) {
    double[] unique = new double[edges.length];
    int k = 0;
    for (double e : edges) {
      if (k == 0 || e != unique[k - 1]) {
        unique[k++] = e;
      }
    }
    return k < edges.length && edges.length != 2 ? java.util.Arrays.copyOf(unique, k) : edges;
  }

  /** First index in {@code a[0..n)} whose value is not below {@code v}. */
  private static int lowerBound(double[] a, int n, double v) {
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
}
