package io.streamprofiler.render;

import io.streamprofiler.profile.Tree;
import io.streamprofiler.render.Page.Tab;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Correlations: a heatmap and a table per method, one tab each. */
final class CorrelationsSection extends Section {
  /** Correlation methods in the order their tabs appear; unknown methods follow. */
  private static final List<String> METHODS =
      List.of("auto", "pearson", "spearman", "kendall", "cramers", "phik");

  CorrelationsSection(Page page, ReportData data) {
    super(page, data);
  }

  @Override
  void render() {
    start(3);
    Map<String, Object> corr = Tree.object(tree, "correlations");
    List<String> methods = new ArrayList<>();
    for (String m : METHODS) {
      if (corr.get(m) instanceof Map) {
        methods.add(m);
      }
    }
    for (String m : corr.keySet()) {
      if (!methods.contains(m) && corr.get(m) instanceof Map) {
        methods.add(m);
      }
    }
    if (methods.isEmpty()) {
      b.append(
          "<p class=\"note\">No correlations in this profile (fewer than two columns of a kind, or none requested).</p></section>");
      return;
    }
    List<Tab> tabs = new ArrayList<>();
    for (String m : methods) {
      Map<String, Object> c = Tree.object(corr, m);
      tabs.add(new Tab(methodName(m), () -> correlation(m, c)));
    }
    tabs(tabs);
    b.append("</section>");
  }

  private static String methodName(String m) {
    return switch (m) {
      case "auto" -> "Auto";
      case "pearson" -> "Pearson's r";
      case "spearman" -> "Spearman's ρ";
      case "kendall" -> "Kendall's τ";
      case "cramers" -> "Cramér's V";
      case "phik" -> "Phik (φk)";
      default -> m;
    };
  }

  private static String methodNote(String m) {
    return switch (m) {
      case "auto" ->
          "Each pair by the measure that fits its types: Spearman for numeric pairs, Cramér's V when a categorical column is involved.";
      case "pearson" -> "Linear correlation between numeric columns, from −1 to 1.";
      case "spearman" ->
          "Rank correlation between numeric columns, from −1 to 1: monotonic relationships.";
      case "kendall" ->
          "Rank correlation from concordant and discordant pairs (τ-b), from −1 to 1.";
      case "cramers" -> "Association between categorical columns, from 0 to 1 (bias-corrected).";
      default -> "";
    };
  }

  private void correlation(String method, Map<String, Object> c) {
    List<Object> cols = Tree.list(c, "columns");
    List<Object> matrix = Tree.list(c, "matrix");
    String note = methodNote(method);
    if (!note.isEmpty()) {
      b.append("<p class=\"note\">").append(Html.escape(note)).append("</p>");
    }
    if (cols.isEmpty()) {
      b.append("<p class=\"note\">No columns.</p>");
      return;
    }
    boolean unsigned = method.equals("cramers") || method.equals("phik");
    MatrixCharts.heatmap(
        b, cols, matrix, unsigned ? 0 : -1, methodName(method) + " correlation heatmap");
    b.append(
        "<details><summary>Table</summary><div class=\"scroll\"><table class=\"data\"><thead><tr><th></th>");
    for (Object col : cols) {
      b.append("<th class=\"num\">");
      Html.append(b, str(col));
      b.append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (int i = 0; i < cols.size(); i++) {
      List<?> row = i < matrix.size() && matrix.get(i) instanceof List<?> l ? l : List.of();
      b.append("<tr><th>");
      Html.append(b, str(cols.get(i)));
      b.append("</th>");
      for (int j = 0; j < cols.size(); j++) {
        double v = j < row.size() ? Format.toDouble(row.get(j)) : Double.NaN;
        b.append("<td class=\"num")
            .append(Double.isNaN(v) ? " null" : "")
            .append("\">")
            .append(Html.escape(Double.isNaN(v) ? Format.NONE : fixed3(v)))
            .append("</td>");
      }
      b.append("</tr>");
    }
    b.append("</tbody></table></div></details>");
  }

  private static String fixed3(double v) {
    long r = Math.round(v * 1000);
    String s =
        (r < 0 ? "−" : "")
            + Math.abs(r) / 1000
            + "."
            + String.valueOf(1000 + Math.abs(r) % 1000).substring(1);
    return s;
  }
}
