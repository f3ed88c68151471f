package io.streamprofiler.profile.correlation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A column as level codes: {@code codes[i]} is the index of row i's level in sorted level order, -1
 * where the row is missing. Sorted order is how pandas' crosstab lays out its table.
 */
final class CategoricalColumn {
  final int[] codes;
  final int levels;

  CategoricalColumn(int[] codes, int levels) {
    this.codes = codes;
    this.levels = levels;
  }

  /** Levels of a string column; {@code null} is missing. */
  static CategoricalColumn of(String[] values) {
    TreeSet<String> distinct = new TreeSet<>();
    for (String v : values) {
      if (v != null) {
        distinct.add(v);
      }
    }
    Map<String, Integer> index = new HashMap<>();
    for (String v : distinct) {
      index.put(v, index.size());
    }
    int[] codes = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      codes[i] = values[i] == null ? -1 : index.get(values[i]);
    }
    return new CategoricalColumn(codes, distinct.size());
  }

  /**
   * {@code pd.crosstab(a, b)}: counts over rows where both are present, keeping only the levels
   * that occur there; {@code null} when no row is complete (pandas' empty crosstab).
   */
  static long[][] crosstab(CategoricalColumn a, CategoricalColumn b) {
    long[][] full = new long[a.levels][b.levels];
    boolean[] rowSeen = new boolean[a.levels];
    boolean[] colSeen = new boolean[b.levels];
    int rows = 0;
    int cols = 0;
    for (int i = 0; i < a.codes.length; i++) {
      int x = a.codes[i];
      int y = b.codes[i];
      if (x >= 0 && y >= 0) {
        full[x][y]++;
        if (!rowSeen[x]) {
          rowSeen[x] = true;
          rows++;
        }
        if (!colSeen[y]) {
          colSeen[y] = true;
          cols++;
        }
      }
    }
    if (rows == 0) {
      return null;
    }
    long[][] table = new long[rows][cols];
    int ti = 0;
    for (int x = 0; x < a.levels; x++) {
      if (!rowSeen[x]) {
        continue;
      }
      int tj = 0;
      for (int y = 0; y < b.levels; y++) {
        if (colSeen[y]) {
          table[ti][tj++] = full[x][y];
        }
      }
      ti++;
    }
    return table;
  }

  @Override
  public String toString() {
    return "CategoricalColumn" + Arrays.toString(codes);
  }
}
