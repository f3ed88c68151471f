package io.streamprofiler.profile.timeseries;

import io.streamprofiler.profile.stats.Sums;
import java.util.Arrays;

/**
 * Autocorrelation statistics of one series, as statsmodels 0.13 and pandas 1.5 define them.
 *
 * <p>Input is the non-missing, finite values of a column in event-time order. No method throws:
 * arrays always have length {@code nlags + 1} (empty when {@code nlags < 0}) and lags where the
 * statistic is undefined hold NaN. Values are dimensionless correlations, normally in [-1, 1]
 * (Yule-Walker PACF with adjusted denominators can leave that range at long lags, as in
 * statsmodels).
 */
public final class Autocorrelation {

  private Autocorrelation() {}

  /**
   * ydata-profiling's lag count for ACF/PACF plots: {@code min(100, count/2 - 1)} with integer
   * division, never negative.
   */
  public static int defaultLags(int count) {
    return Math.max(0, Math.min(100, count / 2 - 1));
  }

  /**
   * Sample autocorrelation at lags 0..nlags, equal to statsmodels {@code acf(x, nlags=nlags,
   * fft=True, adjusted=False)}: autocovariances of the demeaned series with denominator n, divided
   * by the lag-0 autocovariance, computed by FFT in O(n log n).
   *
   * @return length {@code nlags + 1}; NaN at lags {@code > n - 1} (statsmodels returns a shorter
   *     array there) and at every lag, lag 0 included, for an empty or constant series (0/0, as
   *     statsmodels gives).
   */
  public static double[] acf(double[] x, int nlags) {
    if (nlags < 0) {
      return new double[0];
    }
    double[] out = new double[nlags + 1];
    Arrays.fill(out, Double.NaN);
    int n = x.length;
    if (n == 0 || isConstant(x, 0, n)) {
      return out;
    }
    double[] c = Fft.autocorrelationSums(demean(x));
    // Dividing both by n first mirrors statsmodels' acovf / acovf[0] to the last bit more often.
    double c0 = c[0] / n;
    for (int k = 0; k <= Math.min(nlags, n - 1); k++) {
      out[k] = (c[k] / n) / c0;
    }
    return out;
  }

  /**
   * Partial autocorrelation at lags 0..nlags, equal to statsmodels 0.13 {@code pacf(x, nlags)}
   * (default method "ywadjusted": Yule-Walker on the demeaned series with autocovariances divided
   * by n - k). Instead of one Toeplitz solve per lag, one Levinson-Durbin recursion over the
   * adjusted autocovariances yields every lag's last Yule-Walker coefficient.
   *
   * @return length {@code nlags + 1}; lag 0 is 1.0; NaN at lags {@code >= n/2} (where statsmodels
   *     refuses) and at all lags {@code >= 1} of an empty or constant series (statsmodels raises a
   *     singular-matrix error there).
   */
  public static double[] pacf(double[] x, int nlags) {
    if (nlags < 0) {
      return new double[0];
    }
    double[] out = new double[nlags + 1];
    Arrays.fill(out, Double.NaN);
    out[0] = 1.0;
    int n = x.length;
    int maxLag = Math.min(nlags, n / 2 - 1);
    if (maxLag < 1 || isConstant(x, 0, n)) {
      return out;
    }
    double[] c = Fft.autocorrelationSums(demean(x));
    double[] r = new double[maxLag + 1];
    r[0] = c[0] / n;
    for (int k = 1; k <= maxLag; k++) {
      r[k] = c[k] / (n - k);
    }
    if (!(r[0] > 0.0)) {
      return out; // constant series: the Yule-Walker system is singular
    }
    levinsonDurbin(r, maxLag, out);
    return out;
  }

  /**
   * Levinson-Durbin recursion on autocovariances r[0..p]; writes phi_kk (the PACF) into pacf[1..p].
   * Division by a zero innovation variance yields NaN/infinity from there on, never an exception.
   */
  private static void levinsonDurbin(double[] r, int p, double[] pacf) {
    double[] phi = new double[p + 1];
    double[] prev = new double[p + 1];
    double sigma = r[0];
    for (int k = 1; k <= p; k++) {
      double acc = r[k];
      for (int j = 1; j < k; j++) {
        acc -= prev[j] * r[k - j];
      }
      double kappa = acc / sigma;
      phi[k] = kappa;
      for (int j = 1; j < k; j++) {
        phi[j] = prev[j] - kappa * prev[k - j];
      }
      sigma *= (1.0 - kappa * kappa);
      pacf[k] = kappa;
      System.arraycopy(phi, 1, prev, 1, k);
    }
  }

  /**
   * pandas {@code Series.autocorr(lag)}: Pearson correlation of x[t] with x[t - lag] over the n -
   * |lag| overlapping pairs (numpy's corrcoef, clipped to [-1, 1]).
   *
   * <p>Missing values (NaN) and infinities leave their pairs out, as {@code Series.corr} drops
   * incomplete pairs.
   *
   * @return NaN when fewer than 2 pairs overlap ({@code |lag| >= n - 1}) or either side is
   *     constant.
   */
  public static double autocorrAt(double[] x, int lag) {
    int k = Math.abs(lag);
    if (!allFinite(x)) {
      return completePairs(x, k);
    }
    int n = x.length;
    int m = n - k;
    if (m < 2 || isConstant(x, k, n) || isConstant(x, 0, m)) {
      return Double.NaN;
    }
    double meanA = Sums.mean(x, k, n);
    double meanB = Sums.mean(x, 0, m);
    double sab = 0.0;
    double saa = 0.0;
    double sbb = 0.0;
    for (int t = 0; t < m; t++) {
      double a = x[t + k] - meanA;
      double b = x[t] - meanB;
      sab += a * b;
      saa += a * a;
      sbb += b * b;
    }
    if (saa == 0.0 || sbb == 0.0) {
      return Double.NaN;
    }
    double r = sab / Math.sqrt(saa) / Math.sqrt(sbb);
    return Math.max(-1.0, Math.min(1.0, r));
  }

  private static boolean allFinite(double[] x) {
    for (double v : x) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Pearson correlation of the complete (x[t + k], x[t]) pairs, written side by side and reused.
   */
  private static double completePairs(double[] x, int k) {
    int n = x.length;
    double[] a = new double[Math.max(0, n - k)];
    double[] b = new double[a.length];
    int m = 0;
    for (int t = 0; t + k < n; t++) {
      if (Double.isFinite(x[t]) && Double.isFinite(x[t + k])) {
        a[m] = x[t + k];
        b[m] = x[t];
        m++;
      }
    }
    if (m < 2 || isConstant(a, 0, m) || isConstant(b, 0, m)) {
      return Double.NaN;
    }
    double meanA = Sums.mean(a, 0, m);
    double meanB = Sums.mean(b, 0, m);
    double sab = 0.0;
    double saa = 0.0;
    double sbb = 0.0;
    for (int t = 0; t < m; t++) {
      double da = a[t] - meanA;
      double db = b[t] - meanB;
      sab += da * db;
      saa += da * da;
      sbb += db * db;
    }
    double r = sab / Math.sqrt(saa) / Math.sqrt(sbb);
    return Math.max(-1.0, Math.min(1.0, r));
  }

  /**
   * True when x[from..to) holds one value: tested exactly, since a rounded mean need not cancel.
   */
  static boolean isConstant(double[] x, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      if (x[i] != x[from]) {
        return false;
      }
    }
    return true;
  }

  static double[] demean(double[] x) {
    double mean = Sums.mean(x, 0, x.length);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] - mean;
    }
    return y;
  }
}
