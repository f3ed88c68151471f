package io.streamprofiler.profile;

import io.streamprofiler.record.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One column of a key-window, pulled out of the rows once: its non-missing numbers with their event
 * times, its non-missing values as text, and where it is missing. Rows are in event-time order, so
 * every array here is too.
 */
final class ColumnValues {
  final String name;
  final int n;

  /** Non-missing numeric values (infinities included), in time order. */
  final double[] numbers;

  /** Event times (µs) of {@link #numbers}. */
  final long[] numberTimes;

  /** One entry per row: the number, or NaN when the value is missing or not a number. */
  final double[] aligned;

  private final List<Row> rows;
  private final int column;

  /** Made on first use: a numeric column that stays numeric never needs its values as text. */
  private List<String> texts;

  /** Row indices where the value is missing. */
  final boolean[] missing;

  final int nMissing;

  /** True when some non-missing value is not a number. */
  final boolean hasText;

  private ColumnValues(
      String name,
      int n,
      double[] numbers,
      long[] numberTimes,
      double[] aligned,
      List<Row> rows,
      int column,
      boolean[] missing,
      int nMissing,
      boolean hasText) {
    this.name = name;
    this.n = n;
    this.numbers = numbers;
    this.numberTimes = numberTimes;
    this.aligned = aligned;
    this.rows = rows;
    this.column = column;
    this.missing = missing;
    this.nMissing = nMissing;
    this.hasText = hasText;
  }

  static ColumnValues of(String name, int column, List<Row> rows) {
    int n = rows.size();
    double[] numbers = new double[n];
    long[] times = new long[n];
    double[] aligned = new double[n];
    boolean[] missing = new boolean[n];
    int count = 0;
    int nMissing = 0;
    boolean hasText = false;
    for (int i = 0; i < n; i++) {
      Row row = rows.get(i);
      aligned[i] = row.number(column);
      if (row.isMissing(column)) {
        missing[i] = true;
        nMissing++;
        continue;
      }
      if (row.isNumber(column)) {
        numbers[count] = row.number(column);
        times[count] = row.eventTimeMicros();
        count++;
      } else {
        hasText = true;
      }
    }
    return new ColumnValues(
        name,
        n,
        Arrays.copyOf(numbers, count),
        Arrays.copyOf(times, count),
        aligned,
        rows,
        column,
        missing,
        nMissing,
        hasText);
  }

  /** Whether some value is -0.0 (which reads as text apart from 0.0). */
  boolean hasNegativeZero() {
    for (double v : numbers) {
      if (Double.doubleToRawLongBits(v) == Long.MIN_VALUE) {
        return true;
      }
    }
    return false;
  }

  /** Every non-missing value as text (numbers in shortest form), in time order. */
  List<String> texts() {
    if (texts == null) {
      List<String> t = new ArrayList<>(n - nMissing);
      for (int i = 0; i < n; i++) {
        if (!missing[i]) {
          t.add(rows.get(i).display(column));
        }
      }
      texts = t;
    }
    return texts;
  }

  int count() {
    return n - nMissing;
  }

  /** The finite numbers, in time order: what moments, ACF and ADF are computed on. */
  double[] finiteNumbers() {
    return Arrays.stream(numbers).filter(Double::isFinite).toArray();
  }

  private double[] sortedFinite;

  /**
   * The finite numbers in ascending order, sorted once for the summary and the distribution that
   * both need them; shared, so callers must not change it.
   */
  double[] sortedFiniteNumbers() {
    if (sortedFinite == null) {
      sortedFinite = finiteNumbers();
      Arrays.sort(sortedFinite);
    }
    return sortedFinite;
  }

  /** Event times of the finite numbers. */
  long[] finiteTimes() {
    long[] t = new long[numbers.length];
    int k = 0;
    for (int i = 0; i < numbers.length; i++) {
      if (Double.isFinite(numbers[i])) {
        t[k++] = numberTimes[i];
      }
    }
    return Arrays.copyOf(t, k);
  }
}
