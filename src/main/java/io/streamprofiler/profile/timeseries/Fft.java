package io.streamprofiler.profile.timeseries;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Minimal complex FFT: iterative radix-2 for power-of-two sizes, Bluestein's chirp-z for any other
 * size. Twiddle factors are computed directly (not by recurrence) for accuracy and cached per size,
 * since profiles of equally long windows reuse the same sizes over and over.
 */
final class Fft {

  private static final ConcurrentHashMap<Integer, double[]> TWIDDLES = new ConcurrentHashMap<>();

  private Fft() {}

  /** Smallest power of two that is {@code >= n} (1 for n <= 1). */
  static int nextPowerOfTwo(int n) {
    int m = 1;
    while (m < n) {
      m <<= 1;
    }
    return m;
  }

  /**
   * In-place forward DFT {@code X_k = sum_j x_j exp(-2 pi i jk/m)} of a power-of-two length m; with
   * {@code inverse} the conjugate transform, unscaled (the caller divides by m when it needs to).
   */
  static void transform(double[] re, double[] im, boolean inverse) {
    int m = re.length;
    if (m <= 1) {
      return;
    }
    // Bit-reversal permutation.
    for (int i = 1, j = 0; i < m; i++) {
      int bit = m >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    double[] tw = twiddles(m); // interleaved cos, sin of 2 pi k/m, k < m/2
    double sign = inverse ? 1.0 : -1.0;
    for (int len = 2; len <= m; len <<= 1) {
      int half = len >> 1;
      int stride = m / len;
      for (int start = 0; start < m; start += len) {
        for (int k = 0, t = 0; k < half; k++, t += stride) {
          double wr = tw[2 * t];
          double wi = sign * tw[2 * t + 1];
          int a = start + k;
          int b = a + half;
          double xr = re[b] * wr - im[b] * wi;
          double xi = re[b] * wi + im[b] * wr;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
        }
      }
    }
  }

  private static double[] twiddles(int m) {
    return TWIDDLES.computeIfAbsent(
        m,
        size -> {
          double[] t = new double[size];
          for (int k = 0; k < size / 2; k++) {
            double angle = 2.0 * Math.PI * k / size;
            t[2 * k] = Math.cos(angle);
            t[2 * k + 1] = Math.sin(angle);
          }
          return t;
        });
  }

  /**
   * Raw circular-free autocorrelation sums {@code c_k = sum_t y_t y_{t+k}}, k = 0..n-1, of a real
   * series by zero-padding to a power of two {@code >= 2n-1} (so nothing wraps around).
   */
  static double[] autocorrelationSums(double[] y) {
    int n = y.length;
    int m = nextPowerOfTwo(Math.max(1, 2 * n - 1));
    double[] re = new double[m];
    double[] im = new double[m];
    System.arraycopy(y, 0, re, 0, n);
    transform(re, im, false);
    for (int k = 0; k < m; k++) {
      re[k] = re[k] * re[k] + im[k] * im[k];
      im[k] = 0.0;
    }
    transform(re, im, true);
    double[] c = new double[n];
    for (int k = 0; k < n; k++) {
      c[k] = re[k] / m;
    }
    return c;
  }

  /**
   * Power spectrum {@code |X_k|^2}, k = 0..kMax, of the length-n DFT of a real series (any n).
   * Power-of-two n uses the radix-2 transform directly; other n use Bluestein's algorithm, which
   * rewrites the DFT as a convolution with the chirp {@code w_j = exp(-i pi j^2/n)} done by radix-2
   * FFTs.
   */
  static double[] powerSpectrum(double[] x, int kMax) {
    int n = x.length;
    double[] out = new double[kMax + 1];
    if (n == 0) {
      return out;
    }
    if (Integer.bitCount(n) == 1) {
      double[] re = x.clone();
      double[] im = new double[n];
      transform(re, im, false);
      for (int k = 0; k <= kMax; k++) {
        out[k] = re[k] * re[k] + im[k] * im[k];
      }
      return out;
    }
    int m = nextPowerOfTwo(2 * n - 1);
    double[] wr = new double[n];
    double[] wi = new double[n];
    long twoN = 2L * n;
    for (int j = 0; j < n; j++) {
      // j^2 mod 2n keeps the chirp angle small, so it stays accurate for long series.
      long jj = ((long) j * j) % twoN;
      double angle = Math.PI * jj / n;
      wr[j] = Math.cos(angle);
      wi[j] = -Math.sin(angle);
    }
    double[] ar = new double[m];
    double[] ai = new double[m];
    for (int j = 0; j < n; j++) {
      ar[j] = x[j] * wr[j];
      ai[j] = x[j] * wi[j];
    }
    double[] br = new double[m];
    double[] bi = new double[m];
    br[0] = wr[0];
    bi[0] = -wi[0];
    for (int j = 1; j < n; j++) {
      br[j] = wr[j];
      bi[j] = -wi[j];
      br[m - j] = wr[j];
      bi[m - j] = -wi[j];
    }
    transform(ar, ai, false);
    transform(br, bi, false);
    for (int k = 0; k < m; k++) {
      double r = ar[k] * br[k] - ai[k] * bi[k];
      double i = ar[k] * bi[k] + ai[k] * br[k];
      ar[k] = r;
      ai[k] = i;
    }
    transform(ar, ai, true);
    // X_k = w_k * conv_k / m; |w_k| = 1, so the power needs only |conv_k|^2.
    double scale = 1.0 / ((double) m * m);
    for (int k = 0; k <= kMax; k++) {
      out[k] = (ar[k] * ar[k] + ai[k] * ai[k]) * scale;
    }
    return out;
  }
}
