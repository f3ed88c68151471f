package io.streamprofiler.profile.correlation;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.Test;

/** The O(n log n) tau-b against the textbook O(n^2) definition on random tied, gappy data. */
public class KendallTauTest {
  @Test
  public void agreesWithQuadraticDefinition() {
    Random rnd = new Random(42);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + rnd.nextInt(80);
      int levels = 1 + rnd.nextInt(6);
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = rnd.nextInt(levels);
        y[i] = rnd.nextInt(levels) + (rnd.nextBoolean() ? x[i] : 0);
        if (rnd.nextInt(10) == 0) {
          x[i] = Double.NaN;
        }
        if (rnd.nextInt(12) == 0) {
          y[i] = rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NaN;
        }
      }
      double expected = quadratic(x, y);
      double actual = Correlations.kendall(List.of("x", "y"), new double[][] {x, y}).matrix()[0][1];
      assertEquals("trial " + trial, expected, actual, 1e-12);
    }
  }

  @Test
  public void countsStrictlyDescendingPairs() {
    int[] y = {3, 1, 2, 2, 0};
    assertEquals(7, KendallTau.descendingPairs(y, 5, 4, new int[5]));
    assertEquals(0, KendallTau.descendingPairs(new int[] {0, 0, 1, 1}, 4, 2, new int[2]));
    assertEquals(6, KendallTau.descendingPairs(new int[] {3, 2, 1, 0}, 4, 4, new int[4]));
  }

  private static double quadratic(double[] x, double[] y) {
    long concordant = 0;
    long discordant = 0;
    long tiedXOnly = 0;
    long tiedYOnly = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        continue;
      }
      for (int j = i + 1; j < x.length; j++) {
        if (!Double.isFinite(x[j]) || !Double.isFinite(y[j])) {
          continue;
        }
        double s = Math.signum(x[i] - x[j]) * Math.signum(y[i] - y[j]);
        if (s > 0) {
          concordant++;
        } else if (s < 0) {
          discordant++;
        } else if (x[i] == x[j] && y[i] != y[j]) {
          tiedXOnly++;
        } else if (y[i] == y[j] && x[i] != x[j]) {
          tiedYOnly++;
        }
      }
    }
    double a = concordant + discordant + tiedXOnly;
    double b = concordant + discordant + tiedYOnly;
    if (a == 0 || b == 0) {
      return Double.NaN;
    }
    return (concordant - discordant) / Math.sqrt(a * b);
  }
}
