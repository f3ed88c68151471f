package io.streamprofiler.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the JSON-shaped values of a {@link Profile}: an ordered map that turns NaN and infinite
 * doubles into null (JSON has neither) and arrays into lists, and freezes what it returns.
 */
public final class Tree {
  private final Map<String, Object> map = new LinkedHashMap<>();

  public static Tree object() {
    return new Tree();
  }

  public Tree put(String name, Object value) {
    map.put(name, value(value));
    return this;
  }

  /** Adds the field unless it is there already. */
  public Tree putIfAbsent(String name, Object value) {
    if (!map.containsKey(name)) {
      map.put(name, value(value));
    }
    return this;
  }

  /** Adds the field only when the value is defined: for optional sections. */
  public Tree putIfPresent(String name, Object value) {
    if (value != null) {
      put(name, value);
    }
    return this;
  }

  public Map<String, Object> build() {
    return Collections.unmodifiableMap(map);
  }

  /** A JSON-shaped value for {@code v}: NaN and infinities become null; arrays become lists. */
  public static Object value(Object v) {
    if (v instanceof Double d) {
      return Double.isFinite(d) ? d : null;
    }
    if (v instanceof Float f) {
      return value((double) f);
    }
    if (v instanceof Tree t) {
      return t.build();
    }
    if (v instanceof double[] a) {
      List<Object> list = new ArrayList<>(a.length);
      for (double d : a) {
        list.add(value(d));
      }
      return Collections.unmodifiableList(list);
    }
    if (v instanceof long[] a) {
      List<Object> list = new ArrayList<>(a.length);
      for (long l : a) {
        list.add(l);
      }
      return Collections.unmodifiableList(list);
    }
    if (v instanceof int[] a) {
      List<Object> list = new ArrayList<>(a.length);
      for (int l : a) {
        list.add(l);
      }
      return Collections.unmodifiableList(list);
    }
    if (v instanceof double[][] m) {
      List<Object> rows = new ArrayList<>(m.length);
      for (double[] row : m) {
        rows.add(value(row));
      }
      return Collections.unmodifiableList(rows);
    }
    if (v instanceof List<?> l) {
      List<Object> list = new ArrayList<>(l.size());
      for (Object o : l) {
        list.add(value(o));
      }
      return Collections.unmodifiableList(list);
    }
    return v;
  }

  /** A number from a tree, or NaN when it is null or absent. */
  public static double number(Map<String, Object> node, String name) {
    Object v = node.get(name);
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** A sub-object from a tree, or an empty map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(Map<String, Object> node, String name) {
    Object v = node.get(name);
    return v instanceof Map ? (Map<String, Object>) v : Map.of();
  }

  /** A list from a tree, or an empty list. */
  @SuppressWarnings("unchecked")
  public static List<Object> list(Map<String, Object> node, String name) {
    Object v = node.get(name);
    return v instanceof List ? (List<Object>) v : List.of();
  }
}
