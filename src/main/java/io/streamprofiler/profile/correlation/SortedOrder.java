package io.streamprofiler.profile.correlation;

/**
 * Stable ascending order of a column's usable rows by value, by LSD radix sort on the IEEE bits.
 * Radix rather than a comparison sort: ranks of every column and pair come from walking this order,
 * and a branch-free O(n) sort is what keeps a 3,600-row matrix in the sub-millisecond range. -0.0
 * is folded into 0.0 so the two tie, as they do in numpy.
 */
final class SortedOrder {
  private SortedOrder() {}

  /** Rows i with {@code use[i]}, ordered by {@code values[i]}, ties in row order. */
  static int[] of(double[] values, boolean[] use, int count) {
    long[] keys = new long[count];
    int[] rows = new int[count];
    int k = 0;
    for (int i = 0; i < values.length; i++) {
      if (use[i]) {
        keys[k] = key(values[i]);
        rows[k] = i;
        k++;
      }
    }
    long[] keyBuf = new long[count];
    int[] rowBuf = new int[count];
    int[] histogram = new int[256];
    for (int shift = 0; shift < 64; shift += 8) {
      java.util.Arrays.fill(histogram, 0);
      for (int i = 0; i < count; i++) {
        histogram[(int) (keys[i] >>> shift) & 0xFF]++;
      }
      if (count == 0 || histogram[(int) (keys[0] >>> shift) & 0xFF] == count) {
        continue; // every key has this byte: the pass would not move anything
      }
      int acc = 0;
      for (int b = 0; b < 256; b++) {
        int c = histogram[b];
        histogram[b] = acc;
        acc += c;
      }
      for (int i = 0; i < count; i++) {
        int pos = histogram[(int) (keys[i] >>> shift) & 0xFF]++;
        keyBuf[pos] = keys[i];
        rowBuf[pos] = rows[i];
      }
      long[] tk = keys;
      keys = keyBuf;
      keyBuf = tk;
      int[] tr = rows;
      rows = rowBuf;
      rowBuf = tr;
    }
    return rows;
  }

  /** Unsigned-comparable key: sign flipped for positives, all bits flipped for negatives. */
  private static long key(double v) {
    long bits = Double.doubleToRawLongBits(v + 0.0);
    return bits ^ ((bits >> 63) | Long.MIN_VALUE);
  }
}
