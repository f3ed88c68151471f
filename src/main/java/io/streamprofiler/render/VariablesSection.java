package io.streamprofiler.render;

import io.streamprofiler.profile.Tree;
import io.streamprofiler.render.Page.Tab;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Variables: per column a summary with a mini chart, then details in tabs (statistics, histogram,
 * common and extreme values; the time-series tabs are drawn by {@link TimeSeriesPanel}).
 */
final class VariablesSection extends Section {
  private final TimeSeriesPanel panel;

  VariablesSection(Page page, ReportData data) {
    super(page, data);
    this.panel = new TimeSeriesPanel(page, data.tree());
  }

  @Override
  void render() {
    start(1);
    Map<String, Map<String, Object>> vars = variables;
    if (vars.isEmpty()) {
      b.append("<p class=\"note\">No variables in this profile.</p></section>");
      return;
    }
    Map<String, List<Map<String, Object>>> alertsByColumn = new HashMap<>();
    for (Map<String, Object> a : alerts.all()) {
      if (a.get("column") instanceof String c) {
        alertsByColumn.computeIfAbsent(c, k -> new ArrayList<>()).add(a);
      }
    }
    b.append("<nav class=\"varnav\" aria-label=\"Variables\">");
    int i = 0;
    for (Map.Entry<String, Map<String, Object>> e : vars.entrySet()) {
      b.append("<a href=\"#v").append(i++).append("\">");
      Html.append(b, Html.shorten(e.getKey(), 40));
      b.append("<small>");
      Html.append(b, typeOf(e.getValue()));
      b.append("</small></a>");
    }
    b.append("</nav>");
    i = 0;
    for (Map.Entry<String, Map<String, Object>> e : vars.entrySet()) {
      Map<String, Object> f = e.getValue();
      variable(i++, e.getKey(), f, alertsByColumn.getOrDefault(e.getKey(), List.of()));
    }
    b.append("</section>");
  }

  private static String typeOf(Map<String, Object> f) {
    return f != null && f.get("type") instanceof String s ? s : "Unknown";
  }

  private void variable(int i, String name, Map<String, Object> f, List<Map<String, Object>> own) {
    String type = typeOf(f);
    b.append("<article class=\"var\" id=\"v").append(i).append("\"><header><h3>");
    Html.append(b, name);
    b.append("</h3><span class=\"chip muted\">");
    Html.append(b, type);
    b.append("</span>");
    for (Map<String, Object> a : own) {
      alerts.chip(a);
    }
    b.append("</header><div class=\"sum\"><table class=\"kv\">");
    row("Distinct", Format.count(f.get("n_distinct")));
    row("Distinct (%)", Format.percent(f.get("p_distinct")));
    row("Missing", Format.count(f.get("n_missing")));
    row("Missing (%)", Format.percent(f.get("p_missing")));
    if (f.containsKey("n_infinite")) {
      row("Infinite", Format.count(f.get("n_infinite")));
    }
    if (f.containsKey("n_unique") && !f.containsKey("mean")) {
      row("Unique", Format.count(f.get("n_unique")));
    }
    b.append("</table><table class=\"kv\">");
    boolean numeric = f.containsKey("mean");
    if (numeric) {
      row("Mean", Format.number(f.get("mean")));
      row("Minimum", Format.number(f.get("min")));
      row("Maximum", Format.number(f.get("max")));
      row("Zeros", Format.count(f.get("n_zeros")));
      row("Negative", Format.count(f.get("n_negative")));
    } else if (type.equals("DateTime") || f.containsKey("range") && !f.containsKey("top")) {
      row("Minimum", Format.instant(f.get("min")));
      row("Maximum", Format.instant(f.get("max")));
      row("Range", Format.duration(f.get("range")));
    }
    if (f.containsKey("top") && !numeric) {
      rowData("Most frequent", Format.value(f.get("top")));
      row("Frequency", Format.count(f.get("freq")));
      row("Imbalance", Format.number(f.get("imbalance"), 3));
      row("Mean length", Format.number(f.get("mean_length"), 3));
    }
    if (f.containsKey("stationary")) {
      row("Stationary", Format.bool(f.get("stationary")));
      row("Seasonal", Format.bool(f.get("seasonal")));
      row("Gaps", Format.count(Tree.object(f, "gaps").get("n_gaps")));
    }
    b.append("</table><div>");
    miniChart(name, type, f);
    b.append("</div></div>");
    List<Tab> tabs = detailTabs(name, type, f);
    if (!tabs.isEmpty()) {
      b.append("<details><summary>More details</summary>");
      tabs(tabs);
      b.append("</details>");
    }
    b.append("</article>");
  }

  private void miniChart(String name, String type, Map<String, Object> f) {
    Map<String, Object> series = Tree.object(f, "series");
    Map<String, Object> hist = Tree.object(f, "histogram");
    List<Object> counts = Tree.list(f, "value_counts");
    if (!Tree.list(series, "t").isEmpty()) {
      TimeCharts.line(
          b,
          Tree.list(series, "t"),
          Tree.list(series, "v"),
          null,
          false,
          name + " over event time");
    } else if (!Tree.list(hist, "counts").isEmpty()) {
      BarCharts.histogram(
          b,
          Tree.list(hist, "edges"),
          Tree.list(hist, "counts"),
          false,
          type.equals("DateTime"),
          "Histogram of " + name);
    } else if (!counts.isEmpty()) {
      valueTable(f, counts, 5, false);
    }
  }

  private List<Tab> detailTabs(String name, String type, Map<String, Object> f) {
    List<Tab> tabs = new ArrayList<>();
    boolean numeric = f.containsKey("mean");
    if (numeric || f.containsKey("min_length") || f.containsKey("range")) {
      tabs.add(new Tab("Statistics", () -> statistics(type, f)));
    }
    Map<String, Object> series = Tree.object(f, "series");
    if (!Tree.list(series, "t").isEmpty()) {
      tabs.add(new Tab("Time series", () -> panel.timeSeries(name, f, series)));
    }
    Map<String, Object> hist = Tree.object(f, "histogram");
    if (!Tree.list(hist, "counts").isEmpty()) {
      tabs.add(
          new Tab(
              "Histogram",
              () -> {
                BarCharts.histogram(
                    b,
                    Tree.list(hist, "edges"),
                    Tree.list(hist, "counts"),
                    true,
                    type.equals("DateTime"),
                    "Histogram of " + name);
                b.append("<p class=\"note\">")
                    .append(Tree.list(hist, "counts").size())
                    .append(" bins; hover a bar for its range and count.</p>");
              }));
    }
    if (!Tree.list(f, "acf").isEmpty() || !Tree.list(f, "pacf").isEmpty()) {
      tabs.add(new Tab("Autocorrelation", () -> panel.autocorrelation(name, f)));
    }
    if (f.containsKey("adf") || f.containsKey("seasonal")) {
      tabs.add(new Tab("Stationarity", () -> panel.stationarity(f)));
    }
    if (f.containsKey("gaps")) {
      tabs.add(new Tab("Gaps", () -> panel.gaps(Tree.object(f, "gaps"))));
    }
    List<Object> counts = Tree.list(f, "value_counts");
    if (!counts.isEmpty()) {
      tabs.add(new Tab("Common values", () -> valueTable(f, counts, counts.size(), true)));
    }
    if (!Tree.list(f, "extreme_min").isEmpty() || !Tree.list(f, "extreme_max").isEmpty()) {
      tabs.add(
          new Tab(
              "Extreme values",
              () -> {
                b.append("<div class=\"grid2\"><div><h4>Minimum values</h4>");
                extremeTable(f, Tree.list(f, "extreme_min"));
                b.append("</div><div><h4>Maximum values</h4>");
                extremeTable(f, Tree.list(f, "extreme_max"));
                b.append("</div></div>");
              }));
    }
    return tabs;
  }

  private void statistics(String type, Map<String, Object> f) {
    b.append("<div class=\"grid\">");
    if (f.containsKey("mean")) {
      b.append("<div><h4>Quantile statistics</h4><table class=\"kv\">");
      row("Minimum", Format.number(f.get("min")));
      row("5th percentile", Format.number(f.get("5%")));
      row("Q1", Format.number(f.get("25%")));
      row("Median", Format.number(f.get("50%")));
      row("Q3", Format.number(f.get("75%")));
      row("95th percentile", Format.number(f.get("95%")));
      row("Maximum", Format.number(f.get("max")));
      row("Range", Format.number(f.get("range")));
      row("Interquartile range (IQR)", Format.number(f.get("iqr")));
      b.append("</table></div><div><h4>Descriptive statistics</h4><table class=\"kv\">");
      row("Standard deviation", Format.number(f.get("std")));
      row("Coefficient of variation (CV)", Format.number(f.get("cv")));
      row("Kurtosis", Format.number(f.get("kurtosis")));
      row("Mean", Format.number(f.get("mean")));
      row("Median absolute deviation (MAD)", Format.number(f.get("mad")));
      row("Skewness", Format.number(f.get("skewness")));
      row("Sum", Format.number(f.get("sum")));
      row("Variance", Format.number(f.get("variance")));
      row("Monotonicity", monotonic(f.get("monotonic")));
      b.append("</table></div><div><h4>Counts</h4><table class=\"kv\">");
      row("Rows", Format.count(f.get("n")));
      row("Values", Format.count(f.get("count")));
      row(
          "Unique",
          Format.count(f.get("n_unique")) + " (" + Format.percent(f.get("p_unique")) + ")");
      row("Zeros", Format.count(f.get("n_zeros")) + " (" + Format.percent(f.get("p_zeros")) + ")");
      row(
          "Negative",
          Format.count(f.get("n_negative")) + " (" + Format.percent(f.get("p_negative")) + ")");
      row(
          "Infinite",
          Format.count(f.get("n_infinite")) + " (" + Format.percent(f.get("p_infinite")) + ")");
      b.append("</table></div>");
    }
    if (f.containsKey("min_length") || f.containsKey("top")) {
      b.append("<div><h4>Categories</h4><table class=\"kv\">");
      rowData("Most frequent", Format.value(f.get("top")));
      row("Frequency", Format.count(f.get("freq")));
      row(
          "Unique values",
          Format.count(f.get("n_unique")) + " (" + Format.percent(f.get("p_unique")) + ")");
      row("Imbalance", Format.number(f.get("imbalance"), 3));
      Map<String, Object> chi = Tree.object(f, "chi_squared");
      row("χ² statistic", Format.number(chi.get("statistic")));
      row("χ² p-value", Format.number(chi.get("pvalue"), 3));
      b.append("</table></div><div><h4>Length</h4><table class=\"kv\">");
      row("Maximum length", Format.count(f.get("max_length")));
      row("Minimum length", Format.count(f.get("min_length")));
      row("Mean length", Format.number(f.get("mean_length")));
      row("Median length", Format.number(f.get("median_length")));
      b.append("</table></div>");
    }
    if (!f.containsKey("mean") && f.containsKey("range") && !f.containsKey("top")) {
      b.append("<div><h4>Event times</h4><table class=\"kv\">");
      row("Minimum", Format.instant(f.get("min")));
      row("Maximum", Format.instant(f.get("max")));
      row("Range", Format.duration(f.get("range")));
      row("Values", Format.count(f.get("count")));
      row("Unique", Format.bool(f.get("is_unique")));
      b.append("</table></div>");
    }
    b.append("</div>");
  }

  private static String monotonic(Object v) {
    double d = Format.toDouble(v);
    if (Double.isNaN(d)) {
      return Format.NONE;
    }
    return switch ((int) d) {
      case 2 -> "Strictly increasing";
      case 1 -> "Increasing";
      case -1 -> "Decreasing";
      case -2 -> "Strictly decreasing";
      default -> "Not monotonic";
    };
  }

  /** Common values with count, share of rows and a bar; missing and other values as extra rows. */
  void valueTable(Map<String, Object> f, List<Object> counts, int limit, boolean full) {
    double n = Tree.number(f, "n");
    double max = 0;
    double listed = 0;
    for (Object o : counts) {
      if (o instanceof Map<?, ?> m) {
        double c = Format.toDouble(m.get("count"));
        if (Double.isFinite(c)) {
          max = Math.max(max, c);
          listed += c;
        }
      }
    }
    b.append("<table class=\"data vals\"><thead><tr><th>Value</th><th class=\"num\">Count</th>");
    if (full) {
      b.append("<th class=\"num\">Frequency (%)</th>");
    }
    b.append("</tr></thead><tbody>");
    int shown = 0;
    for (Object o : counts) {
      if (!(o instanceof Map<?, ?> m) || shown++ >= limit) {
        continue;
      }
      double c = Format.toDouble(m.get("count"));
      valueRow(Format.value(m.get("value")), m.get("value") == null, c, n, max, full);
    }
    if (full) {
      double distinct = Tree.number(f, "n_distinct");
      double values = Tree.number(f, "count");
      if (distinct > counts.size() && values > listed) {
        valueRow(
            "Other values (" + Format.count(distinct - counts.size()) + ")",
            true,
            values - listed,
            n,
            max,
            true);
      }
      double missing = Tree.number(f, "n_missing");
      if (missing > 0) {
        valueRow("(Missing)", true, missing, n, max, true);
      }
    }
    b.append("</tbody></table>");
  }

  private void valueRow(String label, boolean muted, double c, double n, double max, boolean full) {
    b.append("<tr><td").append(muted ? " class=\"null\"" : "").append('>');
    Html.append(b, Html.shorten(label, 80));
    b.append("</td><td class=\"num\">").append(Html.escape(Format.count(c))).append("</td>");
    if (full) {
      b.append("<td class=\"num\">");
      BarCharts.meter(b, max > 0 ? c / max : 0, false);
      b.append("<span class=\"pct\">")
          .append(Html.escape(n > 0 ? Format.percent(c / n) : Format.NONE))
          .append("</span></td>");
    }
    b.append("</tr>");
  }

  private void extremeTable(Map<String, Object> f, List<Object> values) {
    double n = Tree.number(f, "n");
    b.append(
        "<table class=\"data\"><thead><tr><th class=\"num\">Value</th><th class=\"num\">Count</th><th class=\"num\">Frequency (%)</th></tr></thead><tbody>");
    for (Object o : values) {
      if (o instanceof Map<?, ?> m) {
        double c = Format.toDouble(m.get("count"));
        b.append("<tr><td class=\"num\">")
            .append(Html.escape(Format.value(m.get("value"))))
            .append("</td><td class=\"num\">")
            .append(Html.escape(Format.count(c)))
            .append("</td><td class=\"num\">")
            .append(Html.escape(n > 0 ? Format.percent(c / n) : Format.NONE))
            .append("</td></tr>");
      }
    }
    b.append("</tbody></table>");
  }
}
