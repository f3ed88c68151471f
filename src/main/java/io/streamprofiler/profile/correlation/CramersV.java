package io.streamprofiler.profile.correlation;

/**
 * ydata-profiling's bias-corrected Cramér's V ({@code _cramers_corrected_stat}) of a crosstab:
 * chi-squared with Yates' correction requested (scipy applies it only to 2x2 tables), then
 * Bergsma's correction phi2corr = max(0, phi2 - (k-1)(r-1)/(n-1)), rcorr = r - (r-1)^2/(n-1), kcorr
 * = k - (k-1)^2/(n-1), V = sqrt(phi2corr / min(kcorr-1, rcorr-1)), and V = 1 when that minimum is
 * exactly 0 (which ydata also returns when one side has a single level).
 */
final class CramersV {
  private CramersV() {}

  /** V of a non-empty crosstab; NaN where ydata's arithmetic gives NaN (one complete row). */
  static double of(long[][] table) {
    double chi2 = ChiSquared.contingencyStatistic(table, true);
    long total = 0;
    for (long[] row : table) {
      for (long c : row) {
        total += c;
      }
    }
    double n = total;
    double r = table.length;
    double k = table[0].length;
    double phi2 = chi2 / n;
    double phi2corr = pyMax(0.0, phi2 - ((k - 1.0) * (r - 1.0)) / (n - 1.0));
    double rcorr = r - ((r - 1.0) * (r - 1.0)) / (n - 1.0);
    double kcorr = k - ((k - 1.0) * (k - 1.0)) / (n - 1.0);
    double rkcorr = pyMin(kcorr - 1.0, rcorr - 1.0);
    if (rkcorr == 0.0) {
      return 1.0;
    }
    return Math.sqrt(phi2corr / rkcorr);
  }

  /**
   * Python's {@code max(a, b)}: keeps {@code a} unless {@code b} is greater (NaN-safe as Python).
   */
  private static double pyMax(double a, double b) {
    return b > a ? b : a;
  }

  /** Python's {@code min(a, b)}: keeps {@code a} unless {@code b} is smaller. */
  private static double pyMin(double a, double b) {
    return b < a ? b : a;
  }
}
