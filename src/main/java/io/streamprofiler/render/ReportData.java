package io.streamprofiler.render;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.Tree;
import io.streamprofiler.profile.WindowContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every section of a report reads: the profile, its variables in order, and its alerts. */
record ReportData(
    Profile profile,
    Map<String, Object> tree,
    Map<String, Map<String, Object>> variables,
    Alerts alerts) {

  @SuppressWarnings("unchecked")
  static ReportData of(Profile profile, Page page) {
    Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : profile.section("variables").entrySet()) {
      variables.put(
          e.getKey(), e.getValue() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
    }
    return new ReportData(
        profile, profile.tree(), variables, new Alerts(page, profile.tree(), variables.keySet()));
  }

  /** The key: the window context's, else the tree's. */
  String key() {
    WindowContext w = profile.context();
    return w == null ? Page.str(tree.get("key")) : w.key();
  }

  String windowLabel() {
    Map<String, Object> window = Tree.object(tree, "window");
    return Page.range(window.get("start"), window.get("end"));
  }
}
