package io.streamprofiler.render;

import io.streamprofiler.profile.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Interactions: binned scatter plots of numeric pairs, or raw pairs of time series sampled
 * together.
 */
final class InteractionsSection extends Section {
  private static final int MAX_PAIRS = 28;

  InteractionsSection(Page page, ReportData data) {
    super(page, data);
  }

  @Override
  void render() {
    start(2);
    List<Map<String, Object>> pairs = interactionPairs();
    if (!pairs.isEmpty()) {
      b.append(
          "<p class=\"note\">Each numeric pair binned into a two-dimensional histogram (darker: more rows).</p><div class=\"pairs\">");
      for (Map<String, Object> pair : pairs) {
        String x = str(pair.get("x"));
        String y = str(pair.get("y"));
        b.append("<figure>");
        ScatterCharts.binned(
            b,
            Tree.list(pair, "x_edges"),
            Tree.list(pair, "y_edges"),
            Tree.list(pair, "counts"),
            x,
            y);
        b.append("<figcaption>");
        Html.append(b, y);
        b.append(" against ");
        Html.append(b, x);
        b.append("</figcaption></figure>");
      }
      b.append("</div></section>");
      return;
    }
    // Without binned interactions, time series sampled at the same instants can be drawn as raw
    // pairs.
    List<String> names = new ArrayList<>();
    List<List<Object>> values = new ArrayList<>();
    List<Object> times = null;
    for (Map.Entry<String, Map<String, Object>> e : variables.entrySet()) {
      Map<String, Object> series =
          e.getValue() == null ? Map.of() : Tree.object(e.getValue(), "series");
      List<Object> t = Tree.list(series, "t");
      if (t.isEmpty()
          || Boolean.TRUE.equals(series.get("downsampled"))
          || Tree.list(series, "v").size() != t.size()) {
        continue;
      }
      if (times == null) {
        times = t;
      } else if (!times.equals(t)) {
        continue;
      }
      names.add(e.getKey());
      values.add(Tree.list(series, "v"));
    }
    if (names.size() < 2) {
      b.append(
          "<p class=\"note\">No interactions in this profile: it holds no binned pairs of numeric columns.</p></section>");
      return;
    }
    b.append(
        "<p class=\"note\">Pairs of time series observed at the same instants, one point per row (points on the same pixel drawn once).</p><div class=\"pairs\">");
    int drawn = 0;
    List<double[]> arrays = new ArrayList<>();
    for (List<Object> v : values) {
      arrays.add(Svg.doubles(v));
    }
    for (int i = 0; i < names.size() && drawn < MAX_PAIRS; i++) {
      for (int j = i + 1; j < names.size() && drawn < MAX_PAIRS; j++) {
        drawn++;
        b.append("<figure>");
        ScatterCharts.scatter(b, arrays.get(i), arrays.get(j), names.get(i), names.get(j));
        b.append("<figcaption>");
        Html.append(b, names.get(j));
        b.append(" against ");
        Html.append(b, names.get(i));
        b.append("</figcaption></figure>");
      }
    }
    b.append("</div></section>");
  }

  /**
   * Binned pairs from {@code interactions}: a list of {x, y, x_edges, y_edges, counts}, or a map
   * keyed "x|y" whose values hold the edges and counts.
   */
  private List<Map<String, Object>> interactionPairs() {
    Object v = tree.get("interactions");
    List<Map<String, Object>> pairs = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m) {
          @SuppressWarnings("unchecked")
          Map<String, Object> pair = (Map<String, Object>) m;
          pairs.add(pair);
        }
      }
    } else if (v instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getValue() instanceof Map<?, ?> m) {
          @SuppressWarnings("unchecked")
          Map<String, Object> pair = new java.util.LinkedHashMap<>((Map<String, Object>) m);
          String k = String.valueOf(e.getKey());
          int bar = k.indexOf('|');
          pair.putIfAbsent("x", bar < 0 ? k : k.substring(0, bar));
          pair.putIfAbsent("y", bar < 0 ? "" : k.substring(bar + 1));
          pairs.add(pair);
        }
      }
    }
    return pairs.size() > MAX_PAIRS * 2 ? pairs.subList(0, MAX_PAIRS * 2) : pairs;
  }
}
