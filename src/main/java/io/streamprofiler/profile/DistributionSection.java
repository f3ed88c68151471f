package io.streamprofiler.profile;

import io.streamprofiler.profile.stats.ValueCount;
import io.streamprofiler.profile.stats.ValueCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A variable's {@code distribution}: what a comparison needs to test for drift from the stored
 * profile alone, without the rows. The top-10 value counts and a histogram over each side's own
 * range are not enough for PSI, Jensen-Shannon, Kolmogorov-Smirnov or chi-squared, so:
 *
 * <ul>
 *   <li>numbers (Numeric, TimeSeries, and Categorical columns of numbers): {@code percentiles}, the
 *       101 quantiles at 0%, 1%, ..., 100% of the finite values (numpy's default "linear" method,
 *       as {@code 5%}..{@code 95%} are), and, when there are at most {@link #MAX_VALUES} distinct
 *       finite values, {@code values}: every one of them with its count, ascending by value;
 *   <li>categories (Categorical text, Boolean): {@code values}, the {@link #MAX_VALUES} most common
 *       values with their counts, and {@code other}, how many values are not listed (0 when the
 *       list is complete).
 * </ul>
 */
final class DistributionSection {
  /** Percentile levels stored: 0..100 in steps of 1. */
  static final int LEVELS = 101;

  /** Most values listed per variable. */
  static final int MAX_VALUES = 100;

  private DistributionSection() {}

  /**
   * The distribution of a described column, or null when its type has none (Text, DateTime,
   * Unsupported).
   */
  static Map<String, Object> of(
      VariableType type,
      ColumnValues column,
      ValueCounts<Double> numberCounts,
      ValueCounts<String> categories) {
    boolean numbers =
        numberCounts != null
            && (type == VariableType.Numeric
                || type == VariableType.TimeSeries
                || type == VariableType.Categorical);
    if (numbers) {
      return numericOfSorted(column.sortedFiniteNumbers());
    }
    if ((type == VariableType.Categorical || type == VariableType.Boolean) && categories != null) {
      return categorical(categories);
    }
    return null;
  }

  /** The distribution of finite numbers already in ascending order (not changed). */
  static Map<String, Object> numericOfSorted(double[] sorted) {
    Tree t = Tree.object();
    if (sorted.length == 0) {
      return t.put("percentiles", List.of()).build();
    }
    double[] p = new double[LEVELS];
    for (int i = 0; i < LEVELS; i++) {
      p[i] = linear(sorted, i / 100.0);
    }
    t.put("percentiles", p);
    List<Object> values = new ArrayList<>();
    int i = 0;
    while (i < sorted.length && values.size() <= MAX_VALUES) {
      int j = i;
      while (j < sorted.length && sorted[j] == sorted[i]) {
        j++;
      }
      values.add(
          Tree.object()
              .put("value", sorted[i] == 0 ? 0.0 : sorted[i])
              .put("count", (long) (j - i))
              .build());
      i = j;
    }
    if (values.size() <= MAX_VALUES) {
      t.put("values", values);
    }
    return t.build();
  }

  static Map<String, Object> categorical(ValueCounts<String> counts) {
    List<ValueCount<String>> top = counts.mostCommon(MAX_VALUES);
    long listed = 0;
    List<Object> values = new ArrayList<>(top.size());
    for (ValueCount<String> vc : top) {
      listed += vc.count();
      values.add(Tree.object().put("value", vc.value()).put("count", vc.count()).build());
    }
    return Tree.object().put("values", values).put("other", counts.count() - listed).build();
  }

  /** numpy.quantile(sorted, q), "linear" method, with numpy's lerp. */
  static double linear(double[] sorted, double q) {
    int n = sorted.length;
    double virtual = (n - 1) * q;
    double below = Math.floor(virtual);
    int lo = (int) Math.min(below, n - 1);
    int hi = Math.min(lo + 1, n - 1);
    double gamma = virtual - below;
    double a = sorted[lo];
    double b = sorted[hi];
    double diff = b - a;
    return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
  }
}
