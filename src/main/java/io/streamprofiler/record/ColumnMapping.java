package io.streamprofiler.record;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the fields of a file with a header of its own land among the run's columns: a glob's files
 * need not share one header, and the run's columns are all of theirs together. A record of such a
 * file is counted against its own header, then each of its fields goes to its column; a column the
 * file does not have is missing in its rows.
 *
 * <p>Files whose header is exactly the run's columns have no mapping at all, so their records take
 * the parser's usual path.
 */
public final class ColumnMapping implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int fields;

  /** Per run column, the index of its field in the file's records, or -1 when the file lacks it. */
  private final int[] fieldOfColumn;

  /**
   * @param fields how many fields the file's header has
   * @param fieldOfColumn per run column, the field index in the file, or -1 (not copied)
   */
  public ColumnMapping(int fields, int[] fieldOfColumn) {
    this.fields = fields;
    this.fieldOfColumn = fieldOfColumn;
  }

  /**
   * The mapping of a file's header onto the run's columns.
   *
   * @throws IllegalArgumentException when the header names a column the run does not have
   */
  public static ColumnMapping of(List<String> columns, List<String> header) {
    int[] fieldOf = new int[columns.size()];
    Arrays.fill(fieldOf, -1);
    for (int i = 0; i < header.size(); i++) {
      int column = columns.indexOf(header.get(i));
      if (column < 0) {
        throw new IllegalArgumentException("no column '" + header.get(i) + "' in " + columns);
      }
      fieldOf[column] = i;
    }
    return new ColumnMapping(header.size(), fieldOf);
  }

  /** How many fields a record of the file has: its header's width. */
  public int fields() {
    return fields;
  }

  /** How many columns the run has. */
  public int columns() {
    return fieldOfColumn.length;
  }

  /** The index of the field that holds {@code column}, or -1 when the file does not have it. */
  public int fieldOf(int column) {
    return fieldOfColumn[column];
  }

  /**
   * A record's fields in the run's column order, null for a column the file lacks (or a record too
   * short to hold it); a view, nothing copied.
   */
  public List<String> place(List<String> recordFields) {
    return new AbstractList<>() {
      @Override
      public String get(int column) {
        int field = fieldOfColumn[column];
        return field < 0 || field >= recordFields.size() ? null : recordFields.get(field);
      }

      @Override
      public int size() {
        return fieldOfColumn.length;
      }
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ColumnMapping m
        && m.fields == fields
        && Arrays.equals(m.fieldOfColumn, fieldOfColumn);
  }

  @Override
  public int hashCode() {
    return fields * 31 + Arrays.hashCode(fieldOfColumn);
  }

  @Override
  public String toString() {
    return "ColumnMapping{fields="
        + fields
        + ", fieldOfColumn="
        + Arrays.toString(fieldOfColumn)
        + "}";
  }
}
