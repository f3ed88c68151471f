package io.streamprofiler.profile.correlation;

/**
 * Spearman's rho of one pair, computed as pandas' {@code nancorr_spearman}: Pearson's r of the
 * average ranks of the pair's complete rows, centred on the exact mean rank (n + 1) / 2, summed in
 * row order. Whole-column ranks are reused when both columns have the same usable rows; otherwise
 * the pair's rows are ranked afresh by walking each column's sorted order.
 */
final class Spearman {
  private Spearman() {}

  static double pair(NumericColumn x, NumericColumn y) {
    boolean[] use;
    int nobs;
    double[] rx;
    double[] ry;
    if (x.sameRowsAs(y)) {
      use = x.finite;
      nobs = x.count;
      rx = x.averageRanks();
      ry = y.averageRanks();
    } else {
      int n = x.values.length;
      use = new boolean[n];
      nobs = 0;
      for (int i = 0; i < n; i++) {
        if (x.finite[i] && y.finite[i]) {
          use[i] = true;
          nobs++;
        }
      }
      rx = pairRanks(x, use, nobs);
      ry = pairRanks(y, use, nobs);
    }
    if (nobs < 1) {
      return Double.NaN;
    }
    double mean = (nobs + 1) / 2.;
    double sumx = 0;
    double sumxx = 0;
    double sumyy = 0;
    for (int i = 0; i < use.length; i++) {
      if (use[i]) {
        double vx = rx[i] - mean;
        double vy = ry[i] - mean;
        sumx += vx * vy;
        sumxx += vx * vx;
        sumyy += vy * vy;
      }
    }
    double divisor = Math.sqrt(sumxx * sumyy);
    return divisor != 0 ? sumx / divisor : Double.NaN;
  }

  /** Average ranks among the rows in {@code use} only, indexed by row. */
  private static double[] pairRanks(NumericColumn c, boolean[] use, int nobs) {
    int[] order = c.order();
    int[] kept = new int[nobs];
    int k = 0;
    for (int row : order) {
      if (use[row]) {
        kept[k++] = row;
      }
    }
    double[] ranks = new double[use.length];
    NumericColumn.averageRanks(c.values, kept, k, ranks);
    return ranks;
  }
}
