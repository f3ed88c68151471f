package io.streamprofiler.compare;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.Tree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two stored profiles side by side, left the reference and right the current one: both sides'
 * statistics per common column with the differences highlighted, overlaid histograms and ACF
 * charts, both correlation heatmaps, the union of alerts with the side(s) that raised them and the
 * drift tests. Columns in one profile only are listed. The same content as JSON ({@link #tree}) and
 * as a self-contained HTML page ({@link ComparePage}).
 */
public final class CompareReport {
  /** Statistics shown per column, in order. */
  static final List<String> STATS =
      List.of(
          "type",
          "n",
          "count",
          "n_missing",
          "p_missing",
          "n_distinct",
          "p_distinct",
          "mean",
          "std",
          "min",
          "5%",
          "25%",
          "50%",
          "75%",
          "95%",
          "max",
          "iqr",
          "skewness",
          "kurtosis",
          "p_zeros",
          "p_negative",
          "top",
          "freq",
          "imbalance",
          "stationary",
          "seasonal");

  /**
   * A numeric statistic is highlighted when it moved by more than this share of the larger
   * magnitude.
   */
  static final double RELATIVE_CHANGE = 0.1;

  /** Indented, and ASCII like the profile's JSON report: other characters as \\u escapes. */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .build();

  private CompareReport() {}

  /** Compares {@code left} (reference) with {@code right} (current). */
  public static Drift.Result drift(Profile left, Profile right, DriftThresholds t) {
    Map<String, Object> baseline =
        Tree.object()
            .put("mode", "compare")
            .put("key", left.context().key())
            .put(
                "window",
                Tree.object().put("start", window(left, "start")).put("end", window(left, "end")))
            .put("pane", left.context().paneIndex())
            .build();
    return Drift.compare(left, right, t, baseline);
  }

  /** The comparison as JSON-shaped values (what {@link #json} writes). */
  public static Map<String, Object> tree(Profile left, Profile right, Drift.Result drift) {
    List<String> common = new ArrayList<>();
    List<String> onlyLeft = new ArrayList<>();
    List<String> onlyRight = new ArrayList<>();
    columns(left, right, common, onlyLeft, onlyRight);
    Tree stats = Tree.object();
    for (String c : common) {
      Tree per = Tree.object();
      Map<String, Object> a = left.variables().get(c);
      Map<String, Object> b = right.variables().get(c);
      for (String s : STATS) {
        if (!a.containsKey(s) && !b.containsKey(s)) {
          continue;
        }
        Tree cell = Tree.object().put("left", a.get(s)).put("right", b.get(s));
        if (a.get(s) instanceof Number x && b.get(s) instanceof Number y) {
          cell.put("difference", y.doubleValue() - x.doubleValue());
        }
        per.put(s, cell.put("changed", changed(a.get(s), b.get(s))));
      }
      stats.put(c, per);
    }
    return Tree.object()
        .put("left", side(left))
        .put("right", side(right))
        .put("common_columns", common)
        .put("only_in_left", onlyLeft)
        .put("only_in_right", onlyRight)
        .put("statistics", stats)
        .put("alerts", alertUnion(left, right))
        .put("drift", drift.section())
        .put("drift_alerts", drift.alerts())
        .build();
  }

  public static String json(Profile left, Profile right, Drift.Result drift) {
    try {
      return JSON.writeValueAsString(tree(left, right, drift)) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> side(Profile p) {
    return Tree.object()
        .put("key", p.context().key())
        .put("window", Tree.object().put("start", window(p, "start")).put("end", window(p, "end")))
        .put("pane", p.context().paneIndex())
        .put("timing", p.context().timing())
        .put("rows", Tree.object(p.tree(), "table").get("n"))
        .build();
  }

  private static Object window(Profile p, String f) {
    return Tree.object(p.tree(), "window").get(f);
  }

  private static void columns(
      Profile left,
      Profile right,
      List<String> common,
      List<String> onlyLeft,
      List<String> onlyRight) {
    for (String c : left.variables().keySet()) {
      (right.variables().containsKey(c) ? common : onlyLeft).add(c);
    }
    for (String c : right.variables().keySet()) {
      if (!left.variables().containsKey(c)) {
        onlyRight.add(c);
      }
    }
  }

  static boolean changed(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      double p = x.doubleValue();
      double q = y.doubleValue();
      double scale = Math.max(Math.abs(p), Math.abs(q));
      return scale > 0 && Math.abs(p - q) > RELATIVE_CHANGE * scale;
    }
    return !Objects.equals(a, b);
  }

  /** Every alert of either side once, with which side raised it (value and threshold of each). */
  static List<Object> alertUnion(Profile left, Profile right) {
    Map<String, Tree> union = new LinkedHashMap<>();
    Map<String, Map<String, Object>> first = new LinkedHashMap<>();
    for (String side : List.of("left", "right")) {
      for (Map<String, Object> a : (side.equals("left") ? left : right).alerts()) {
        String id =
            a.get("type")
                + "\u0000"
                + (a.containsKey("column") ? a.get("column") : a.get("columns"));
        first.putIfAbsent(id, a);
        union
            .computeIfAbsent(
                id,
                k ->
                    Tree.object()
                        .put("type", a.get("type"))
                        .putIfPresent("column", a.get("column"))
                        .putIfPresent("columns", a.get("columns"))
                        .put("left", false)
                        .put("right", false))
            .put(side, true)
            .put(side + "_value", a.get("value"));
      }
    }
    List<Object> out = new ArrayList<>();
    union.values().forEach(t -> out.add(t.build()));
    return out;
  }

  /**
   * The comparison as one self-contained HTML page, drawn like the reports (see {@link
   * ComparePage}).
   */
  public static String html(Profile left, Profile right, Drift.Result drift) {
    return ComparePage.render(left, right, drift, tree(left, right, drift));
  }
}
