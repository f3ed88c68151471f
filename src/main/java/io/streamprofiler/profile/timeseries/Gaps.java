package io.streamprofiler.profile.timeseries;

import java.util.ArrayList;
import java.util.List;

/**
 * Time gaps between observations, following ydata-profiling 4.5+ ({@code identify_gaps} and {@code
 * compute_gap_stats} in describe_timeseries_pandas.py).
 *
 * <p>Let d_i be the differences of consecutive event times. Only positive differences count: their
 * mean is the typical spacing (duplicate timestamps, d = 0, are left out, as are out-of-order
 * negative ones). A gap is a difference strictly greater than 2 x that mean; it spans from the
 * observation before to the observation after. The comparison is exact in integer microseconds (d *
 * count > 2 * sum) rather than against a rounded mean.
 */
public final class Gaps {

  private static final double MICROS_PER_SECOND = 1e6;

  private Gaps() {}

  /**
   * @param eventTimesMicros event times (epoch microseconds) of the non-missing values, in time
   *     order
   * @return never null; fewer than 2 times or no positive difference gives 0 gaps and zero
   *     statistics
   */
  public static GapsResult of(long[] eventTimesMicros) {
    long[] t = eventTimesMicros;
    long sum = 0;
    long count = 0;
    for (int i = 1; i < t.length; i++) {
      long d = t[i] - t[i - 1];
      if (d > 0) {
        sum += d;
        count++;
      }
    }
    List<Gap> gaps = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    if (count > 0) {
      for (int i = 1; i < t.length; i++) {
        long d = t[i] - t[i - 1];
        if (d > 0 && exceedsTwiceMean(d, sum, count)) {
          gaps.add(new Gap(t[i - 1], t[i]));
          sizes.add(d);
        }
      }
    }
    int k = sizes.size();
    if (k == 0) {
      return new GapsResult(0, 0.0, 0.0, 0.0, 0.0, gaps);
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double total = 0.0;
    for (long s : sizes) {
      double sec = s / MICROS_PER_SECOND;
      min = Math.min(min, sec);
      max = Math.max(max, sec);
      total += sec;
    }
    double mean = total / k;
    double std = 0.0;
    if (k > 1) {
      double ss = 0.0;
      for (long s : sizes) {
        double dev = s / MICROS_PER_SECOND - mean;
        ss += dev * dev;
      }
      std = Math.sqrt(ss / (k - 1));
    }
    return new GapsResult(k, min, max, mean, std, gaps);
  }

  /**
   * d > 2 * sum / count, without rounding: d * count > 2 * sum, falling back to doubles on
   * overflow.
   */
  private static boolean exceedsTwiceMean(long d, long sum, long count) {
    try {
      return Math.multiplyExact(d, count) > Math.multiplyExact(2L, sum);
    } catch (ArithmeticException overflow) {
      return (double) d > 2.0 * ((double) sum / count);
    }
  }
}
