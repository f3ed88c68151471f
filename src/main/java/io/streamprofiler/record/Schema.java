package io.streamprofiler.record;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a stream, in header order, which of them carry the key and the event time, and the
 * types declared for some of them. Immutable; column names are kept exactly as the header spells
 * them (spaces included).
 *
 * <p>The key may be made of several columns (their values are joined, see {@link RowParser}), and
 * the event time may be combined from several columns (year, month, day, hour, ...): then no single
 * column is the event-time column and {@link #timestampIndex()} is -1.
 */
public final class Schema implements Serializable {
  private static final long serialVersionUID = 2L;

  private final List<String> columns;
  private final int[] keyIndices;
  private final int[] timestampIndices;
  private final ColumnType[] types;

  private Schema(
      List<String> columns, int[] keyIndices, int[] timestampIndices, ColumnType[] types) {
    this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
    this.keyIndices = keyIndices;
    this.timestampIndices = timestampIndices;
    this.types = types;
  }

  /**
   * @param keyColumn one column, or several separated by commas ({@code site,sensor}); a name that
   *     itself holds a comma is matched whole first, or written with {@code \,}
   * @param timestampColumn one column, or several separated by commas (see {@link RowParser})
   * @throws IllegalArgumentException naming the missing column when a key or timestamp column is
   *     not in the header, or when the header repeats a name
   */
  public static Schema of(List<String> header, String keyColumn, String timestampColumn) {
    checkUnique(header);
    ColumnType[] types = new ColumnType[header.size()];
    Arrays.fill(types, ColumnType.AUTO);
    return new Schema(
        header,
        indices(header, keyColumn, "keyColumn"),
        indices(header, timestampColumn, "timestampColumn"),
        types);
  }

  private static void checkUnique(List<String> header) {
    String twice = repeated(header);
    if (twice != null) {
      throw new IllegalArgumentException("the header names column '" + twice + "' twice");
    }
  }

  /** The first name {@code header} repeats, or null when each is there once. */
  public static String repeated(List<String> header) {
    for (int i = 0; i < header.size(); i++) {
      if (header.indexOf(header.get(i)) != i) {
        return header.get(i);
      }
    }
    return null;
  }

  private static int[] indices(List<String> header, String option, String name) {
    int whole = header.indexOf(option);
    if (whole >= 0) {
      return new int[] {whole};
    }
    List<String> names = splitList(option);
    if (names.isEmpty()) {
      throw new IllegalArgumentException(
          "--" + name + "=" + option + ": name a column; the header has " + header);
    }
    int[] indices = new int[names.size()];
    for (int i = 0; i < names.size(); i++) {
      indices[i] = indexOf(header, names.get(i));
      if (indices[i] < 0) {
        throw new IllegalArgumentException(
            "--"
                + name
                + "="
                + option
                + ": no such column"
                + (names.size() > 1 ? " '" + names.get(i) + "'" : "")
                + "; the header has "
                + header);
      }
      for (int j = 0; j < i; j++) {
        if (indices[j] == indices[i]) {
          throw new IllegalArgumentException(
              "--" + name + "=" + option + ": names column '" + names.get(i) + "' twice");
        }
      }
    }
    return indices;
  }

  /** The header index of {@code name}: the exact name, else the name without surrounding spaces. */
  private static int indexOf(List<String> header, String name) {
    int index = header.indexOf(name);
    return index >= 0 ? index : header.indexOf(name.strip());
  }

  /**
   * Splits a comma-separated list of names; {@code \,} is a comma inside a name, {@code \\} a
   * backslash.
   */
  public static List<String> splitList(String text) {
    List<String> items = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        b.append(text.charAt(++i));
      } else if (c == ',') {
        items.add(b.toString());
        b.setLength(0);
      } else {
        b.append(c);
      }
    }
    items.add(b.toString());
    items.removeIf(s -> s.isBlank());
    return items;
  }

  /**
   * The inverse of {@link #splitList}: names joined with commas, commas and backslashes escaped.
   */
  public static String joinList(List<String> names) {
    List<String> escaped = new ArrayList<>();
    for (String n : names) {
      escaped.add(n.replace("\\", "\\\\").replace(",", "\\,"));
    }
    return String.join(",", escaped);
  }

  /**
   * This schema with declared column types; columns not named stay {@link ColumnType#AUTO}.
   *
   * @throws IllegalArgumentException naming the column when it is not in the header
   */
  public Schema withTypes(Map<String, ColumnType> declared) {
    ColumnType[] t = new ColumnType[columns.size()];
    Arrays.fill(t, ColumnType.AUTO);
    for (Map.Entry<String, ColumnType> e : declared.entrySet()) {
      int i = columns.indexOf(e.getKey());
      if (i < 0) {
        throw new IllegalArgumentException(
            "--columnTypes: no such column '" + e.getKey() + "'; the header has " + columns);
      }
      t[i] = e.getValue();
    }
    return new Schema(columns, keyIndices, timestampIndices, t);
  }

  /**
   * This schema over other columns that include its key and event-time columns (the run's columns
   * when a glob's files have different headers): the same key and time columns, found by name, and
   * each column's declared type kept.
   *
   * @throws IllegalArgumentException when {@code other} repeats a name or lacks a key or time
   *     column
   */
  public Schema withColumns(List<String> other) {
    checkUnique(other);
    ColumnType[] t = new ColumnType[other.size()];
    for (int i = 0; i < t.length; i++) {
      int own = columns.indexOf(other.get(i));
      t[i] = own < 0 ? ColumnType.AUTO : types[own];
    }
    return new Schema(other, indicesIn(other, keyIndices), indicesIn(other, timestampIndices), t);
  }

  private int[] indicesIn(List<String> other, int[] own) {
    int[] found = new int[own.length];
    for (int k = 0; k < own.length; k++) {
      found[k] = other.indexOf(columns.get(own[k]));
      if (found[k] < 0) {
        throw new IllegalArgumentException("no column '" + columns.get(own[k]) + "' in " + other);
      }
    }
    return found;
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

  /** The declared type of a column ({@link ColumnType#AUTO} when none was declared). */
  public ColumnType type(int index) {
    return types[index];
  }

  /** The declared types, column name → type, of the columns with one (AUTO left out). */
  public Map<String, String> declaredTypes() {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < types.length; i++) {
      if (types[i] != ColumnType.AUTO) {
        m.put(columns.get(i), types[i].label());
      }
    }
    return m;
  }

  /** The (first) key column's index. */
  public int keyIndex() {
    return keyIndices[0];
  }

  /** The indices of the key columns, in the order their values are joined. */
  public int[] keyIndices() {
    return keyIndices.clone();
  }

  /** The event-time column's index, or -1 when the event time is combined from several columns. */
  public int timestampIndex() {
    return timestampIndices.length == 1 ? timestampIndices[0] : -1;
  }

  /** The indices of the columns the event time is read from, in the order they are combined. */
  public int[] timestampIndices() {
    return timestampIndices.clone();
  }

  /** The key column's name; for a key of several columns, their names joined with {@code +}. */
  public String keyColumn() {
    return label(keyIndices);
  }

  /** The key columns' names. */
  public List<String> keyColumns() {
    return names(keyIndices);
  }

  /** The event-time column's name; for several columns, their names joined with {@code +}. */
  public String timestampColumn() {
    return label(timestampIndices);
  }

  public List<String> timestampColumns() {
    return names(timestampIndices);
  }

  private List<String> names(int[] indices) {
    List<String> names = new ArrayList<>(indices.length);
    for (int i : indices) {
      names.add(columns.get(i));
    }
    return names;
  }

  private String label(int[] indices) {
    return String.join("+", names(indices));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema s
        && s.columns.equals(columns)
        && Arrays.equals(s.keyIndices, keyIndices)
        && Arrays.equals(s.timestampIndices, timestampIndices)
        && Arrays.equals(s.types, types);
  }

  @Override
  public int hashCode() {
    return columns.hashCode() * 31
        + Arrays.hashCode(keyIndices) * 7
        + Arrays.hashCode(timestampIndices);
  }

  @Override
  public String toString() {
    return "Schema"
        + columns
        + " key="
        + keyColumn()
        + " time="
        + timestampColumn()
        + (declaredTypes().isEmpty() ? "" : " types=" + declaredTypes());
  }
}
