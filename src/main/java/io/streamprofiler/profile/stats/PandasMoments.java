package io.streamprofiler.profile.stats;

/**
 * pandas 1.5 {@code nanops} formulas from central moment sums (m2 = Σ(x-mean)², m3 = Σ(x-mean)³, m4
 * = Σ(x-mean)⁴), including its edge rules: pandas treats |m2|, |m3| (skew) and the kurtosis
 * numerator and denominator below 1e-14 as exactly 0, returns 0 for a zero m2 / zero denominator
 * (so a constant column has skewness 0 and kurtosis 0), and NaN when there are fewer than 3 (skew)
 * or 4 (kurt) values.
 */
final class PandasMoments {
  private static final double FP_ERR = 1e-14;

  private PandasMoments() {}

  static double variance(double n, double m2) {
    return n < 2 ? Double.NaN : m2 / (n - 1);
  }

  /** Adjusted Fisher-Pearson G1, as {@code Series.skew()}. */
  static double skewness(double n, double m2, double m3) {
    if (n < 3) {
      return Double.NaN;
    }
    m2 = zeroOut(m2);
    m3 = zeroOut(m3);
    if (m2 == 0) {
      return 0.0;
    }
    return (n * Math.sqrt(n - 1) / (n - 2)) * (m3 / Math.pow(m2, 1.5));
  }

  /** Bias-corrected excess kurtosis (normal = 0), as {@code Series.kurt()}. */
  static double kurtosis(double n, double m2, double m4) {
    if (n < 4) {
      return Double.NaN;
    }
    double adj = 3 * ((n - 1) * (n - 1)) / ((n - 2) * (n - 3));
    double numerator = zeroOut(n * (n + 1) * (n - 1) * m4);
    double denominator = zeroOut((n - 2) * (n - 3) * (m2 * m2));
    if (denominator == 0) {
      return 0.0;
    }
    return numerator / denominator - adj;
  }

  private static double zeroOut(double v) {
    return Math.abs(v) < FP_ERR ? 0.0 : v;
  }
}
