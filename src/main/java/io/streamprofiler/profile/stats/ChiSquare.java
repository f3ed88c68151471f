package io.streamprofiler.profile.stats;

import org.apache.commons.math3.special.Gamma;

/**
 * Pearson's chi-squared goodness-of-fit test against equal expected counts, as {@code
 * scipy.stats.chisquare(counts)}.
 */
final class ChiSquare {
  private ChiSquare() {}

  /** The statistic; NaN without categories. */
  static double statistic(long[] counts) {
    int k = counts.length;
    if (k == 0) {
      return Double.NaN;
    }
    double[] observed = new double[k];
    for (int i = 0; i < k; i++) {
      observed[i] = counts[i];
    }
    double expected = Sums.pairwise(observed) / k;
    double[] terms = new double[k];
    for (int i = 0; i < k; i++) {
      double d = observed[i] - expected;
      terms[i] = d * d / expected;
    }
    return Sums.pairwise(terms);
  }

  /**
   * The upper tail of chi-squared with k - 1 degrees of freedom at the statistic; NaN for fewer
   * than 2 categories.
   */
  static double pValue(double statistic, int categories) {
    if (categories < 2 || Double.isNaN(statistic)) {
      return Double.NaN;
    }
    // Survival function directly from the regularized upper gamma function: 1 - cdf would lose tiny
    // p-values.
    return Gamma.regularizedGammaQ((categories - 1) / 2.0, statistic / 2.0);
  }
}
