package io.streamprofiler.profile.timeseries;

import org.apache.commons.math3.special.Erf;

/**
 * MacKinnon's response-surface approximations for the Dickey-Fuller tau statistic, constant-only
 * regression ("c") with one variable (N = 1), as statsmodels' {@code mackinnonp} and {@code
 * mackinnoncrit} use them.
 *
 * <p>P-values: MacKinnon (1994) "Approximate asymptotic distribution functions for unit-root and
 * cointegration tests", table 3 (tau, constant, N = 1): {@code p = Phi(g(tau))} with a quadratic g
 * below tau* and a cubic g above it; outside [tauMin, tauMax] the p-value is 0 or 1. Critical
 * values: MacKinnon (2010) "Critical values for cointegration tests", table 2 (constant, N = 1):
 * {@code c(T) = b0 + b1/T + b2/T^2 + b3/T^3}.
 */
final class MacKinnon {

  // 1994 table, regression "c", N = 1.
  private static final double TAU_MAX = 2.74;
  private static final double TAU_MIN = -18.83;
  private static final double TAU_STAR = -1.61;
  private static final double[] SMALL_P = {2.1659, 1.4412, 3.8269e-2};
  private static final double[] LARGE_P = {1.7339, 9.3202e-1, -1.2745e-1, -1.0368e-2};

  // 2010 table, regression "c", N = 1: rows 1 %, 5 %, 10 %; columns b0..b3.
  private static final double[][] CRIT = {
    {-3.43035, -6.5393, -16.786, -79.433},
    {-2.86154, -2.8903, -4.234, -40.040},
    {-2.56677, -1.5384, -2.809, 0.0},
  };

  private MacKinnon() {}

  /** Approximate p-value of an ADF tau statistic (regression "c"); NaN for NaN. */
  static double pvalue(double tau) {
    if (Double.isNaN(tau)) {
      return Double.NaN;
    }
    if (tau > TAU_MAX) {
      return 1.0;
    }
    if (tau < TAU_MIN) {
      return 0.0;
    }
    double[] coef = tau <= TAU_STAR ? SMALL_P : LARGE_P;
    return normalCdf(polynomial(coef, tau));
  }

  /** Critical values at 1 %, 5 % and 10 % for a regression on {@code nobs} observations. */
  static double[] criticalValues(int nobs) {
    double[] out = new double[3];
    double inv = 1.0 / nobs;
    for (int i = 0; i < 3; i++) {
      out[i] = polynomial(CRIT[i], inv);
    }
    return out;
  }

  /** c0 + c1 t + c2 t^2 + ..., by Horner. */
  private static double polynomial(double[] c, double t) {
    double v = 0.0;
    for (int i = c.length - 1; i >= 0; i--) {
      v = v * t + c[i];
    }
    return v;
  }

  /** Standard normal CDF via erfc, accurate in the lower tail where small p-values live. */
  private static double normalCdf(double z) {
    return 0.5 * Erf.erfc(-z / Math.sqrt(2.0));
  }
}
