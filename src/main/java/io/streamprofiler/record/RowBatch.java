package io.streamprofiler.record;

import java.util.List;

/**
 * Rows of one key and one window, carried together through the shuffle: a runner pays its
 * per-element cost once per batch instead of once per row. Rows keep their own event times and late
 * flags.
 */
public record RowBatch(List<Row> rows) {
  public RowBatch {
    rows = List.copyOf(rows);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("a batch has at least one row");
    }
  }

  public static RowBatch of(Row row) {
    return new RowBatch(List.of(row));
  }

  /** The key all rows of the batch share. */
  public String key() {
    return rows.get(0).key();
  }

  public int size() {
    return rows.size();
  }
}
