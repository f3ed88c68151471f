package io.streamprofiler.render;

import io.streamprofiler.profile.Tree;
import io.streamprofiler.profile.WindowContext;
import io.streamprofiler.render.Page.Tab;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Overview: dataset statistics, variable types, the window and pane, alerts; and the settings that
 * reproduce the profile.
 */
final class OverviewSection extends Section {
  OverviewSection(Page page, ReportData data) {
    super(page, data);
  }

  @Override
  void render() {
    start(0);
    List<Tab> tabs = new ArrayList<>();
    tabs.add(
        new Tab(
            "Overview",
            () -> {
              overviewTables();
              alerts.writeList();
            }));
    tabs.add(new Tab("Reproduction", this::reproduction));
    tabs(tabs);
    b.append("</section>");
  }

  private void overviewTables() {
    Map<String, Object> t = Tree.object(tree, "table");
    scopeNote();
    estimationNote(t);
    b.append("<div class=\"grid ov\"><div><h3>Dataset statistics</h3><table class=\"kv\">");
    row("Number of variables", Format.count(t.get("n_var")));
    row("Number of rows", Format.count(t.get("n")));
    row("Missing cells", Format.count(t.get("n_cells_missing")));
    row("Missing cells (%)", Format.percent(t.get("p_cells_missing")));
    if (t.containsKey("n_vars_with_missing")) {
      row("Variables with missing values", Format.count(t.get("n_vars_with_missing")));
    }
    if (t.containsKey("n_vars_all_missing")) {
      row("Variables entirely missing", Format.count(t.get("n_vars_all_missing")));
    }
    row("Duplicate rows", Format.count(t.get("n_duplicates")));
    row("Duplicate rows (%)", Format.percent(t.get("p_duplicates")));
    row("First event", Format.instant(t.get("first_event")));
    row("Last event", Format.instant(t.get("last_event")));
    double span =
        Format.parseEpochSeconds(t.get("last_event"))
            - Format.parseEpochSeconds(t.get("first_event"));
    row("Event span", Format.duration(span));
    b.append("</table></div><div><h3>Variable types</h3><table class=\"kv\">");
    Map<String, Object> types = Tree.object(t, "types");
    if (types.isEmpty()) {
      row("Types", Format.NONE);
    }
    for (Map.Entry<String, Object> e : types.entrySet()) {
      row(e.getKey(), Format.count(e.getValue()));
    }
    b.append("</table></div><div><h3>Window and pane</h3><table class=\"kv\">");
    Map<String, Object> window = Tree.object(tree, "window");
    Map<String, Object> pane = Tree.object(tree, "pane");
    WindowContext w = profile.context();
    rowData("Key", w == null ? str(tree.get("key")) : w.key());
    row("Window start", Format.instant(window.get("start")));
    row("Window end (exclusive)", Format.instant(window.get("end")));
    row(
        "Window length",
        Format.duration(
            Format.parseEpochSeconds(window.get("end"))
                - Format.parseEpochSeconds(window.get("start"))));
    rowHtml("Pane timing", () -> timingChip(pane.get("timing")));
    row("Revision (pane index)", Format.count(pane.get("index")));
    row("Final revision", Format.bool(pane.get("is_last")));
    row("Rows profiled", Format.count(t.get("n")));
    row("Late rows", Format.count(pane.get("late_rows")));
    b.append("</table></div></div>");
  }

  /** What a roll-up or the fleet profile covers, above the tables. */
  private void scopeNote() {
    Map<String, Object> scope = Tree.object(tree, "scope");
    if (scope.isEmpty()) {
      return;
    }
    b.append("<p class=\"note\">");
    if ("fleet".equals(scope.get("kind"))) {
      Object keys = scope.get("keys");
      int n = keys instanceof List<?> l ? l.size() : 0;
      Html.append(
          b,
          "Fleet profile: every key of this window, "
              + Format.integer(n)
              + (n == 1 ? " key" : " keys")
              + ", merged from their windows' states (no row read twice). Time-series"
              + " statistics are not computed for pooled keys.");
    } else {
      Html.append(
          b,
          "Roll-up over "
              + str(scope.get("window"))
              + ": merged from "
              + Format.count(scope.get("windows"))
              + (Long.valueOf(1).equals(scope.get("windows")) ? " window of " : " windows of ")
              + str(scope.get("of"))
              + " of this key, from their states (no row read twice).");
    }
    b.append("</p>");
  }

  /** On the state path: which statistics are exact, which sketched, with their bounds. */
  private void estimationNote(Map<String, Object> t) {
    if (!Boolean.FALSE.equals(t.get("exact"))) {
      return;
    }
    Map<String, Object> e = Tree.object(t, "estimation");
    b.append("<p class=\"note\">");
    Html.append(
        b,
        "Profiled from a mergeable state, not from every row: counts, missing values, zeros,"
            + " minimum, maximum, mean, std, skewness, kurtosis, extreme values and Pearson's r are"
            + " exact; quantiles and histograms come from a KLL sketch, distinct counts from"
            + " HyperLogLog and common values from a frequent-items sketch, each variable with its"
            + " error bound in the JSON report (estimates); autocorrelation, stationarity, rank"
            + " correlations, interactions, duplicates and the nullity matrix come from a"
            + " downsampled series of "
            + Format.count(e.get("series_rows"))
            + " rows, one per "
            + Format.duration(Tree.number(e, "series_step_seconds"))
            + " of event time.");
    b.append("</p>");
  }

  private void reproduction() {
    Map<String, Object> analysis = Tree.object(tree, "analysis");
    b.append("<div class=\"grid\"><div><h3>Analysis</h3><table class=\"kv\">");
    rowData("Generator", str(analysis.get("generator")));
    rowData("Title", str(analysis.get("title")));
    rowData("Key column", str(analysis.get("key_column")));
    rowData("Timestamp column", str(analysis.get("timestamp_column")));
    row("Window", windowLabel());
    Map<String, Object> pane = Tree.object(tree, "pane");
    rowData(
        "Pane",
        Format.label(str(pane.get("timing"))) + ", revision " + Format.count(pane.get("index")));
    b.append("</table></div><div><h3>Settings</h3><table class=\"kv mono\">");
    Map<String, Object> settings = Tree.object(analysis, "settings");
    if (settings.isEmpty()) {
      row("Settings", Format.NONE);
    }
    for (Map.Entry<String, Object> e : settings.entrySet()) {
      Object v = e.getValue();
      rowData(
          e.getKey(),
          v instanceof Number n
              ? Format.number(n.doubleValue(), 10)
              : v instanceof Boolean bo ? bo.toString() : str(v));
    }
    b.append("</table></div></div>");
  }
}
