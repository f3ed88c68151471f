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
