package io.streamprofiler.record;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The columns of a stream, in header order, and which of them carry the key and the event time.
 * Immutable; column names are kept exactly as the header spells them (spaces included).
 */
public final class Schema implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> columns;
  private final int keyIndex;
  private final int timestampIndex;

  private Schema(List<String> columns, int keyIndex, int timestampIndex) {
    this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
    this.keyIndex = keyIndex;
    this.timestampIndex = timestampIndex;
  }

  /**
   * @throws IllegalArgumentException naming the missing column when the key or timestamp column is
   *     not in the header, or when the header repeats a name
   */
  public static Schema of(List<String> header, String keyColumn, String timestampColumn) {
    for (int i = 0; i < header.size(); i++) {
      if (header.indexOf(header.get(i)) != i) {
        throw new IllegalArgumentException("the header names column '" + header.get(i) + "' twice");
      }
    }
    return new Schema(
        header,
        indexOf(header, keyColumn, "keyColumn"),
        indexOf(header, timestampColumn, "timestampColumn"));
  }

  private static int indexOf(List<String> header, String column, String option) {
    int index = header.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException(
          "--" + option + "=" + column + ": no such column; the header has " + header);
    }
    return index;
  }

  public List<String> columns() {
    return columns;
  }

  public int size() {
    return columns.size();
  }

  public String column(int index) {
    return columns.get(index);
  }

  public int keyIndex() {
    return keyIndex;
  }

  public int timestampIndex() {
    return timestampIndex;
  }

  public String keyColumn() {
    return columns.get(keyIndex);
  }

  public String timestampColumn() {
    return columns.get(timestampIndex);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema s
        && s.columns.equals(columns)
        && s.keyIndex == keyIndex
        && s.timestampIndex == timestampIndex;
  }

  @Override
  public int hashCode() {
    return columns.hashCode() * 31 + keyIndex * 7 + timestampIndex;
  }

  @Override
  public String toString() {
    return "Schema" + columns + " key=" + keyColumn() + " time=" + timestampColumn();
  }
}
