package io.streamprofiler.profile.correlation;

import io.streamprofiler.profile.stats.Sums;
import org.apache.commons.math3.special.Gamma;

/** Pearson chi-squared statistics as scipy 1.10 computes them. */
final class ChiSquared {
  private ChiSquared() {}

  /**
   * {@code scipy.stats.chi2_contingency(observed, correction=...)[0]} for a table whose rows and
   * columns all have a positive total: 0 when a dimension has one level (no degree of freedom);
   * Yates' continuity correction only when there is exactly one degree of freedom.
   */
  static double contingencyStatistic(long[][] observed, boolean correction) {
    int r = observed.length;
    int k = observed[0].length;
    long dof = (long) (r - 1) * (k - 1);
    if (dof == 0) {
      return 0.0;
    }
    double[] rowSums = new double[r];
    double[] colSums = new double[k];
    long total = 0;
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < k; j++) {
        rowSums[i] += observed[i][j];
        colSums[j] += observed[i][j];
        total += observed[i][j];
      }
    }
    double n = total;
    double[] terms = new double[r * k];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < k; j++) {
        double expected = rowSums[i] * colSums[j] / n;
        double obs = observed[i][j];
        if (dof == 1 && correction) {
          // Move each count towards its expectation by at most 0.5 (scipy gh-13875).
          double diff = expected - obs;
          obs += Math.min(0.5, Math.abs(diff)) * Math.signum(diff);
        }
        double d = obs - expected;
        terms[i * k + j] = d * d / expected;
      }
    }
    return Sums.pairwise(terms);
  }

  /**
   * {@code scipy.stats.chisquare(counts).pvalue}: goodness of fit against equal expected counts,
   * upper tail of chi-squared with {@code counts.length - 1} degrees of freedom. NaN with fewer
   * than two categories or when every count is zero.
   */
  static double uniformPValue(long[] counts) {
    int k = counts.length;
    if (k < 2) {
      return Double.NaN;
    }
    double[] asDouble = new double[k];
    for (int i = 0; i < k; i++) {
      asDouble[i] = counts[i];
    }
    double mean = Sums.pairwise(asDouble) / k;
    double[] terms = new double[k];
    for (int i = 0; i < k; i++) {
      double d = asDouble[i] - mean;
      terms[i] = d * d / mean;
    }
    double stat = Sums.pairwise(terms);
    if (Double.isNaN(stat)) {
      return Double.NaN;
    }
    // chi2.sf(x, df) is the regularized upper incomplete gamma Q(df / 2, x / 2); computing Q
    // directly keeps full relative precision for tiny p-values, unlike 1 - cdf.
    return Gamma.regularizedGammaQ((k - 1) / 2.0, stat / 2.0);
  }
}
