package io.streamprofiler.render;

import io.streamprofiler.profile.Tree;
import io.streamprofiler.render.Page.Tab;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Missing values: values present per column, the nullity matrix and the nullity heatmap. */
final class MissingSection extends Section {
  MissingSection(Page page, ReportData data) {
    super(page, data);
  }

  @Override
  void render() {
    start(4);
    Map<String, Object> m = Tree.object(tree, "missing");
    Map<String, Object> bar = Tree.object(m, "bar");
    if (bar.isEmpty()) {
      b.append("<p class=\"note\">No missing-value summary in this profile.</p></section>");
      return;
    }
    double n = Tree.number(m, "n");
    double total = 0;
    for (Object v : bar.values()) {
      double d = Format.toDouble(v);
      total += Double.isFinite(d) ? d : 0;
    }
    b.append("<p class=\"note\">");
    b.append(
        total == 0
            ? "No value is missing in this window."
            : Html.escape(Format.count(total))
                + " missing cells over "
                + Html.escape(Format.count(n))
                + " rows.");
    b.append("</p>");
    List<Tab> tabs = new ArrayList<>();
    tabs.add(
        new Tab(
            "Count",
            () -> {
              List<String> labels = new ArrayList<>();
              List<String> valueLabels = new ArrayList<>();
              double[] present = new double[bar.size()];
              int i = 0;
              for (Map.Entry<String, Object> e : bar.entrySet()) {
                labels.add(e.getKey());
                double miss = Format.toDouble(e.getValue());
                present[i++] = n - miss;
                valueLabels.add(
                    miss > 0
                        ? Format.count(n - miss)
                            + " · "
                            + Format.count(miss)
                            + " missing ("
                            + Format.percent(miss / n)
                            + ")"
                        : Format.count(n - miss) + " · complete");
              }
              BarCharts.hbars(
                  b, labels, present, n, valueLabels, "cnt", "Values present per column");
              b.append("<p class=\"note\">Bars: values present out of ")
                  .append(Html.escape(Format.count(n)))
                  .append(" rows.</p>");
            }));
    Map<String, Object> matrix = Tree.object(m, "matrix");
    if (!matrix.isEmpty()) {
      tabs.add(
          new Tab(
              "Matrix",
              () -> {
                List<String> cols = new ArrayList<>();
                List<List<Object>> runs = new ArrayList<>();
                for (Map.Entry<String, Object> e : matrix.entrySet()) {
                  cols.add(e.getKey());
                  runs.add(e.getValue() instanceof List<?> l ? new ArrayList<>(l) : List.of());
                }
                MatrixCharts.nullity(
                    b, cols, runs, (long) (Double.isFinite(n) ? n : 0), "Nullity matrix");
                b.append(
                    "<p class=\"note\">Rows in event-time order from top to bottom; white marks a missing value.</p>");
              }));
    }
    Map<String, Object> heat = Tree.object(m, "heatmap");
    if (!Tree.list(heat, "columns").isEmpty()) {
      tabs.add(
          new Tab(
              "Heatmap",
              () -> {
                b.append(
                    "<p class=\"note\">Correlation of nullity between partly missing columns: 1 when one is missing exactly when the other is.</p>");
                MatrixCharts.heatmap(
                    b,
                    Tree.list(heat, "columns"),
                    Tree.list(heat, "matrix"),
                    -1,
                    "Nullity correlation heatmap");
              }));
    }
    tabs(tabs);
    b.append("</section>");
  }
}
