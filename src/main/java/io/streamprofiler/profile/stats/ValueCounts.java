package io.streamprofiler.profile.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjLongConsumer;

/**
 * How often each distinct value of one column occurs, built once in O(n) with a hash map and then
 * shared by every statistic that needs it (distinct/unique counts, most common values, type
 * inference).
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
  private static final class Slot {
    final int first;
    long count = 1;

    Slot(int first) {
      this.first = first;
    }
  }

  private final Map<T, Slot> slots;
  private final long count;
  private final long nMissing;
  private final long nUnique;
  private final long otherCount;

  private ValueCounts(Map<T, Slot> slots, long count, long nMissing, long otherCount) {
    this.slots = slots;
    this.count = count;
    this.nMissing = nMissing;
    this.otherCount = otherCount;
    long unique = 0;
    for (Slot s : slots.values()) {
      if (s.count == 1) {
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
    Map<T, Slot> slots = new HashMap<>();
    int index = 0;
    long missing = 0;
    long other = 0;
    for (T v : values) {
      if (v == null) {
        missing++;
      } else {
        Slot s = slots.get(v);
        if (s != null) {
          s.count++;
        } else if (slots.size() < maxTracked) {
          slots.put(v, new Slot(index));
        } else {
          other++;
        }
      }
      index++;
    }
    return new ValueCounts<>(slots, index - missing, missing, other);
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
    Map<Double, Slot> slots = new HashMap<>(Math.max(16, Math.min(maxTracked, values.length / 2)));
    long missing = 0;
    long other = 0;
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (Double.isNaN(v)) {
        missing++;
        continue;
      }
      Double key = v == 0.0 ? 0.0 : v;
      Slot s = slots.get(key);
      if (s != null) {
        s.count++;
      } else if (slots.size() < maxTracked) {
        slots.put(key, new Slot(i));
      } else {
        other++;
      }
    }
    return new ValueCounts<>(slots, values.length - missing, missing, other);
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
    return slots.size();
  }

  /** Number of values that occur exactly once. */
  public long nUnique() {
    return nUnique;
  }

  /** Occurrences of {@code value}; 0 when absent. */
  public long countOf(T value) {
    Slot s = slots.get(value);
    return s == null ? 0 : s.count;
  }

  /** Calls {@code action} once per distinct value, in no particular order. */
  public void forEach(ObjLongConsumer<? super T> action) {
    slots.forEach((v, s) -> action.accept(v, s.count));
  }

  /** Counts of every distinct value, in no particular order (k = {@link #nDistinct()} entries). */
  public long[] counts() {
    long[] out = new long[slots.size()];
    int i = 0;
    for (Slot s : slots.values()) {
      out[i++] = s.count;
    }
    return out;
  }

  /**
   * The {@code n} most common values (fewer when there are fewer distinct values), see the class
   * doc for ties.
   */
  public List<ValueCount<T>> mostCommon(int n) {
    if (n <= 0 || slots.isEmpty()) {
      return List.of();
    }
    List<Map.Entry<T, Slot>> entries = new ArrayList<>(slots.entrySet());
    Comparator<Map.Entry<T, Slot>> order =
        Comparator.<Map.Entry<T, Slot>>comparingLong(e -> -e.getValue().count)
            .thenComparingInt(e -> e.getValue().first);
    if (n < entries.size() / 4) {
      entries = smallest(entries, n, order);
    } else {
      entries.sort(order);
    }
    int k = Math.min(n, entries.size());
    List<ValueCount<T>> out = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      Map.Entry<T, Slot> e = entries.get(i);
      out.add(new ValueCount<>(e.getKey(), e.getValue().count));
    }
    return Collections.unmodifiableList(out);
  }

  /** The n first elements in {@code order}, sorted, in O(k log n). */
  private static <E> List<E> smallest(List<E> all, int n, Comparator<E> order) {
    java.util.PriorityQueue<E> heap = new java.util.PriorityQueue<>(n + 1, order.reversed());
    for (E e : all) {
      if (heap.size() < n) {
        heap.add(e);
      } else if (order.compare(e, heap.peek()) < 0) {
        heap.poll();
        heap.add(e);
      }
    }
    List<E> out = new ArrayList<>(heap);
    out.sort(order);
    return out;
  }
}
