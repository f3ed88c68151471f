package io.streamprofiler.profile.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.ObjLongConsumer;

/**
 * How often each distinct value of one column occurs, built once in O(n) with a hash table and then
 * shared by every statistic that needs it (distinct/unique counts, most common values, type
 * inference). Doubles are counted in a table of their bits, not a map of boxed values: a numeric
 * column of a window has nearly as many distinct values as rows, and boxing each was a fifth of the
 * profiler's time.
 *
 * <p>Missing values ({@code null}, and NaN for doubles) are not counted as values: they only add to
 * {@link #nMissing()}. For doubles, {@code -0.0} is counted as {@code 0.0}, as pandas does.
 *
 * <p>Memory is bounded by {@code maxTracked}: once that many distinct values are counted, a value
 * not seen before is no longer kept but added to {@link #otherCount()}, the "other" tail (values
 * already tracked go on being counted exactly). Then {@link #truncated()} is true, {@link
 * #nDistinct()} and {@link #nUnique()} are over the tracked values only (a lower bound of the
 * distinct values) and the most common values are those among the tracked ones. Without a cap every
 * value is tracked.
 *
 * <p>Order of {@link #mostCommon(int)}: by count, descending; ties by first occurrence in the
 * input. pandas leaves the order of ties unspecified (it sorts counts with an unstable quicksort);
 * first occurrence is deterministic, independent of the value type, and is what pandas shows for
 * small inputs.
 */
public final class ValueCounts<T> {
  // Distinct values as slots 0..k-1, in order of first occurrence (which also breaks ties in
  // mostCommon). Exactly one of the two value arrays is set.
  private final Object[] objects;
  private final double[] doubles;
  private final long[] slotCounts;
  private final int k;
  private final HashMap<T, Integer> index; // for countOf; null for doubles (see DoubleSlots)
  private final DoubleSlots doubleIndex;
  private final long count;
  private final long nMissing;
  private final long nUnique;
  private final long otherCount;

  private ValueCounts(
      Object[] objects,
      double[] doubles,
      long[] slotCounts,
      int k,
      HashMap<T, Integer> index,
      DoubleSlots doubleIndex,
      long count,
      long nMissing,
      long otherCount) {
    this.objects = objects;
    this.doubles = doubles;
    this.slotCounts = slotCounts;
    this.k = k;
    this.index = index;
    this.doubleIndex = doubleIndex;
    this.count = count;
    this.nMissing = nMissing;
    this.otherCount = otherCount;
    long unique = 0;
    for (int i = 0; i < k; i++) {
      if (slotCounts[i] == 1) {
        unique++;
      }
    }
    this.nUnique = unique;
  }

  /** Counts of {@code values}; {@code null} elements are missing. */
  public static <T> ValueCounts<T> of(Iterable<? extends T> values) {
    return of(values, Integer.MAX_VALUE);
  }

  /**
   * Counts of {@code values}, at most {@code maxTracked} distinct ones kept (see the class doc).
   */
  public static <T> ValueCounts<T> of(Iterable<? extends T> values, int maxTracked) {
    checkCap(maxTracked);
    HashMap<T, Integer> index = new HashMap<>();
    List<T> distinct = new ArrayList<>();
    long[] counts = new long[16];
    long seen = 0;
    long missing = 0;
    long other = 0;
    T previous = null;
    int previousSlot = -1;
    for (T v : values) {
      seen++;
      if (v == null) {
        missing++;
        continue;
      }
      if (v == previous && previousSlot >= 0) {
        // A column often repeats its last value as the very same object (a key, a flag, texts
        // decoded from one table): no hash lookup then.
        counts[previousSlot]++;
        continue;
      }
      Integer slot = index.get(v);
      previous = v;
      previousSlot = slot != null ? slot : -1;
      if (slot != null) {
        counts[slot]++;
      } else if (distinct.size() < maxTracked) {
        int k = distinct.size();
        if (k == counts.length) {
          counts = Arrays.copyOf(counts, 2 * k);
        }
        index.put(v, k);
        distinct.add(v);
        counts[k] = 1;
        previousSlot = k;
      } else {
        other++;
      }
    }
    return new ValueCounts<>(
        distinct.toArray(),
        null,
        counts,
        distinct.size(),
        index,
        null,
        seen - missing,
        missing,
        other);
  }

  /**
   * Counts of {@code values}; NaN elements are missing, -0.0 counts as 0.0, infinities are ordinary
   * values.
   */
  public static ValueCounts<Double> ofDoubles(double[] values) {
    return ofDoubles(values, Integer.MAX_VALUE);
  }

  /**
   * As {@link #ofDoubles(double[])}, at most {@code maxTracked} distinct values kept (see the class
   * doc).
   */
  public static ValueCounts<Double> ofDoubles(double[] values, int maxTracked) {
    checkCap(maxTracked);
    DoubleSlots slots = new DoubleSlots(Math.min(maxTracked, values.length));
    long missing = 0;
    long other = 0;
    for (double v : values) {
      if (Double.isNaN(v)) {
        missing++;
      } else if (!slots.add(v + 0.0, maxTracked)) { // + 0.0 turns -0.0 into 0.0
        other++;
      }
    }
    return new ValueCounts<>(
        null,
        slots.values,
        slots.counts,
        slots.size,
        null,
        slots,
        values.length - missing,
        missing,
        other);
  }

  /**
   * Open addressing on a double's bits: slot numbers in a power-of-two table, values and counts in
   * arrays by slot.
   */
  private static final class DoubleSlots {
    int[] table; // slot + 1, 0 for empty
    double[] values;
    long[] counts;
    int size;

    DoubleSlots(int expected) {
      int capacity = Integer.highestOneBit(Math.max(16, 2 * expected - 1)) << 1;
      table = new int[capacity];
      values = new double[Math.max(16, expected)];
      counts = new long[values.length];
    }

    /** Counts {@code v}; false when it is new but {@code maxTracked} values are kept already. */
    boolean add(double v, int maxTracked) {
      long bits = Double.doubleToRawLongBits(v);
      int mask = table.length - 1;
      for (int i = hash(bits) & mask; ; i = (i + 1) & mask) {
        int slot = table[i] - 1;
        if (slot < 0) {
          if (size >= maxTracked) {
            return false;
          }
          insert(i, v);
          return true;
        }
        if (Double.doubleToRawLongBits(values[slot]) == bits) {
          counts[slot]++;
          return true;
        }
      }
    }

    private void insert(int at, double v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, 2 * size);
        counts = Arrays.copyOf(counts, 2 * size);
      }
      values[size] = v;
      counts[size] = 1;
      table[at] = ++size;
      if (2 * size > table.length) {
        rehash();
      }
    }

    private void rehash() {
      table = new int[2 * table.length];
      int mask = table.length - 1;
      for (int slot = 0; slot < size; slot++) {
        int i = hash(Double.doubleToRawLongBits(values[slot])) & mask;
        while (table[i] != 0) {
          i = (i + 1) & mask;
        }
        table[i] = slot + 1;
      }
    }

    int slotOf(double v) {
      long bits = Double.doubleToRawLongBits(v + 0.0);
      int mask = table.length - 1;
      for (int i = hash(bits) & mask; table[i] != 0; i = (i + 1) & mask) {
        int slot = table[i] - 1;
        if (Double.doubleToRawLongBits(values[slot]) == bits) {
          return slot;
        }
      }
      return -1;
    }

    /** Fibonacci hashing: the high bits of the product mix every bit of the double. */
    private static int hash(long bits) {
      return (int) ((bits * 0x9E3779B97F4A7C15L) >>> 32);
    }
  }

  /**
   * These counts of doubles with each value replaced by its label, in the same order: what {@link
   * #of} would count over the labels, when {@code label} gives distinct values distinct labels.
   * Each distinct value is labelled once, not each occurrence.
   */
  public ValueCounts<String> labelled(DoubleFunction<String> label) {
    if (doubles == null) {
      throw new IllegalStateException("only counts of doubles are labelled");
    }
    Object[] labels = new Object[k];
    HashMap<String, Integer> labelIndex = new HashMap<>();
    for (int i = 0; i < k; i++) {
      String l = label.apply(doubles[i]);
      labels[i] = l;
      labelIndex.put(l, i);
    }
    return new ValueCounts<>(
        labels, null, slotCounts, k, labelIndex, null, count, nMissing, otherCount);
  }

  private static void checkCap(int maxTracked) {
    if (maxTracked < 1) {
      throw new IllegalArgumentException("maxTracked must be at least 1, not " + maxTracked);
    }
  }

  /**
   * Occurrences of values that were not tracked because the cap was reached (0 without truncation).
   */
  public long otherCount() {
    return otherCount;
  }

  /** True when some distinct values were not tracked: distinct counts are then lower bounds. */
  public boolean truncated() {
    return otherCount > 0;
  }

  /** Non-missing values counted. */
  public long count() {
    return count;
  }

  /** Missing values seen (not part of any count). */
  public long nMissing() {
    return nMissing;
  }

  /** Number of distinct non-missing values (of the tracked ones when {@link #truncated()}). */
  public int nDistinct() {
    return k;
  }

  /** Number of values that occur exactly once. */
  public long nUnique() {
    return nUnique;
  }

  /** Occurrences of {@code value}; 0 when absent. */
  public long countOf(T value) {
    int slot;
    if (doubleIndex != null) {
      slot = value instanceof Double d ? doubleIndex.slotOf(d) : -1;
    } else {
      Integer s = index.get(value);
      slot = s == null ? -1 : s;
    }
    return slot < 0 ? 0 : slotCounts[slot];
  }

  @SuppressWarnings("unchecked")
  private T value(int slot) {
    return doubles != null ? (T) (Double) doubles[slot] : (T) objects[slot];
  }

  /** Calls {@code action} once per distinct value, in order of first occurrence. */
  public void forEach(ObjLongConsumer<? super T> action) {
    for (int i = 0; i < k; i++) {
      action.accept(value(i), slotCounts[i]);
    }
  }

  /** Counts of every distinct value, in order of first occurrence (k = {@link #nDistinct()}). */
  public long[] counts() {
    return Arrays.copyOf(slotCounts, k);
  }

  /**
   * The {@code n} most common values (fewer when there are fewer distinct values), see the class
   * doc for ties.
   */
  public List<ValueCount<T>> mostCommon(int n) {
    int m = Math.min(n, k);
    if (m <= 0) {
      return List.of();
    }
    // Rank key: count descending, then slot (first occurrence) ascending, in one long. A column
    // holds fewer than 2^31 values, so a count fits in the upper half.
    long[] top = new long[m];
    int filled = 0;
    for (int slot = 0; slot < k; slot++) {
      long key = ((long) (Integer.MAX_VALUE - slotCounts[slot]) << 32) | slot;
      if (filled == m && key >= top[m - 1]) {
        continue; // the common case once the list is full: not among the n first
      }
      int at = filled < m ? filled++ : m - 1;
      while (at > 0 && top[at - 1] > key) {
        top[at] = top[at - 1];
        at--;
      }
      top[at] = key;
    }
    List<ValueCount<T>> out = new ArrayList<>(m);
    for (long key : top) {
      int slot = (int) key;
      out.add(new ValueCount<>(value(slot), slotCounts[slot]));
    }
    return Collections.unmodifiableList(out);
  }
}
