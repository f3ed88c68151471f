package io.streamprofiler.profile.timeseries;

import java.util.Arrays;

/**
 * ydata-profiling's FFT seasonality test ({@code seasonality_test} in
 * describe_timeseries_pandas.py, itself adapted from Kats' FFT detector), reimplemented.
 *
 * <p>Steps: power spectrum {@code |DFT(x)|^2} of the raw (not demeaned) series at the positive
 * frequencies k/n, k = 1..(n-1)/2, in decibels ({@code 10 log10}); outlier threshold {@code median
 * + 6 * meanAbsDev}, where the median is over the positive dB values and the mean absolute
 * deviation (around their mean) is over the positive values strictly above that median; peaks as
 * scipy {@code find_peaks(ampl, threshold=0.1)} finds them (strict local maxima rising at least 0.1
 * dB above both neighbours; end points never qualify) and strictly above the outlier threshold;
 * then a peak is dropped when its frequency is within 1 % of an integer multiple of a
 * lower-frequency peak's frequency (the same pairwise loop as ydata).
 *
 * <p>No installable oracle exists for this test (ydata-profiling is not packaged here), so its
 * tests check behaviour: a period-24 sine is seasonal with period 24, white noise is not (the 6 *
 * MAD cut is a heuristic: like ydata's, it flags roughly 5 % of pure white-noise series). Series
 * too short to have 3 positive frequencies, constant or all-zero series are never seasonal.
 */
public final class Seasonality {

  private static final double MAD_THRESHOLD = 6.0;
  private static final double PEAK_THRESHOLD_DB = 0.1;
  private static final double HARMONIC_TOLERANCE = 0.01;

  private Seasonality() {}

  /** Runs the test on the non-missing values of a column in time order; never null. */
  public static SeasonalityResult detect(double[] x) {
    int n = x.length;
    int kMax = (n - 1) / 2;
    if (kMax < 3) {
      return new SeasonalityResult(false, new double[0]);
    }
    double[] psd = Fft.powerSpectrum(x, kMax);
    double[] ampl = new double[kMax]; // ampl[i] is bin k = i + 1
    for (int i = 0; i < kMax; i++) {
      ampl[i] = 10.0 * Math.log10(psd[i + 1]);
    }
    double threshold = outlierThreshold(ampl);
    if (Double.isNaN(threshold)) {
      return new SeasonalityResult(false, new double[0]);
    }
    int[] peaks = new int[kMax];
    int count = 0;
    for (int i = 1; i < kMax - 1; i++) {
      if (ampl[i] - ampl[i - 1] >= PEAK_THRESHOLD_DB
          && ampl[i] - ampl[i + 1] >= PEAK_THRESHOLD_DB
          && ampl[i] > threshold) {
        peaks[count++] = i + 1;
      }
    }
    // Frequencies as numpy's fftfreq forms them (k * (1/n)), so ratios round the same way.
    double step = 1.0 / n;
    boolean[] removed = new boolean[count];
    for (int a = 0; a < count; a++) {
      double base = peaks[a] * step;
      for (int b = a + 1; b < count; b++) {
        if (removed[b]) {
          continue;
        }
        double ratio = (peaks[b] * step) / base;
        double fraction = ratio - Math.floor(ratio);
        if (fraction < HARMONIC_TOLERANCE || fraction > 1.0 - HARMONIC_TOLERANCE) {
          removed[b] = true;
        }
      }
    }
    double[] periods = new double[count];
    int kept = 0;
    for (int a = 0; a < count; a++) {
      if (!removed[a]) {
        periods[kept++] = 1.0 / (peaks[a] * step);
      }
    }
    return new SeasonalityResult(kept > 0, Arrays.copyOf(periods, kept));
  }

  /**
   * median + 6 * mean absolute deviation of the above-median values, over positive dB values; NaN
   * if none.
   */
  private static double outlierThreshold(double[] ampl) {
    double[] pos = Arrays.stream(ampl).filter(v -> v > 0.0).sorted().toArray();
    int p = pos.length;
    if (p == 0) {
      return Double.NaN;
    }
    double median = (p % 2 == 1) ? pos[p / 2] : (pos[p / 2 - 1] + pos[p / 2]) / 2.0;
    double sum = 0.0;
    int above = 0;
    for (double v : pos) {
      if (v > median) {
        sum += v;
        above++;
      }
    }
    if (above == 0) {
      return Double.NaN; // pandas: mean of an empty selection
    }
    double mean = sum / above;
    double dev = 0.0;
    for (double v : pos) {
      if (v > median) {
        dev += Math.abs(v - mean);
      }
    }
    return median + MAD_THRESHOLD * (dev / above);
  }
}
