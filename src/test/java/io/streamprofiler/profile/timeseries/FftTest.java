package io.streamprofiler.profile.timeseries;

import static org.junit.Assert.assertEquals;

import io.streamprofiler.profile.stats.Sums;
import java.util.Random;
import org.junit.Test;

/** The FFT paths against a direct O(n^2) DFT / direct sums. */
public class FftTest {

  @Test
  public void powerSpectrumMatchesDirectDft() {
    Random rnd = new Random(11);
    for (int n : new int[] {1, 2, 3, 7, 8, 64, 100, 257, 500, 1000}) {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = 5.0 + rnd.nextGaussian();
      }
      int kMax = n / 2;
      double[] p = Fft.powerSpectrum(x, kMax);
      double scale = 0.0;
      for (int k = 0; k <= kMax; k++) {
        double re = 0.0;
        double im = 0.0;
        for (int j = 0; j < n; j++) {
          double a = -2.0 * Math.PI * ((long) j * k % n) / n;
          re += x[j] * Math.cos(a);
          im += x[j] * Math.sin(a);
        }
        double want = re * re + im * im;
        scale = Math.max(scale, want);
        assertEquals("n=" + n + " k=" + k, want, p[k], 1e-10 * Math.max(scale, 1.0));
      }
    }
  }

  @Test
  public void autocorrelationSumsMatchDirectSums() {
    Random rnd = new Random(5);
    for (int n : new int[] {1, 2, 5, 16, 17, 333}) {
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = rnd.nextGaussian();
      }
      double[] c = Fft.autocorrelationSums(y);
      for (int k = 0; k < n; k++) {
        double s = 0.0;
        for (int t = 0; t + k < n; t++) {
          s += y[t] * y[t + k];
        }
        assertEquals("n=" + n + " k=" + k, s, c[k], 1e-12 * n);
      }
    }
  }

  @Test
  public void pairwiseSumAddsUp() {
    double[] x = new double[1000];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    assertEquals(499500.0, Sums.pairwise(x, 0, x.length), 0.0);
    assertEquals(499.5, Sums.mean(x, 0, x.length), 0.0);
    assertEquals(45.0, Sums.pairwise(x, 0, 10), 0.0);
  }
}
