package io.streamprofiler.profile.correlation;

import java.util.Arrays;

/**
 * One numeric column prepared for the coefficients: which rows are usable (finite), their order by
 * value, average ranks and dense ranks. Prepared once per column and shared by every pair; ranks
 * are reused by pairs whose usable rows are the same, as pandas does.
 */
final class NumericColumn {
  final double[] values;
  final boolean[] finite;
  final int count;
  private int[] order;
  private double[] averageRanks;
  private int[] denseRanks;
  private int distinct;

  NumericColumn(double[] values) {
    this.values = values;
    this.finite = new boolean[values.length];
    int c = 0;
    for (int i = 0; i < values.length; i++) {
      // +-Infinity counts as missing, like NaN: pandas masks with isfinite for all three methods.
      if (Double.isFinite(values[i])) {
        finite[i] = true;
        c++;
      }
    }
    this.count = c;
  }

  /** Usable rows in ascending value order, ties in row order. */
  int[] order() {
    if (order == null) {
      order = SortedOrder.of(values, finite, count);
    }
    return order;
  }

  /** Average ranks (1-based, ties averaged) of the usable values; NaN on unusable rows. */
  double[] averageRanks() {
    if (averageRanks == null) {
      double[] ranks = new double[values.length];
      Arrays.fill(ranks, Double.NaN);
      int[] o = order();
      averageRanks(values, o, o.length, ranks);
      averageRanks = ranks;
    }
    return averageRanks;
  }

  /**
   * Writes into {@code ranks[row]} the average rank of each of the {@code n} rows listed in
   * ascending value order. A tie group at positions lo..hi-1 shares (lo + 1 + hi) / 2, exactly
   * pandas' sum of ranks over the group size since both are half-integers.
   */
  static void averageRanks(double[] values, int[] sortedRows, int n, double[] ranks) {
    int lo = 0;
    while (lo < n) {
      double v = values[sortedRows[lo]];
      int hi = lo + 1;
      while (hi < n && values[sortedRows[hi]] == v) {
        hi++;
      }
      double rank = (lo + 1 + hi) / 2.0;
      for (int p = lo; p < hi; p++) {
        ranks[sortedRows[p]] = rank;
      }
      lo = hi;
    }
  }

  /** Dense ranks (0-based, equal values share one) of the usable values; -1 on unusable rows. */
  int[] denseRanks() {
    if (denseRanks == null) {
      int[] d = new int[values.length];
      Arrays.fill(d, -1);
      int[] o = order();
      int rank = -1;
      for (int p = 0; p < o.length; p++) {
        if (p == 0 || values[o[p]] != values[o[p - 1]]) {
          rank++;
        }
        d[o[p]] = rank;
      }
      distinct = rank + 1;
      denseRanks = d;
    }
    return denseRanks;
  }

  /** Number of distinct usable values. */
  int distinct() {
    denseRanks();
    return distinct;
  }

  /** True when both columns have the same usable rows, so whole-column ranks are pair ranks. */
  boolean sameRowsAs(NumericColumn other) {
    return Arrays.equals(finite, other.finite);
  }
}
