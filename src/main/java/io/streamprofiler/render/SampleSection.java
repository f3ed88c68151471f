package io.streamprofiler.render;

import io.streamprofiler.profile.Tree;
import io.streamprofiler.render.Page.Tab;
import java.util.List;
import java.util.Map;

/** Sample: the first and last rows of the window. */
final class SampleSection extends Section {
  SampleSection(Page page, ReportData data) {
    super(page, data);
  }

  @Override
  void render() {
    start(5);
    Map<String, Object> s = Tree.object(tree, "sample");
    List<Object> cols = Tree.list(s, "columns");
    List<Object> head = Tree.list(s, "head");
    List<Object> tail = Tree.list(s, "tail");
    if (head.isEmpty() && tail.isEmpty()) {
      b.append("<p class=\"note\">No sample rows in this profile.</p></section>");
      return;
    }
    tabs(
        List.of(
            new Tab("First rows", () -> rows(b, cols, head, null)),
            new Tab("Last rows", () -> rows(b, cols, tail, null))));
    b.append("</section>");
  }

  static void rows(StringBuilder b, List<Object> cols, List<Object> rows, List<Object> counts) {
    int width = cols.size();
    for (Object r : rows) {
      if (r instanceof List<?> l) {
        width = Math.max(width, l.size());
      }
    }
    b.append("<div class=\"scroll\"><table class=\"data\"><thead><tr><th class=\"num\">#</th>");
    if (counts != null) {
      b.append("<th class=\"num\">Count</th>");
    }
    for (int j = 0; j < width; j++) {
      b.append("<th>");
      Html.append(b, j < cols.size() ? str(cols.get(j)) : "");
      b.append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (int i = 0; i < rows.size(); i++) {
      List<?> row = rows.get(i) instanceof List<?> l ? l : List.of();
      b.append("<tr><td class=\"num null\">").append(i + 1).append("</td>");
      if (counts != null) {
        b.append("<td class=\"num\"><strong>")
            .append(Html.escape(Format.count(i < counts.size() ? counts.get(i) : null)))
            .append("</strong></td>");
      }
      for (int j = 0; j < width; j++) {
        Object v = j < row.size() ? row.get(j) : null;
        if (v == null) {
          Html.append(b.append("<td class=\"null\">"), Format.NONE).append("</td>");
        } else {
          b.append("<td>");
          Html.append(b, Html.shorten(v.toString(), 120));
          b.append("</td>");
        }
      }
      b.append("</tr>");
    }
    b.append("</tbody></table></div>");
  }
}
