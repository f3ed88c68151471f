package io.streamprofiler.profile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts of the profile specification, each with the value that raised it and the threshold it
 * crossed, so a reader (or a monitoring system) can judge how bad it is.
 */
final class AlertRules {
  private AlertRules() {}

  static List<Object> evaluate(
      List<VariableSection.Described> vars,
      Collection<String> keyColumns,
      Map<String, Object> correlations,
      long nRows,
      long nDuplicates,
      ProfileSettings s) {
    List<Object> alerts = new ArrayList<>();
    if (nRows == 0) {
      alerts.add(alert("EMPTY", null, 0, 0));
    }
    for (VariableSection.Described v : vars) {
      Map<String, Object> f = v.fields();
      String name = v.column().name;
      double nDistinct = Tree.number(f, "n_distinct");
      if (nDistinct == 1 && !keyColumns.contains(name)) {
        alerts.add(alert("CONSTANT", name, nDistinct, 1));
      }
      if (nDistinct == nRows && nRows > 1) {
        alerts.add(alert("UNIQUE", name, nDistinct, nRows));
      }
      above(alerts, "MISSING", name, Tree.number(f, "p_missing"), s.missingThreshold());
      above(alerts, "ZEROS", name, Tree.number(f, "p_zeros"), s.zerosThreshold());
      above(alerts, "INFINITE", name, Tree.number(f, "p_infinite"), s.infiniteThreshold());
      above(alerts, "SKEWED", name, Math.abs(Tree.number(f, "skewness")), s.skewnessThreshold());
      if (v.type().isCategorical()) {
        above(alerts, "IMBALANCE", name, Tree.number(f, "imbalance"), s.imbalanceThreshold());
        above(
            alerts,
            "UNIFORM",
            name,
            Tree.number(Tree.object(f, "chi_squared"), "pvalue"),
            s.uniformThreshold());
      }
      if (v.type() == VariableType.Categorical) {
        above(alerts, "HIGH_CARDINALITY", name, nDistinct, s.highCardinalityThreshold());
      }
      if (v.type() == VariableType.TimeSeries) {
        if (Boolean.FALSE.equals(f.get("stationary"))) {
          Object adf = f.get("adf");
          double p = adf instanceof Map ? Tree.number(Tree.object(f, "adf"), "pvalue") : Double.NaN;
          alerts.add(alert("NON_STATIONARY", name, p, s.significance()));
        }
        if (Boolean.TRUE.equals(f.get("seasonal"))) {
          alerts.add(alert("SEASONAL", name, Tree.list(f, "seasonal_periods").size(), 1));
        }
      }
    }
    alerts.addAll(highCorrelations(correlations, s.correlationThreshold()));
    if (nDuplicates > 0) {
      alerts.add(alert("DUPLICATES", null, nDuplicates, 0));
    }
    return alerts;
  }

  /** One alert per pair of columns: the strongest coefficient over every computed matrix. */
  private static List<Object> highCorrelations(Map<String, Object> correlations, double threshold) {
    Map<String, Object[]> strongest = new LinkedHashMap<>();
    for (Map.Entry<String, Object> method : correlations.entrySet()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) method.getValue();
      List<Object> columns = Tree.list(m, "columns");
      List<Object> rows = Tree.list(m, "matrix");
      for (int a = 0; a < columns.size(); a++) {
        @SuppressWarnings("unchecked")
        List<Object> row = (List<Object>) rows.get(a);
        for (int b = a + 1; b < columns.size(); b++) {
          Object v = row.get(b);
          if (v instanceof Number r && Math.abs(r.doubleValue()) >= threshold) {
            String pair = columns.get(a) + "\u0000" + columns.get(b);
            Object[] best = strongest.get(pair);
            if (best == null || Math.abs(r.doubleValue()) > Math.abs((Double) best[0])) {
              strongest.put(
                  pair,
                  new Object[] {r.doubleValue(), method.getKey(), columns.get(a), columns.get(b)});
            }
          }
        }
      }
    }
    List<Object> alerts = new ArrayList<>();
    for (Object[] best : strongest.values()) {
      alerts.add(
          Tree.object()
              .put("type", "HIGH_CORRELATION")
              .put("columns", List.of(best[2], best[3]))
              .put("method", best[1])
              .put("value", best[0])
              .put("threshold", threshold)
              .build());
    }
    return alerts;
  }

  private static void above(
      List<Object> alerts, String type, String column, double value, double threshold) {
    if (value > threshold) {
      alerts.add(alert(type, column, value, threshold));
    }
  }

  private static Map<String, Object> alert(
      String type, String column, double value, double threshold) {
    return Tree.object()
        .put("type", type)
        .putIfPresent("column", column)
        .put("value", value)
        .put("threshold", threshold)
        .build();
  }
}
