package io.streamprofiler.profile.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Descriptive statistics of one numeric column, with ydata-profiling's names and pandas/numpy's
 * definitions.
 *
 * <p>What the numbers cover:
 *
 * <ul>
 *   <li>{@code n} counts rows, missing included; {@code count} the non-missing values (±Infinity
 *       included). {@code p_missing} is over {@code n}; {@code p_negative}, {@code p_zeros}, {@code
 *       p_infinite} are over {@code n} as in ydata; {@code p_distinct}, {@code p_unique} over
 *       {@code count}.
 *   <li>Distinct/unique counts, the most common values, the 10 smallest and 10 largest distinct
 *       values and {@code monotonic} are over all non-missing values, ±Infinity included (they list
 *       values, they do not compute with them). {@code n_negative} includes -Infinity; -0.0 is a
 *       zero.
 *   <li>Every statistic that computes with values (mean, std, variance, min, max, range, sum,
 *       skewness, kurtosis, mad, quantiles, iqr, cv, histogram) is over the finite values only.
 * </ul>
 *
 * <p>Undefined results are NaN, never an exception: mean, min, max, quantiles, mad of no finite
 * value; variance and std below 2 finite values; skewness below 3 and kurtosis below 4 (pandas); cv
 * when the mean is 0 or NaN. A constant column has skewness 0 and kurtosis 0 (pandas' rule: it
 * zeroes moment sums below 1e-14, see {@link PandasMoments}). The sum of no value is 0, as in
 * pandas. {@code monotonic} follows pandas' {@code is_monotonic_*} and {@code is_unique}, so an
 * empty or one-value column is 2 and a constant one is 1.
 *
 * <p>The histogram has min(50, n_distinct) bins, n_distinct counting infinities as ydata does.
 * Most-common ties: see {@link ValueCounts}. {@code smallest} is ascending, {@code largest}
 * descending.
 */
public record NumericSummary(
    long n,
    long count,
    long nMissing,
    double pMissing,
    int nDistinct,
    double pDistinct,
    long nUnique,
    double pUnique,
    boolean isUnique,
    long nNegative,
    double pNegative,
    long nInfinite,
    double pInfinite,
    long nZeros,
    double pZeros,
    double mean,
    double std,
    double variance,
    double min,
    double max,
    double range,
    double sum,
    double skewness,
    double kurtosis,
    double mad,
    double q05,
    double q25,
    double q50,
    double q75,
    double q95,
    double iqr,
    double cv,
    int monotonic,
    Histogram histogram,
    List<ValueCount<Double>> smallest,
    List<ValueCount<Double>> largest,
    List<ValueCount<Double>> mostCommon,
    MomentsState moments,
    ValueCounts<Double> valueCounts) {

  /** Length of the most-common and extreme-value lists. */
  public static final int TOP = 10;

  /** Upper bound of histogram bins. */
  public static final int MAX_BINS = 50;

  public static final int STRICTLY_INCREASING = 2;
  public static final int INCREASING = 1;
  public static final int NOT_MONOTONIC = 0;
  public static final int DECREASING = -1;
  public static final int STRICTLY_DECREASING = -2;

  /** Summary of non-missing values in time order (NaN elements are taken as missing). */
  public static NumericSummary of(double[] valuesInTimeOrder) {
    return of(valuesInTimeOrder, 0);
  }

  /**
   * As {@link #of(double[])}, for a column that also had {@code nMissing} missing rows not passed
   * here.
   */
  public static NumericSummary of(double[] valuesInTimeOrder, long nMissing) {
    return of(valuesInTimeOrder, nMissing, ValueCounts.ofDoubles(valuesInTimeOrder));
  }

  /**
   * As {@link #of(double[], long)}, reusing {@code counts}, which must be {@code
   * ValueCounts.ofDoubles(valuesInTimeOrder)} (the engine builds it once per column for type
   * inference).
   */
  public static NumericSummary of(
      double[] valuesInTimeOrder, long nMissing, ValueCounts<Double> counts) {
    return of(valuesInTimeOrder, nMissing, counts, null);
  }

  /**
   * As {@link #of(double[], long, ValueCounts)}, with the finite values already sorted ascending
   * ({@code sortedFinite}, not changed), or null to sort them here.
   */
  public static NumericSummary of(
      double[] valuesInTimeOrder,
      long nMissing,
      ValueCounts<Double> counts,
      double[] sortedFinite) {
    double[] v = valuesInTimeOrder;
    double[] finite = new double[v.length];
    int nf = 0;
    long nan = 0;
    long negInf = 0;
    long posInf = 0;
    long negative = 0;
    long zeros = 0;
    boolean increasing = true;
    boolean decreasing = true;
    boolean hasPrevious = false;
    double previous = 0;
    for (double x : v) {
      if (Double.isNaN(x)) {
        nan++;
        continue;
      }
      if (hasPrevious) {
        if (x < previous) {
          increasing = false;
        } else if (x > previous) {
          decreasing = false;
        }
      }
      previous = x;
      hasPrevious = true;
      if (x < 0) {
        negative++;
      } else if (x == 0) {
        zeros++;
      }
      if (x == Double.POSITIVE_INFINITY) {
        posInf++;
      } else if (x == Double.NEGATIVE_INFINITY) {
        negInf++;
      } else {
        finite[nf++] = x;
      }
    }
    if (nf < finite.length) {
      finite = Arrays.copyOf(finite, nf);
    }
    long count = v.length - nan;
    long missing = nMissing + nan;
    long n = count + missing;
    long infinite = negInf + posInf;

    double[] sorted = sortedFinite;
    if (sorted == null) {
      sorted = finite.clone();
      Arrays.sort(sorted);
    }

    double sum = Sums.pairwise(finite);
    double mean = nf == 0 ? Double.NaN : sum / nf;
    // Central moment sums the way pandas' nanskew/nankurt form them: (x - mean)², (x - mean)² (x -
    // mean), ((x - mean)²)².
    double[] dev = new double[nf];
    double[] pow = new double[nf];
    for (int i = 0; i < nf; i++) {
      dev[i] = finite[i] - mean;
      pow[i] = dev[i] * dev[i];
    }
    double m2 = Sums.pairwise(pow);
    for (int i = 0; i < nf; i++) {
      pow[i] = (dev[i] * dev[i]) * dev[i];
    }
    double m3 = Sums.pairwise(pow);
    for (int i = 0; i < nf; i++) {
      double d2 = dev[i] * dev[i];
      pow[i] = d2 * d2;
    }
    double m4 = Sums.pairwise(pow);

    double variance = PandasMoments.variance(nf, m2);
    double std = Math.sqrt(variance);
    double min = nf == 0 ? Double.NaN : sorted[0];
    double max = nf == 0 ? Double.NaN : sorted[nf - 1];
    double q25 = Quantiles.linear(sorted, 0.25);
    double q75 = Quantiles.linear(sorted, 0.75);
    double cv = mean == 0 || Double.isNaN(mean) ? Double.NaN : std / mean;

    int nDistinct = counts.nDistinct();
    long nUnique = counts.nUnique();
    boolean isUnique = nUnique == count;
    int monotonic =
        increasing && isUnique
            ? STRICTLY_INCREASING
            : decreasing && isUnique
                ? STRICTLY_DECREASING
                : increasing ? INCREASING : decreasing ? DECREASING : NOT_MONOTONIC;

    return new NumericSummary(
        n,
        count,
        missing,
        ratio(missing, n),
        nDistinct,
        ratio(nDistinct, count),
        nUnique,
        ratio(nUnique, count),
        isUnique,
        negative,
        ratio(negative, n),
        infinite,
        ratio(infinite, n),
        zeros,
        ratio(zeros, n),
        mean,
        std,
        variance,
        min,
        max,
        max - min,
        sum,
        PandasMoments.skewness(nf, m2, m3),
        PandasMoments.kurtosis(nf, m2, m4),
        Quantiles.medianAbsoluteDeviation(sorted),
        Quantiles.linear(sorted, 0.05),
        q25,
        Quantiles.linear(sorted, 0.5),
        q75,
        Quantiles.linear(sorted, 0.95),
        q75 - q25,
        cv,
        monotonic,
        Histogram.ofSorted(sorted, Math.min(MAX_BINS, nDistinct)),
        extremes(sorted, negInf, posInf, true),
        extremes(sorted, negInf, posInf, false),
        counts.mostCommon(TOP),
        MomentsState.fromArray(new double[] {nf, nf == 0 ? 0 : mean, m2, m3, m4}),
        counts);
  }

  /**
   * The TOP smallest (ascending) or largest (descending) distinct values with counts, read off the
   * sorted runs.
   */
  private static List<ValueCount<Double>> extremes(
      double[] sorted, long negInf, long posInf, boolean smallest) {
    List<ValueCount<Double>> out = new ArrayList<>(TOP);
    long edgeInf = smallest ? negInf : posInf;
    if (edgeInf > 0) {
      out.add(
          new ValueCount<>(
              smallest ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, edgeInf));
    }
    int n = sorted.length;
    int i = 0;
    while (i < n && out.size() < TOP) {
      int at = smallest ? i : n - 1 - i;
      double value = sorted[at];
      int run = 1;
      while (i + run < n && sorted[smallest ? at + run : at - run] == value) {
        run++;
      }
      out.add(new ValueCount<>(value == 0 ? 0.0 : value, run));
      i += run;
    }
    long otherInf = smallest ? posInf : negInf;
    if (otherInf > 0 && out.size() < TOP) {
      out.add(
          new ValueCount<>(
              smallest ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY, otherInf));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The mergeable moments of the finite values (exact two-pass sums); a copy, so the caller may add
   * to it.
   */
  @Override
  public MomentsState moments() {
    return moments.copy();
  }

  private static double ratio(double part, double whole) {
    return part / whole;
  }

  /** Quantile by its label: 0.05, 0.25, 0.5, 0.75 or 0.95. */
  public double quantile(double level) {
    if (level == 0.05) {
      return q05;
    } else if (level == 0.25) {
      return q25;
    } else if (level == 0.5) {
      return q50;
    } else if (level == 0.75) {
      return q75;
    } else if (level == 0.95) {
      return q95;
    }
    throw new IllegalArgumentException(
        "no quantile at " + level + "; levels are 0.05, 0.25, 0.5, 0.75, 0.95");
  }
}
