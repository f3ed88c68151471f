package io.streamprofiler.profile.correlation;

import java.util.Arrays;

/**
 * One numeric column prepared for the rank-based coefficients: which rows are usable (finite),
 * the average ranks and the dense ranks of its finite values. Ranks are computed once per column
 * and reused by every pair whose usable rows are the same, as pandas does.
 */
final class NumericColumn {
  final double[] values;
  final boolean[] finite;
  final int count;
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

  /** Average ranks (1-based, ties averaged) of the finite values; NaN on unusable rows. */
  double[] averageRanks() {
    if (averageRanks == null) {
      averageRanks = Ranks.average(values, finite, count);
    }
    return averageRanks;
  }

  /** Dense ranks (0-based, equal values share one) of the finite values; -1 on unusable rows. */
  int[] denseRanks() {
    if (denseRanks == null) {
      double[] sorted = Ranks.sortedFinite(values, finite, count);
      double[] unique = Ranks.unique(sorted);
      distinct = unique.length;
      int[] d = new int[values.length];
      for (int i = 0; i < values.length; i++) {
        d[i] = finite[i] ? Ranks.lowerBound(unique, unique.length, values[i]) : -1;
      }
      denseRanks = d;
    }
    return denseRanks;
  }

  /** Number of distinct finite values (valid after {@link #denseRanks()}). */
  int distinct() {
    denseRanks();
    return distinct;
  }

  /** True when both columns have the same usable rows, so whole-column ranks are pair ranks. */
  boolean sameRowsAs(NumericColumn other) {
    return Arrays.equals(finite, other.finite);
  }
}
