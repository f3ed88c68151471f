package io.streamprofiler.render;

import io.streamprofiler.profile.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The time-series tabs of a variable: the line over event time, ACF and PACF, stationarity and
 * seasonality, gaps.
 */
final class TimeSeriesPanel {
  private final Page page;
  private final StringBuilder b;
  private final Map<String, Object> tree;

  TimeSeriesPanel(Page page, Map<String, Object> tree) {
    this.page = page;
    this.b = page.b();
    this.tree = tree;
  }

  void timeSeries(String name, Map<String, Object> f, Map<String, Object> series) {
    List<double[]> gaps = new ArrayList<>();
    for (Object g : Tree.list(Tree.object(f, "gaps"), "list")) {
      if (g instanceof Map<?, ?> m) {
        double s = Format.parseEpochSeconds(m.get("start"));
        double e = Format.parseEpochSeconds(m.get("end"));
        if (Double.isFinite(s) && Double.isFinite(e)) {
          gaps.add(new double[] {s, e});
        }
      }
    }
    TimeCharts.line(
        b, Tree.list(series, "t"), Tree.list(series, "v"), gaps, true, name + " over event time");
    b.append("<p class=\"note\">Values over event time (UTC), ")
        .append(Html.escape(Format.count(Tree.list(series, "t").size())))
        .append(" points");
    if (Boolean.TRUE.equals(series.get("downsampled"))) {
      b.append(", downsampled by the profiler to the minimum and maximum of each bucket");
    }
    if (!gaps.isEmpty()) {
      b.append("; shaded: ").append(gaps.size()).append(gaps.size() == 1 ? " gap" : " gaps");
    }
    b.append(".</p>");
  }

  void autocorrelation(String name, Map<String, Object> f) {
    double n = Tree.number(f, "count");
    double band = n > 0 ? 1.96 / Math.sqrt(n) : Double.NaN;
    b.append("<div class=\"grid2\"><div><h4>Autocorrelation (ACF)</h4>");
    TimeCharts.correlogram(b, Tree.list(f, "acf"), band, "ACF of " + name);
    b.append("</div><div><h4>Partial autocorrelation (PACF)</h4>");
    TimeCharts.correlogram(b, Tree.list(f, "pacf"), band, "PACF of " + name);
    b.append("</div></div><p class=\"note\">Shaded band: &plusmn;1.96/&radic;n with n = ")
        .append(Html.escape(Format.count(f.get("count"))))
        .append(", the approximate 95% bound for white noise.</p>");
    Map<String, Object> at = Tree.object(f, "autocorr_at");
    if (!at.isEmpty()) {
      b.append(
          "<h4>Autocorrelation at selected lags</h4><table class=\"data\"><thead><tr><th>Lag</th>");
      for (String lag : at.keySet()) {
        b.append("<th class=\"num\">");
        Html.append(b, lag);
        b.append("</th>");
      }
      b.append("</tr></thead><tbody><tr><th>r</th>");
      for (Object v : at.values()) {
        b.append("<td class=\"num\">")
            .append(Html.escape(Format.number(Format.toDouble(v), 3)))
            .append("</td>");
      }
      b.append("</tr></tbody></table>");
    }
  }

  void stationarity(Map<String, Object> f) {
    Map<String, Object> adf = Tree.object(f, "adf");
    Object alpha = Tree.object(Tree.object(tree, "analysis"), "settings").get("significance");
    b.append(
        "<div class=\"grid\"><div><h4>Augmented Dickey&ndash;Fuller test</h4><table class=\"kv\">");
    if (adf.isEmpty()) {
      page.row("Result", Format.NONE);
    } else {
      page.row("Test statistic", Format.number(adf.get("statistic")));
      page.row("p-value", Format.number(Format.toDouble(adf.get("pvalue")), 3));
      page.row("Lags used", Format.count(adf.get("usedlag")));
      page.row("Observations", Format.count(adf.get("nobs")));
      Map<String, Object> crit = Tree.object(adf, "critical");
      for (Map.Entry<String, Object> e : crit.entrySet()) {
        page.row("Critical value " + e.getKey(), Format.number(e.getValue()));
      }
    }
    b.append("</table>");
    if (f.get("stationary") instanceof Boolean st) {
      b.append("<p class=\"verdict ")
          .append(st ? "good\">Stationary" : "bad\">Not stationary")
          .append(
              "</p><p class=\"note\">Unit root rejected when the p-value is below the significance level");
      if (alpha != null) {
        b.append(" &alpha; = ").append(Html.escape(Format.number(Format.toDouble(alpha), 3)));
      }
      b.append(".</p>");
    }
    b.append("</div><div><h4>Seasonality</h4><table class=\"kv\">");
    page.row("Seasonal", Format.bool(f.get("seasonal")));
    List<Object> periods = Tree.list(f, "seasonal_periods");
    StringBuilder p = new StringBuilder();
    for (Object o : periods) {
      if (p.length() > 0) {
        p.append(", ");
      }
      p.append(Format.value(o));
    }
    page.rowData("Seasonal periods (lags)", periods.isEmpty() ? Format.NONE : p.toString());
    b.append("</table></div></div>");
  }

  void gaps(Map<String, Object> g) {
    b.append("<div class=\"grid\"><div><h4>Gaps in event time</h4><table class=\"kv\">");
    page.row("Number of gaps", Format.count(g.get("n_gaps")));
    page.row("Shortest", Format.duration(g.get("min")));
    page.row("Longest", Format.duration(g.get("max")));
    page.row("Mean", Format.duration(g.get("mean")));
    page.row("Standard deviation", Format.duration(g.get("std")));
    b.append("</table></div><div>");
    List<Object> list = Tree.list(g, "list");
    if (list.isEmpty()) {
      b.append(
          "<p class=\"note\">No gaps: the series has no interval much longer than its usual spacing.</p>");
    } else {
      b.append(
          "<h4>Where</h4><div class=\"scroll\"><table class=\"data\"><thead><tr><th>From</th><th>To</th><th class=\"num\">Length</th></tr></thead><tbody>");
      int shown = 0;
      for (Object o : list) {
        if (!(o instanceof Map<?, ?> m)) {
          continue;
        }
        if (++shown > 100) {
          break;
        }
        b.append("<tr><td>")
            .append(Html.escape(Format.instant(m.get("start"))))
            .append("</td><td>")
            .append(Html.escape(Format.instant(m.get("end"))))
            .append("</td><td class=\"num\">")
            .append(
                Html.escape(
                    Format.duration(
                        Format.parseEpochSeconds(m.get("end"))
                            - Format.parseEpochSeconds(m.get("start")))))
            .append("</td></tr>");
      }
      b.append("</tbody></table></div>");
      if (list.size() > 100) {
        b.append("<p class=\"note\">First 100 of ").append(list.size()).append(" gaps.</p>");
      }
    }
    b.append("</div></div>");
  }
}
