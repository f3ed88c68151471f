package io.streamprofiler.profile;

import io.streamprofiler.record.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * A row as duplicate detection compares it: cell by cell, texts as texts, numbers by value (exactly
 * when their shortest texts are equal), a missing cell equal only to a missing cell. Comparing the
 * parsed values spares turning every number of a window into text. Exact because a cell is text
 * only when it does not read as a number ({@code RowParser}), so no text equals a number's text.
 */
final class RowCells {
  private final Row row;
  private final int columns;
  private final int hash;

  RowCells(Row row, int columns) {
    this.row = row;
    this.columns = columns;
    int h = 1;
    for (int i = 0; i < columns; i++) {
      String text = row.text(i);
      h = 31 * h + (text != null ? text.hashCode() : Double.hashCode(row.number(i)));
    }
    this.hash = h;
  }

  static List<RowCells> of(List<Row> rows, int columns) {
    List<RowCells> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(new RowCells(r, columns));
    }
    return out;
  }

  /** The cells as a person reads them, null where missing. */
  List<String> display() {
    List<String> cells = new ArrayList<>(columns);
    for (int i = 0; i < columns; i++) {
      cells.add(row.display(i));
    }
    return cells;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RowCells other) || other.hash != hash || other.columns != columns) {
      return false;
    }
    for (int i = 0; i < columns; i++) {
      String a = row.text(i);
      String b = other.row.text(i);
      if (a != null || b != null) {
        if (a == null || !a.equals(b)) {
          return false;
        }
        // doubleToLongBits: every NaN (missing) is equal, and -0.0 differs from 0.0 as their texts
        // do
      } else if (Double.doubleToLongBits(row.number(i))
          != Double.doubleToLongBits(other.row.number(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
