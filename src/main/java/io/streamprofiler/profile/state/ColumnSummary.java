package io.streamprofiler.profile.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * What the state knows of one column, read-only: exact counts and moments, sketched quantiles,
 * histogram counts, distinct count and frequent values with their error bounds. Counts and ratios
 * follow the exact path's rules ({@code NumericSummary}).
 */
public final class ColumnSummary {
  private final long rows;
  private final long missing;
  private final NumericState numbers;
  private final ValueState values;

  ColumnSummary(long rows, long missing, NumericState numbers, ValueState values) {
    this.rows = rows;
    this.missing = missing;
    this.numbers = numbers;
    this.values = values;
  }

  public long rows() {
    return rows;
  }

  public long missing() {
    return missing;
  }

  /** Non-missing values. */
  public long count() {
    return rows - missing;
  }

  /** Non-missing values that are numbers (±Infinity included). */
  public long numbers() {
    return numbers.count;
  }

  public long texts() {
    return values.textCount;
  }

  public long zeros() {
    return numbers.zeros;
  }

  public long negatives() {
    return numbers.negatives;
  }

  public long infinite() {
    return numbers.infinite;
  }

  /** Finite numbers: what the moments, quantiles and histogram are over. */
  public long finite() {
    return numbers.finite();
  }

  public double min() {
    return numbers.finite() == 0 ? Double.NaN : numbers.min;
  }

  public double max() {
    return numbers.finite() == 0 ? Double.NaN : numbers.max;
  }

  public double mean() {
    return numbers.moments.mean();
  }

  public double variance() {
    return numbers.moments.variance();
  }

  public double std() {
    return numbers.moments.std();
  }

  public double skewness() {
    return numbers.moments.skewness();
  }

  public double kurtosis() {
    return numbers.moments.kurtosis();
  }

  /** The sum of the finite numbers (count × mean: exact to rounding). */
  public double sum() {
    long n = numbers.finite();
    return n == 0 ? 0.0 : n * numbers.moments.mean();
  }

  /** The {@code q} quantile (0..1) of the finite numbers, from the KLL sketch; NaN when none. */
  public double quantile(double q) {
    if (numbers.quantiles.isEmpty()) {
      return Double.NaN;
    }
    if (q <= 0) {
      return min();
    }
    if (q >= 1) {
      return max();
    }
    return numbers.quantiles.getQuantile(q, QuantileSearchCriteria.INCLUSIVE);
  }

  /**
   * Normalized rank error of {@link #quantile} and {@link #histogram}: with 99% confidence the rank
   * of a returned quantile is within this fraction of the finite count of the asked one.
   */
  public double quantileRankError() {
    return numbers.quantiles.getNormalizedRankError(false);
  }

  /**
   * Counts of the finite numbers in numpy's bins {@code [e_i, e_i+1)}, the last one closed, from
   * the sketch's cumulative distribution; they add up to {@link #finite()}.
   */
  public long[] histogram(double[] edges) {
    int bins = edges.length - 1;
    long[] counts = new long[Math.max(0, bins)];
    long n = numbers.finite();
    if (bins < 1 || n == 0) {
      return counts;
    }
    long below = 0;
    for (int i = 0; i < bins; i++) {
      long upTo;
      if (i == bins - 1) {
        upTo = n;
      } else {
        // values < e_{i+1}: the exclusive rank of the edge
        double rank = numbers.quantiles.getRank(edges[i + 1], QuantileSearchCriteria.EXCLUSIVE);
        upTo = Math.max(below, Math.min(n, Math.round(rank * n)));
      }
      counts[i] = upTo - below;
      below = upTo;
    }
    return counts;
  }

  /** Distinct non-missing values, estimated (HyperLogLog). */
  public double distinct() {
    return values.distinctEstimate();
  }

  /** Bounds of {@link #distinct} at three standard errors (about 99.7%). */
  public double[] distinctBounds() {
    return values.distinctBounds();
  }

  /** A frequent value (a number or a text) and its estimated count. */
  public record Frequent(Object value, long count) {}

  /** The most frequent values by estimated count, numbers as Double, texts as String. */
  public List<Frequent> mostFrequent(int limit) {
    List<Frequent> out = new ArrayList<>();
    for (ValueState.Frequent f : values.mostFrequent(limit)) {
      out.add(new Frequent(f.number() != null ? f.number() : f.text(), f.count()));
    }
    return out;
  }

  /** The largest amount by which a count of {@link #mostFrequent} may be off. */
  public long frequentError() {
    return values.frequentError();
  }

  /** The 10 smallest distinct numbers (±Infinity included) with exact counts, ascending. */
  public List<Map.Entry<Double, Long>> smallest() {
    return numbers.smallest.entries();
  }

  /** The 10 largest distinct numbers with exact counts, descending. */
  public List<Map.Entry<Double, Long>> largest() {
    return numbers.largest.entries();
  }

  public long minLength() {
    return values.textCount == 0 ? 0 : values.minLength;
  }

  public long maxLength() {
    return values.maxLength;
  }

  public double meanLength() {
    return values.textCount == 0 ? Double.NaN : values.sumLength / (double) values.textCount;
  }
}
