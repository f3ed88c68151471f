package io.streamprofiler.profile.correlation;

/**
 * Pearson's r of one pair over its complete rows, with the same single-pass Welford updates in row
 * order as pandas' {@code nancorr}, so results agree to the last bits rather than merely to
 * rounding.
 */
final class Pearson {
  private Pearson() {}

  /**
   * @param reciprocals {@code reciprocals[k] == 1.0 / k}, shared so the hot loop does not divide
   */
  static double pair(NumericColumn x, NumericColumn y, double[] reciprocals) {
    double[] xs = x.values;
    double[] ys = y.values;
    boolean[] fx = x.finite;
    boolean[] fy = y.finite;
    int nobs = 0;
    double meanx = 0;
    double meany = 0;
    double ssqdmx = 0;
    double ssqdmy = 0;
    double covxy = 0;
    for (int i = 0; i < xs.length; i++) {
      if (fx[i] && fy[i]) {
        double vx = xs[i];
        double vy = ys[i];
        nobs++;
        double dx = vx - meanx;
        double dy = vy - meany;
        meanx += reciprocals[nobs] * dx;
        meany += reciprocals[nobs] * dy;
        ssqdmx += (vx - meanx) * dx;
        ssqdmy += (vy - meany) * dy;
        covxy += (vx - meanx) * dy;
      }
    }
    if (nobs < 1) {
      return Double.NaN;
    }
    double divisor = Math.sqrt(ssqdmx * ssqdmy);
    return divisor != 0 ? covxy / divisor : Double.NaN;
  }

  static double[] reciprocals(int n) {
    double[] r = new double[n + 1];
    for (int k = 1; k <= n; k++) {
      r[k] = 1. / k;
    }
    return r;
  }
}
