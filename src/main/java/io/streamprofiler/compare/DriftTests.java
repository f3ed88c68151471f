package io.streamprofiler.compare;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Gamma;

/**
 * The drift statistics on two distributions: population stability index, Jensen-Shannon distance,
 * Kolmogorov-Smirnov statistic and the chi-squared test of homogeneity. Plain arithmetic on bin
 * probabilities or counts; {@link Drift} decides what the bins are.
 */
public final class DriftTests {
  /**
   * Probabilities below this count as this in PSI, so an empty bin adds a large but finite term.
   */
  public static final double PSI_FLOOR = 1e-4;

  private DriftTests() {}

  /**
   * sum (a - e) ln(a / e) over bins, each probability floored at {@link #PSI_FLOOR}. 0 for
   * identical inputs.
   */
  public static double psi(double[] expected, double[] actual) {
    double s = 0;
    for (int i = 0; i < expected.length; i++) {
      double e = Math.max(expected[i], PSI_FLOOR);
      double a = Math.max(actual[i], PSI_FLOOR);
      s += (a - e) * Math.log(a / e);
    }
    return s;
  }

  /**
   * Jensen-Shannon distance with base-2 logarithms (in [0, 1]), as {@code
   * scipy.spatial.distance.jensenshannon(p, q, base=2)}: both inputs are normalised first.
   */
  public static double jensenShannon(double[] p, double[] q) {
    double sp = 0;
    double sq = 0;
    for (int i = 0; i < p.length; i++) {
      sp += p[i];
      sq += q[i];
    }
    double d = 0;
    for (int i = 0; i < p.length; i++) {
      double a = p[i] / sp;
      double b = q[i] / sq;
      double m = (a + b) / 2;
      if (a > 0) {
        d += a * Math.log(a / m);
      }
      if (b > 0) {
        d += b * Math.log(b / m);
      }
    }
    return Math.sqrt(Math.max(0, d / 2 / Math.log(2)));
  }

  /**
   * sup |F1 - F2| over the knots of both, right and left limits: exact for step and
   * piecewise-linear F.
   */
  public static double kolmogorovSmirnov(NumericDistribution a, NumericDistribution b) {
    double d = 0;
    for (NumericDistribution side : List.of(a, b)) {
      double[] xs = side.knots();
      int n = xs.length;
      double[] aAt = new double[n];
      double[] aBefore = new double[n];
      double[] bAt = new double[n];
      double[] bBefore = new double[n];
      a.atAndBefore(xs, aAt, aBefore);
      b.atAndBefore(xs, bAt, bBefore);
      for (int i = 0; i < n; i++) {
        d = Math.max(d, Math.abs(aAt[i] - bAt[i]));
        d = Math.max(d, Math.abs(aBefore[i] - bBefore[i]));
      }
    }
    return Math.min(1, d);
  }

  /** Chi-squared test of homogeneity on a 2 x k table of counts, without continuity correction. */
  public record ChiSquared(double statistic, int dof, double pvalue, double cramersV) {}

  /**
   * As {@code scipy.stats.chi2_contingency([a, b], correction=False)}; categories empty on both
   * sides are dropped.
   */
  public static ChiSquared chiSquared(long[] a, long[] b) {
    List<long[]> columns = new ArrayList<>();
    long na = 0;
    long nb = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] + b[i] > 0) {
        columns.add(new long[] {a[i], b[i]});
        na += a[i];
        nb += b[i];
      }
    }
    long n = na + nb;
    int k = columns.size();
    if (k < 2 || na == 0 || nb == 0) {
      return new ChiSquared(0, Math.max(0, k - 1), 1, 0);
    }
    double stat = 0;
    for (long[] c : columns) {
      double total = c[0] + c[1];
      double ea = total * na / n;
      double eb = total * nb / n;
      stat += (c[0] - ea) * (c[0] - ea) / ea + (c[1] - eb) * (c[1] - eb) / eb;
    }
    int dof = k - 1;
    double p = Gamma.regularizedGammaQ(dof / 2.0, stat / 2.0);
    double v = Math.sqrt(stat / n); // min(2, k) - 1 = 1
    return new ChiSquared(stat, dof, Math.max(0, p), v);
  }
}
