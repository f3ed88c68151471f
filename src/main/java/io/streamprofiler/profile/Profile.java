package io.streamprofiler.profile;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The profile of one key-window pane: an immutable tree shaped like the JSON report (ordered maps
 * with ydata-profiling's field names, lists, strings, numbers, booleans and nulls), plus the window
 * it describes. Undefined numbers are null, never NaN. Renderers read it; nothing changes it.
 */
public final class Profile implements Serializable {
  private static final long serialVersionUID = 1L;

  private final WindowContext context;
  private final Map<String, Object> tree;

  public Profile(WindowContext context, Map<String, Object> tree) {
    this.context = context;
    this.tree = Collections.unmodifiableMap(tree);
  }

  public WindowContext context() {
    return context;
  }

  /**
   * The whole profile as JSON-shaped values, top level {@code analysis, key, window, pane, table,
   * variables, ...}.
   */
  public Map<String, Object> tree() {
    return tree;
  }

  /** The section {@code name} (table, variables, correlations, missing, ...), empty when absent. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> section(String name) {
    Object v = tree.get(name);
    return v instanceof Map ? (Map<String, Object>) v : Map.of();
  }

  /** Variables by column name, in schema order. */
  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Object>> variables() {
    return (Map<String, Map<String, Object>>) (Map<?, ?>) section("variables");
  }

  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> alerts() {
    Object v = tree.get("alerts");
    return v instanceof List ? (List<Map<String, Object>>) v : List.of();
  }
}
