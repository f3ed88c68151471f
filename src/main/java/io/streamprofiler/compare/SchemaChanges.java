package io.streamprofiler.compare;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.Tree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed in a stream's shape between two windows of a key, read from their profiles: a column
 * that starts or stops carrying values ({@code SCHEMA_COLUMN_ADDED}, {@code
 * SCHEMA_COLUMN_REMOVED}), a column whose values change kind ({@code TYPE_CHANGED}: numbers, text,
 * booleans, date-times), and a text column whose values change format ({@code FORMAT_CHANGED}: the
 * shape of its most common values, letters and digits by class, and their length class). A column
 * of numbers read as Categorical (few distinct values) is still numbers: the profile's type
 * changing with the count of distinct values is not a change of the stream.
 */
public final class SchemaChanges {
  public static final String ADDED = "SCHEMA_COLUMN_ADDED";
  public static final String REMOVED = "SCHEMA_COLUMN_REMOVED";
  public static final String TYPE_CHANGED = "TYPE_CHANGED";
  public static final String FORMAT_CHANGED = "FORMAT_CHANGED";
  public static final Set<String> TYPES = Set.of(ADDED, REMOVED, TYPE_CHANGED, FORMAT_CHANGED);

  /** A format is a text column's dominant shape when it holds at least this share of its values. */
  static final double DOMINANT = 0.5;

  private SchemaChanges() {}

  /** The alerts of {@code current} against {@code reference}, in the current profile's order. */
  public static List<Map<String, Object>> of(Profile reference, Profile current, Object baseline) {
    Map<String, Map<String, Object>> ref = reference.variables();
    Map<String, Map<String, Object>> cur = current.variables();
    Set<String> names = new LinkedHashSet<>(cur.keySet());
    names.addAll(ref.keySet());
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (String name : names) {
      Map<String, Object> r = ref.get(name);
      Map<String, Object> c = cur.get(name);
      boolean before = carriesValues(r);
      boolean now = carriesValues(c);
      if (!before && now) {
        alerts.add(alert(ADDED, name, baseline).put("to", type(c)).build());
      } else if (before && !now) {
        alerts.add(alert(REMOVED, name, baseline).put("from", type(r)).build());
      } else if (before) {
        String kindBefore = kind(r);
        String kindNow = kind(c);
        if (!kindBefore.equals(kindNow)) {
          alerts.add(
              alert(TYPE_CHANGED, name, baseline)
                  .put("from", type(r))
                  .put("to", type(c))
                  .put("from_kind", kindBefore)
                  .put("to_kind", kindNow)
                  .putIfPresent("format", kindNow.equals("text") ? format(c) : null)
                  .build());
        } else if (kindNow.equals("text")) {
          String f0 = format(r);
          String f1 = format(c);
          if (f0 != null && f1 != null && !f0.equals(f1)) {
            alerts.add(alert(FORMAT_CHANGED, name, baseline).put("from", f0).put("to", f1).build());
          }
        }
      }
    }
    return alerts;
  }

  private static Tree alert(String type, String column, Object baseline) {
    return Tree.object().put("type", type).put("column", column).put("baseline", baseline);
  }

  /** Whether a column exists in a profile and has at least one value that is not missing. */
  static boolean carriesValues(Map<String, Object> v) {
    return v != null && v.get("count") instanceof Number n && n.longValue() > 0;
  }

  private static String type(Map<String, Object> v) {
    return String.valueOf(v.get("type"));
  }

  /** numbers, text, boolean, datetime or other. */
  static String kind(Map<String, Object> v) {
    return switch (type(v)) {
      case "Numeric", "TimeSeries" -> "numbers";
      case "Categorical" -> v.get("mean") instanceof Number ? "numbers" : "text";
      case "Text" -> "text";
      case "Boolean" -> "boolean";
      case "DateTime" -> "datetime";
      default -> "other";
    };
  }

  /**
   * A text column's format: the shape shared by at least half of its listed values, weighted by
   * their counts, and the length class of its values ({@code "9,9 A" length 5-8}); null when no
   * shape dominates.
   */
  static String format(Map<String, Object> v) {
    Object counts = v.get("value_counts");
    if (!(counts instanceof List<?> list) || list.isEmpty()) {
      return null;
    }
    Map<String, Long> shapes = new LinkedHashMap<>();
    long total = 0;
    for (Object o : list) {
      if (o instanceof Map<?, ?> e && e.get("count") instanceof Number n) {
        shapes.merge(shape(String.valueOf(e.get("value"))), n.longValue(), Long::sum);
        total += n.longValue();
      }
    }
    Object count = v.get("count");
    long all = count instanceof Number n ? Math.max(n.longValue(), total) : total;
    for (Map.Entry<String, Long> s : shapes.entrySet()) {
      if (all > 0 && s.getValue() >= DOMINANT * all) {
        return "\"" + s.getKey() + "\" length " + lengthClass(v);
      }
    }
    return null;
  }

  /** Letters and digits by class, runs collapsed: "21,5 C" is "9,9 A", "on" is "a", "ON" "A". */
  static String shape(String value) {
    StringBuilder b = new StringBuilder();
    char last = 0;
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      char c =
          Character.isDigit(ch)
              ? '9'
              : Character.isUpperCase(ch) ? 'A' : Character.isLetter(ch) ? 'a' : ch;
      if (c != last || !(c == '9' || c == 'A' || c == 'a')) {
        b.append(c);
      }
      last = c;
    }
    return b.toString();
  }

  /** 1-4, 5-8, 9-16, 17-32 or 33+ characters, by the column's mean length. */
  private static String lengthClass(Map<String, Object> v) {
    double mean = v.get("mean_length") instanceof Number n ? n.doubleValue() : 0;
    return mean <= 4
        ? "1-4"
        : mean <= 8 ? "5-8" : mean <= 16 ? "9-16" : mean <= 32 ? "17-32" : "33+";
  }
}
