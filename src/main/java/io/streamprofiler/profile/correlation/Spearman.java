package io.streamprofiler.profile.correlation;

/**
 * Spearman's rho of one pair, computed as pandas' {@code nancorr_spearman}: Pearson's r of the
 * average ranks of the pair's complete rows, centred on the exact mean rank (n + 1) / 2. Whole
 * column ranks are reused when both columns have the same usable rows; otherwise the pair's rows
 * are ranked afresh.
 */
final class Spearman {
  private Spearman() {}

  static double pair(NumericColumn x, NumericColumn y) {
    if (x.sameRowsAs(y)) {
      return fromRanks(x.averageRanks(), y.averageRanks(), x.finite, x.count);
    }
    int n = x.values.length;
    double[] vx = new double[n];
    double[] vy = new double[n];
    int nobs = 0;
    for (int i = 0; i < n; i++) {
      if (x.finite[i] && y.finite[i]) {
        vx[nobs] = x.values[i];
        vy[nobs] = y.values[i];
        nobs++;
      }
    }
    if (nobs < 1) {
      return Double.NaN;
    }
    return fromRanks(Ranks.average(vx, nobs), Ranks.average(vy, nobs), null, nobs);
  }

  /** Rows are {@code use[i]} (or the first {@code nobs} when {@code use} is null). */
  private static double fromRanks(double[] rx, double[] ry, boolean[] use, int nobs) {
    if (nobs < 1) {
      return Double.NaN;
    }
    double mean = (nobs + 1) / 2.;
    double sumx = 0;
    double sumxx = 0;
    double sumyy = 0;
    int end = use == null ? nobs : use.length;
    for (int i = 0; i < end; i++) {
      if (use == null || use[i]) {
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
}
