package io.streamprofiler.render;

import io.streamprofiler.profile.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Duplicate rows: rows that occur more than once in the window, with how often. */
final class DuplicatesSection extends Section {
  DuplicatesSection(Page page, ReportData data) {
    super(page, data);
  }

  @Override
  void render() {
    start(6);
    List<Object> dups = Tree.list(tree, "duplicates");
    if (dups.isEmpty()) {
      b.append("<p class=\"note\">No duplicate rows in this window.</p></section>");
      return;
    }
    List<Object> cols = Tree.list(Tree.object(tree, "sample"), "columns");
    if (cols.isEmpty()) {
      cols = new ArrayList<>(variables.keySet());
    }
    List<Object> rows = new ArrayList<>();
    List<Object> counts = new ArrayList<>();
    for (Object d : dups) {
      if (d instanceof Map<?, ?> m) {
        rows.add(m.get("row"));
        counts.add(m.get("count"));
      }
    }
    b.append("<p class=\"note\">Rows that occur more than once, with how often.</p>");
    SampleSection.rows(b, cols, rows, counts);
    b.append("</section>");
  }
}
