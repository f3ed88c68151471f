package io.streamprofiler.profile.timeseries;

/**
 * Augmented Dickey-Fuller unit-root test with a constant and AIC lag selection, equal to
 * statsmodels 0.13 {@code adfuller(x, autolag="AIC", regression="c")}.
 *
 * <p>The regression is {@code dx_t = a + b x_{t-1} + sum_{j<=p} c_j dx_{t-j} + e_t}. As in
 * statsmodels, {@code maxlag = min(n/2 - 2, ceil(12 (n/100)^(1/4)))}; lags 0..maxlag are compared
 * by OLS AIC ({@code -2 llf + 2 rank}) on the common sample of the maxlag fit, ties going to the
 * smaller lag; the chosen lag is refitted on every observation it allows, and tau is the t-value of
 * b.
 *
 * <p>Speed: the lagged regressors are shifts of one difference series, so their cross-product
 * matrix comes from a single pass plus a diagonal update (O(n p + p^2)), and all nested candidate
 * fits come from the leading blocks of one Cholesky factor: adding lag j only appends row j.
 */
public final class AdfTest {

  /**
   * Squared relative residual norm under which a regressor counts as collinear with earlier ones.
   */
  private static final double COLLINEAR = 1e-13;

  private AdfTest() {}

  /**
   * Runs the test on the non-missing values of a column in time order.
   *
   * @return null when the series is too short for the constant-only regression ({@code n < 4},
   *     where statsmodels raises); for a constant series a result with NaN statistic and p-value,
   *     usedlag 0, nobs n - 1 and the critical values, as statsmodels returns
   */
  public static AdfResult test(double[] x) {
    int n = x.length;
    if (n < 4) {
      return null;
    }
    int maxlag = (int) Math.ceil(12.0 * Math.pow(n / 100.0, 0.25));
    maxlag = Math.min(n / 2 - 2, maxlag);

    // The model has a constant, so shifting level and differences by any constant changes no
    // coefficient but keeps the cross products well conditioned.
    double[] level = Autocorrelation.demean(x);
    double[] d = new double[n - 1];
    for (int i = 0; i < n - 1; i++) {
      d[i] = x[i + 1] - x[i];
    }
    d = Autocorrelation.demean(d);

    int usedlag = selectLag(level, d, maxlag);
    return finalFit(x, level, d, usedlag);
  }

  /** AIC search over 0..maxlag lagged differences, all on rows t = maxlag..n-2. */
  private static int selectLag(double[] level, double[] d, int maxlag) {
    int y = 0;
    double[][] g = gram(level, d, maxlag, maxlag);
    int m = d.length - maxlag;
    // Regressor order: level first (always in the model), then lags 1..maxlag.
    int[] order = new int[maxlag + 1];
    order[0] = maxlag + 1;
    for (int j = 1; j <= maxlag; j++) {
      order[j] = j;
    }
    Nested fit = Nested.factor(g, order, y);
    double constant = m * (1.0 + Math.log(2.0 * Math.PI / m));
    double best = Double.POSITIVE_INFINITY;
    int bestLag = 0;
    for (int p = 0; p <= maxlag; p++) {
      double ssr = fit.ssr[p];
      double aic =
          m * (ssr > 0.0 ? Math.log(ssr) : Double.NEGATIVE_INFINITY)
              + constant
              + 2.0 * (1 + fit.rank[p]);
      if (aic < best || p == 0) {
        best = aic;
        bestLag = p;
      }
    }
    return bestLag;
  }

  /** Refit with the chosen lag on rows t = lag..n-2 and take the t-value of the lagged level. */
  private static AdfResult finalFit(double[] x, double[] level, double[] d, int lag) {
    int y = 0;
    double[][] g = gram(level, d, lag, lag);
    int m = d.length - lag;
    // Level last: its t-value is then z_last / s, straight from the factor.
    int[] order = new int[lag + 1];
    for (int j = 0; j < lag; j++) {
      order[j] = j + 1;
    }
    order[lag] = lag + 1;
    Nested fit = Nested.factor(g, order, y);
    double[] crit = MacKinnon.criticalValues(m);
    double stat = Double.NaN;
    int last = order.length - 1;
    int df = m - 1 - fit.rank[last];
    if (fit.independent[last] && df > 0) {
      double ssr = residualSumOfSquares(level, d, lag, fit.coefficients());
      stat = fit.z[last] / Math.sqrt(ssr / df);
    }
    return new AdfResult(stat, MacKinnon.pvalue(stat), lag, m, crit[0], crit[1], crit[2]);
  }

  /**
   * Residual sum of squares summed directly over the rows (not by subtraction from y'y), so the
   * final t-value keeps full precision even when the regression fits closely.
   */
  private static double residualSumOfSquares(double[] level, double[] d, int lag, double[] beta) {
    // beta: coefficients in regressor order [lag1..lag, level]; centred columns, constant implicit.
    int start = lag;
    int end = d.length;
    int m = end - start;
    int k = lag + 1;
    double[] means = new double[k + 1]; // index 0: response
    for (int i = start; i < end; i++) {
      means[0] += d[i];
      for (int j = 1; j <= lag; j++) {
        means[j] += d[i - j];
      }
      means[k] += level[i];
    }
    for (int j = 0; j <= k; j++) {
      means[j] /= m;
    }
    double ssr = 0.0;
    for (int i = start; i < end; i++) {
      double e = d[i] - means[0];
      for (int j = 1; j <= lag; j++) {
        e -= beta[j - 1] * (d[i - j] - means[j]);
      }
      e -= beta[lag] * (level[i] - means[k]);
      ssr += e * e;
    }
    return ssr;
  }

  /**
   * Centred cross products of the columns [d_t, d_{t-1}, ..., d_{t-q}, level_t] over rows t =
   * start..n-2 (index 0 is the response, q + 1 the lagged level). Lag columns are shifts of d, so
   * S(a, b) = S(a-1, b-1) + d[start-a] d[start-b] - d[end-a] d[end-b]: one pass for the first row,
   * then O(1) per entry.
   */
  static double[][] gram(double[] level, double[] d, int q, int start) {
    int end = d.length;
    int m = end - start;
    int k = q + 2;
    double[][] s = new double[k][k];
    for (int i = start; i < end; i++) {
      double di = d[i];
      double li = level[i];
      for (int b = 0; b <= q; b++) {
        double db = d[i - b];
        s[0][b] += di * db;
        s[b][q + 1] += li * db;
      }
      s[q + 1][q + 1] += li * li;
    }
    for (int a = 1; a <= q; a++) {
      for (int b = a; b <= q; b++) {
        s[a][b] = s[a - 1][b - 1] + d[start - a] * d[start - b] - d[end - a] * d[end - b];
      }
    }
    double[] prefix = new double[end + 1];
    for (int i = 0; i < end; i++) {
      prefix[i + 1] = prefix[i] + d[i];
    }
    double[] sums = new double[k];
    for (int a = 0; a <= q; a++) {
      sums[a] = prefix[end - a] - prefix[start - a];
    }
    for (int i = start; i < end; i++) {
      sums[q + 1] += level[i];
    }
    double[][] g = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = a; b < k; b++) {
        double v = s[a][b] - sums[a] * sums[b] / m;
        g[a][b] = v;
        g[b][a] = v;
      }
    }
    return g;
  }

  /**
   * Cholesky factor of a Gram matrix taken column by column in a given order, with the response
   * carried along: after column j, ssr[j] is the residual sum of squares of the regression on
   * columns order[0..j] (plus the constant), which is exactly the nested-model sequence.
   */
  static final class Nested {
    final double[][] l;
    final double[] z;
    final double[] ssr;
    final int[] rank;
    final boolean[] independent;

    private Nested(int k) {
      l = new double[k][k];
      z = new double[k];
      ssr = new double[k];
      rank = new int[k];
      independent = new boolean[k];
    }

    static Nested factor(double[][] g, int[] order, int y) {
      int k = order.length;
      Nested f = new Nested(k);
      double ssr = g[y][y];
      int rank = 0;
      for (int j = 0; j < k; j++) {
        int c = order[j];
        double[] lj = f.l[j];
        double piv = g[c][c];
        double zj = g[c][y];
        for (int i = 0; i < j; i++) {
          if (!f.independent[i]) {
            continue;
          }
          double[] li = f.l[i];
          double v = g[c][order[i]];
          for (int t = 0; t < i; t++) {
            v -= lj[t] * li[t];
          }
          v /= li[i];
          lj[i] = v;
          piv -= v * v;
          zj -= v * f.z[i];
        }
        // A column (numerically) inside the span of earlier ones adds nothing, as with a
        // pseudo-inverse fit: same ssr, same rank.
        if (g[c][c] > 0.0 && piv > COLLINEAR * g[c][c]) {
          double diag = Math.sqrt(piv);
          lj[j] = diag;
          f.z[j] = zj / diag;
          f.independent[j] = true;
          rank++;
          ssr -= f.z[j] * f.z[j];
        } else {
          java.util.Arrays.fill(lj, 0.0);
        }
        f.ssr[j] = Math.max(ssr, 0.0);
        f.rank[j] = rank;
      }
      return f;
    }

    /** Back substitution L^T beta = z; collinear columns get coefficient 0. */
    double[] coefficients() {
      int k = z.length;
      double[] beta = new double[k];
      for (int j = k - 1; j >= 0; j--) {
        if (!independent[j]) {
          continue;
        }
        double v = z[j];
        for (int i = j + 1; i < k; i++) {
          v -= l[i][j] * beta[i];
        }
        beta[j] = v / l[j][j];
      }
      return beta;
    }
  }
}
