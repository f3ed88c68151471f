package io.streamprofiler.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.Tree;
import io.streamprofiler.render.Html;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Two stored profiles side by side, left the reference and right the current one: both sides'
 * statistics per common column with the differences highlighted, overlaid histograms and ACF
 * charts, both correlation heatmaps, the union of alerts with the side(s) that raised them and the
 * drift tests. Columns in one profile only are listed. Self-contained HTML (inline CSS allowed by
 * its hash, no script, nothing loaded), every data string escaped; and the same content as JSON.
 */
public final class CompareReport {
  /** Statistics shown per column, in order. */
  static final List<String> STATS = List.of("type", "n", "count", "n_missing", "p_missing", "n_distinct", "p_distinct",
      "mean", "std", "min", "5%", "25%", "50%", "75%", "95%", "max", "iqr", "skewness", "kurtosis", "p_zeros",
      "p_negative", "top", "freq", "imbalance", "stationary", "seasonal");
  /** A numeric statistic is highlighted when it moved by more than this share of the larger magnitude. */
  static final double RELATIVE_CHANGE = 0.1;

  private static final String STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2733;background:#f4f6f9}
header{background:#1d2733;color:#fff;padding:.8rem 1.2rem}header h1{margin:0;font-size:1.25rem}
header .sub{color:#b9c4d0;font-size:.9rem}main{max-width:1200px;margin:auto;padding:1rem}
section{background:#fff;border:1px solid #dde3ea;border-radius:6px;margin:0 0 1rem;padding:1rem 1.2rem}
h2{font-size:1.1rem;margin:.2rem 0 .8rem}h3{font-size:1rem;margin:.2rem 0 .6rem}
table{border-collapse:collapse;font-size:13px}td,th{border-bottom:1px solid #e8edf2;padding:.25rem .6rem;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}.changed{background:#fff3cd}
.alert{color:#b3261e;font-weight:600}.warn{color:#9a6700;font-weight:600}.ok{color:#1a7f37}
.l{color:#2563a6}.r{color:#d9730d}.cols{display:flex;flex-wrap:wrap;gap:1rem}.cols>div{flex:1 1 360px;min-width:0}
svg text{font:11px system-ui,sans-serif;fill:#445}.bl{fill:#2563a6;fill-opacity:.45}.br{fill:#d9730d;fill-opacity:.45}
.ll{stroke:#2563a6;stroke-width:2;fill:none}.lr{stroke:#d9730d;stroke-width:2;fill:none}.ax{stroke:#99a;stroke-width:1}
.scroll{overflow-x:auto}.muted{color:#6b7785}
""";
  private static final String POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; img-src 'none'; base-uri 'none'; form-action 'none'";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CompareReport() {}

  /** Compares {@code left} (reference) with {@code right} (current). */
  public static Drift.Result drift(Profile left, Profile right, DriftThresholds t) {
    Map<String, Object> baseline = Tree.object().put("mode", "compare").put("key", left.context().key())
        .put("window", Tree.object().put("start", window(left, "start")).put("end", window(left, "end")))
        .put("pane", left.context().paneIndex()).build();
    return Drift.compare(left, right, t, baseline);
  }

  /** The comparison as JSON-shaped values (what {@link #json} writes). */
  public static Map<String, Object> tree(Profile left, Profile right, Drift.Result drift) {
    List<String> common = new ArrayList<>();
    List<String> onlyLeft = new ArrayList<>();
    List<String> onlyRight = new ArrayList<>();
    columns(left, right, common, onlyLeft, onlyRight);
    Tree stats = Tree.object();
    for (String c : common) {
      Tree per = Tree.object();
      Map<String, Object> a = left.variables().get(c);
      Map<String, Object> b = right.variables().get(c);
      for (String s : STATS) {
        if (!a.containsKey(s) && !b.containsKey(s)) {
          continue;
        }
        Tree cell = Tree.object().put("left", a.get(s)).put("right", b.get(s));
        if (a.get(s) instanceof Number x && b.get(s) instanceof Number y) {
          cell.put("difference", y.doubleValue() - x.doubleValue());
        }
        per.put(s, cell.put("changed", changed(a.get(s), b.get(s))));
      }
      stats.put(c, per);
    }
    return Tree.object()
        .put("left", side(left))
        .put("right", side(right))
        .put("common_columns", common)
        .put("only_in_left", onlyLeft)
        .put("only_in_right", onlyRight)
        .put("statistics", stats)
        .put("alerts", alertUnion(left, right))
        .put("drift", drift.section())
        .put("drift_alerts", drift.alerts())
        .build();
  }

  public static String json(Profile left, Profile right, Drift.Result drift) {
    try {
      return JSON.writeValueAsString(tree(left, right, drift)) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> side(Profile p) {
    return Tree.object().put("key", p.context().key())
        .put("window", Tree.object().put("start", window(p, "start")).put("end", window(p, "end")))
        .put("pane", p.context().paneIndex()).put("timing", p.context().timing())
        .put("rows", Tree.object(p.tree(), "table").get("n")).build();
  }

  private static Object window(Profile p, String f) {
    return Tree.object(p.tree(), "window").get(f);
  }

  private static void columns(Profile left, Profile right, List<String> common, List<String> onlyLeft, List<String> onlyRight) {
    for (String c : left.variables().keySet()) {
      (right.variables().containsKey(c) ? common : onlyLeft).add(c);
    }
    for (String c : right.variables().keySet()) {
      if (!left.variables().containsKey(c)) {
        onlyRight.add(c);
      }
    }
  }

  static boolean changed(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      double p = x.doubleValue();
      double q = y.doubleValue();
      double scale = Math.max(Math.abs(p), Math.abs(q));
      return scale > 0 && Math.abs(p - q) > RELATIVE_CHANGE * scale;
    }
    return !Objects.equals(a, b);
  }

  /** Every alert of either side once, with which side raised it (value and threshold of each). */
  static List<Object> alertUnion(Profile left, Profile right) {
    Map<String, Tree> union = new LinkedHashMap<>();
    Map<String, Map<String, Object>> first = new LinkedHashMap<>();
    for (String side : List.of("left", "right")) {
      for (Map<String, Object> a : (side.equals("left") ? left : right).alerts()) {
        String id = a.get("type") + "\u0000" + (a.containsKey("column") ? a.get("column") : a.get("columns"));
        first.putIfAbsent(id, a);
        union.computeIfAbsent(id, k -> Tree.object().put("type", a.get("type"))
                .putIfPresent("column", a.get("column")).putIfPresent("columns", a.get("columns"))
                .put("left", false).put("right", false))
            .put(side, true).put(side + "_value", a.get("value"));
      }
    }
    List<Object> out = new ArrayList<>();
    union.values().forEach(t -> out.add(t.build()));
    return out;
  }

  // ---------------------------------------------------------------- HTML

  public static String html(Profile left, Profile right, Drift.Result drift) {
    Map<String, Object> tree = tree(left, right, drift);
    StringBuilder b = new StringBuilder(64_000);
    String title = "Comparison · " + label(left) + " vs " + label(right);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<meta name=\"referrer\" content=\"no-referrer\"><title>").append(esc(title))
        .append("</title><style>").append(STYLE).append("</style></head><body>");
    b.append("<header><h1>Comparison</h1><div class=\"sub\"><span class=\"l\">■</span> left (reference): ")
        .append(esc(label(left))).append(" &nbsp; <span class=\"r\">■</span> right (current): ").append(esc(label(right)))
        .append("</div></header><main>");
    driftSection(b, drift);
    alertsSection(b, Tree.list(tree, "alerts"));
    @SuppressWarnings("unchecked")
    List<String> onlyLeft = (List<String>) (List<?>) Tree.list(tree, "only_in_left");
    @SuppressWarnings("unchecked")
    List<String> onlyRight = (List<String>) (List<?>) Tree.list(tree, "only_in_right");
    if (!onlyLeft.isEmpty() || !onlyRight.isEmpty()) {
      b.append("<section id=\"columns\"><h2>Columns in one profile only</h2><p>Left only: ").append(list(onlyLeft))
          .append("</p><p>Right only: ").append(list(onlyRight)).append("</p></section>");
    }
    b.append("<section id=\"variables\"><h2>Variables</h2>");
    Map<String, Object> stats = Tree.object(tree, "statistics");
    for (String c : stats.keySet()) {
      variable(b, c, left.variables().get(c), right.variables().get(c), Tree.object(stats, c),
          Tree.object(Tree.object(drift.section(), "columns"), c));
    }
    b.append("</section>");
    correlations(b, left, right);
    b.append("</main></body></html>\n");
    return b.toString();
  }

  private static String label(Profile p) {
    return p.context().key() + " · " + window(p, "start") + " · pane " + p.context().paneIndex();
  }

  private static String list(List<String> names) {
    if (names.isEmpty()) {
      return "<span class=\"muted\">none</span>";
    }
    StringBuilder b = new StringBuilder();
    for (String n : names) {
      b.append(b.length() == 0 ? "" : ", ").append("<code>").append(esc(n)).append("</code>");
    }
    return b.toString();
  }

  private static void driftSection(StringBuilder b, Drift.Result drift) {
    Map<String, Object> s = drift.section();
    Map<String, Object> cols = Tree.object(s, "columns");
    b.append("<section id=\"drift\"><h2>Drift</h2><p>");
    if (drift.anyDrift()) {
      b.append("<span class=\"alert\">DRIFT</span> in ").append(list(drift.drifted()));
    } else {
      b.append("<span class=\"ok\">No drift</span> over ").append(cols.size()).append(cols.size() == 1 ? " column" : " columns");
    }
    Map<String, Object> t = Tree.object(s, "thresholds");
    b.append("</p><p class=\"muted\">DRIFT needs PSI ≥ ").append(num(t.get("psi")))
        .append(" and a large effect: |mean shift| ≥ ").append(num(t.get("mean_shift"))).append(" reference sd, sd ratio ≥ ")
        .append(num(t.get("std_ratio"))).append(" (or ≤ its inverse), or Cramér's V ≥ ").append(num(t.get("cramers_v")))
        .append("; PSI ≥ ").append(num(t.get("psi_warn"))).append(" alone is a warning.</p>");
    b.append("<div class=\"scroll\"><table><thead><tr><th>Column</th><th>Test</th><th>Level</th><th>PSI</th><th>JS distance</th>")
        .append("<th>KS</th><th>Mean shift (sd)</th><th>SD ratio</th><th>χ² p-value</th><th>Cramér's V</th></tr></thead><tbody>");
    for (Map.Entry<String, Object> e : cols.entrySet()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> c = (Map<String, Object>) e.getValue();
      String level = String.valueOf(c.get("level"));
      b.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(esc(String.valueOf(c.get("method"))))
          .append("</td><td class=\"").append(esc(level)).append("\">").append(esc(level)).append("</td>");
      for (Object v : new Object[] {c.get("psi"), c.get("js_distance"), c.get("ks"), c.get("mean_shift"), c.get("std_ratio"),
          Tree.object(c, "chi_squared").get("pvalue"), c.get("cramers_v")}) {
        b.append("<td class=\"num\">").append(num(v)).append("</td>");
      }
      b.append("</tr>");
    }
    b.append("</tbody></table></div>");
    Map<String, Object> skipped = Tree.object(s, "skipped");
    if (!skipped.isEmpty()) {
      b.append("<p class=\"muted\">Not tested: ");
      boolean first = true;
      for (Map.Entry<String, Object> e : skipped.entrySet()) {
        b.append(first ? "" : "; ").append("<code>").append(esc(e.getKey())).append("</code> (").append(esc(String.valueOf(e.getValue()))).append(")");
        first = false;
      }
      b.append("</p>");
    }
    b.append("</section>");
  }

  private static void alertsSection(StringBuilder b, List<Object> alerts) {
    b.append("<section id=\"alerts\"><h2>Alerts</h2>");
    if (alerts.isEmpty()) {
      b.append("<p class=\"muted\">Neither profile has alerts.</p></section>");
      return;
    }
    b.append("<table><thead><tr><th>Alert</th><th>Column</th><th>Left</th><th>Right</th></tr></thead><tbody>");
    for (Object o : alerts) {
      @SuppressWarnings("unchecked")
      Map<String, Object> a = (Map<String, Object>) o;
      boolean l = Boolean.TRUE.equals(a.get("left"));
      boolean r = Boolean.TRUE.equals(a.get("right"));
      Object column = a.containsKey("column") ? a.get("column") : a.get("columns");
      b.append("<tr").append(l != r ? " class=\"changed\"" : "").append("><td>").append(esc(String.valueOf(a.get("type"))))
          .append("</td><td>").append(column == null ? "" : esc(String.valueOf(column))).append("</td><td>")
          .append(l ? "raised (" + num(a.get("left_value")) + ")" : "—").append("</td><td>")
          .append(r ? "raised (" + num(a.get("right_value")) + ")" : "—").append("</td></tr>");
    }
    b.append("</tbody></table></section>");
  }

  private static void variable(StringBuilder b, String name, Map<String, Object> a, Map<String, Object> c,
      Map<String, Object> stats, Map<String, Object> drift) {
    b.append("<h3>").append(esc(name));
    if (!drift.isEmpty()) {
      String level = String.valueOf(drift.get("level"));
      b.append(" <span class=\"").append(esc(level)).append("\">").append(esc(level.equals("alert") ? "DRIFT" : level)).append("</span>");
    }
    b.append("</h3><div class=\"cols\"><div class=\"scroll\"><table><thead><tr><th>Statistic</th><th class=\"l\">Left</th>")
        .append("<th class=\"r\">Right</th><th>Difference</th></tr></thead><tbody>");
    for (Map.Entry<String, Object> e : stats.entrySet()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> cell = (Map<String, Object>) e.getValue();
      b.append("<tr").append(Boolean.TRUE.equals(cell.get("changed")) ? " class=\"changed\"" : "").append("><td>")
          .append(esc(e.getKey())).append("</td><td class=\"num\">").append(value(cell.get("left")))
          .append("</td><td class=\"num\">").append(value(cell.get("right"))).append("</td><td class=\"num\">")
          .append(cell.containsKey("difference") ? num(cell.get("difference")) : "").append("</td></tr>");
    }
    b.append("</tbody></table></div><div>");
    histograms(b, name, Tree.object(a, "histogram"), Tree.object(c, "histogram"));
    acf(b, name, Tree.list(a, "acf"), Tree.list(c, "acf"));
    b.append("</div></div>");
  }

  /** Both histograms as densities on one axis: each side's bins over its own range, overlaid. */
  static void histograms(StringBuilder b, String name, Map<String, Object> left, Map<String, Object> right) {
    double[] le = doubles(Tree.list(left, "edges"));
    double[] lc = doubles(Tree.list(left, "counts"));
    double[] re = doubles(Tree.list(right, "edges"));
    double[] rc = doubles(Tree.list(right, "counts"));
    if ((le.length < 2 || lc.length == 0) && (re.length < 2 || rc.length == 0)) {
      return;
    }
    double lo = Math.min(le.length > 0 ? le[0] : Double.MAX_VALUE, re.length > 0 ? re[0] : Double.MAX_VALUE);
    double hi = Math.max(le.length > 0 ? le[le.length - 1] : -Double.MAX_VALUE, re.length > 0 ? re[re.length - 1] : -Double.MAX_VALUE);
    if (!(hi > lo)) {
      hi = lo + 1;
      lo = lo - 1;
    }
    double[] ld = density(le, lc);
    double[] rd = density(re, rc);
    double max = 0;
    for (double d : ld) {
      max = Math.max(max, d);
    }
    for (double d : rd) {
      max = Math.max(max, d);
    }
    int w = 420;
    int h = 170;
    int pad = 24;
    b.append("<svg role=\"img\" width=\"").append(w).append("\" height=\"").append(h).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
        .append("\"><title>").append(esc("Histograms of " + name + ": left blue, right orange")).append("</title>");
    for (int side = 0; side < 2; side++) {
      double[] e = side == 0 ? le : re;
      double[] d = side == 0 ? ld : rd;
      for (int i = 0; i < d.length && i + 1 < e.length; i++) {
        double x0 = pad + (e[i] - lo) / (hi - lo) * (w - 2 * pad);
        double x1 = pad + (e[i + 1] - lo) / (hi - lo) * (w - 2 * pad);
        double bh = max > 0 ? d[i] / max * (h - 2 * pad) : 0;
        b.append("<rect class=\"").append(side == 0 ? "bl" : "br").append("\" x=\"").append(f(x0)).append("\" y=\"")
            .append(f(h - pad - bh)).append("\" width=\"").append(f(Math.max(1, x1 - x0))).append("\" height=\"").append(f(bh)).append("\"/>");
      }
    }
    b.append("<line class=\"ax\" x1=\"").append(pad).append("\" y1=\"").append(h - pad).append("\" x2=\"").append(w - pad)
        .append("\" y2=\"").append(h - pad).append("\"/>");
    b.append("<text x=\"").append(pad).append("\" y=\"").append(h - 6).append("\">").append(esc(num(lo))).append("</text>")
        .append("<text x=\"").append(w - pad).append("\" y=\"").append(h - 6).append("\" text-anchor=\"end\">").append(esc(num(hi))).append("</text>")
        .append("<text x=\"").append(pad).append("\" y=\"14\">").append(esc("density · " + name)).append("</text></svg>");
  }

  private static double[] density(double[] edges, double[] counts) {
    double total = 0;
    for (double c : counts) {
      total += c;
    }
    double[] d = new double[counts.length];
    for (int i = 0; i < counts.length && i + 1 < edges.length; i++) {
      double width = edges[i + 1] - edges[i];
      d[i] = total == 0 ? 0 : counts[i] / total / (width > 0 ? width : 1);
    }
    return d;
  }

  /** Both autocorrelation functions as lines over the lags. */
  static void acf(StringBuilder b, String name, List<Object> left, List<Object> right) {
    double[] l = doubles(left);
    double[] r = doubles(right);
    int lags = Math.max(l.length, r.length);
    if (lags < 2) {
      return;
    }
    int w = 420;
    int h = 150;
    int pad = 24;
    b.append("<svg role=\"img\" width=\"").append(w).append("\" height=\"").append(h).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
        .append("\"><title>").append(esc("Autocorrelation of " + name + ": left blue, right orange")).append("</title>");
    double zero = pad + (h - 2 * pad) / 2.0;
    b.append("<line class=\"ax\" x1=\"").append(pad).append("\" y1=\"").append(f(zero)).append("\" x2=\"").append(w - pad)
        .append("\" y2=\"").append(f(zero)).append("\"/>");
    for (int side = 0; side < 2; side++) {
      double[] v = side == 0 ? l : r;
      if (v.length < 2) {
        continue;
      }
      b.append("<polyline class=\"").append(side == 0 ? "ll" : "lr").append("\" points=\"");
      for (int i = 0; i < v.length; i++) {
        if (!Double.isFinite(v[i])) {
          continue;
        }
        double x = pad + (double) i / (lags - 1) * (w - 2 * pad);
        double y = zero - v[i] * (h - 2 * pad) / 2.0;
        b.append(f(x)).append(',').append(f(y)).append(' ');
      }
      b.append("\"/>");
    }
    b.append("<text x=\"").append(pad).append("\" y=\"14\">").append(esc("ACF · " + name + " (lags 0–" + (lags - 1) + ")"))
        .append("</text></svg>");
  }

  private static void correlations(StringBuilder b, Profile left, Profile right) {
    Map<String, Object> lc = left.section("correlations");
    Map<String, Object> rc = right.section("correlations");
    Set<String> methods = new LinkedHashSet<>(lc.keySet());
    methods.retainAll(rc.keySet());
    if (methods.isEmpty()) {
      return;
    }
    b.append("<section id=\"correlations\"><h2>Correlations</h2>");
    for (String m : methods) {
      b.append("<h3>").append(esc(m)).append("</h3><div class=\"cols\">");
      for (Map<String, Object> c : List.of(Tree.object(lc, m), Tree.object(rc, m))) {
        b.append("<div class=\"scroll\">");
        heatmap(b, Tree.list(c, "columns"), Tree.list(c, "matrix"), (c == Tree.object(lc, m) ? "left " : "right ") + m);
        b.append("</div>");
      }
      b.append("</div>");
    }
    b.append("</section>");
  }

  static void heatmap(StringBuilder b, List<Object> columns, List<Object> matrix, String label) {
    int n = columns.size();
    if (n == 0) {
      return;
    }
    int cell = 26;
    int left = 90;
    int top = 90;
    int w = left + n * cell + 4;
    int h = top + n * cell + 4;
    b.append("<svg role=\"img\" width=\"").append(w).append("\" height=\"").append(h).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
        .append("\"><title>").append(esc(label)).append("</title>");
    for (int i = 0; i < n; i++) {
      String name = String.valueOf(columns.get(i));
      String shortName = name.length() > 12 ? name.substring(0, 11) + "…" : name;
      b.append("<text x=\"").append(left - 4).append("\" y=\"").append(top + i * cell + 17).append("\" text-anchor=\"end\">")
          .append(esc(shortName)).append("</text>");
      b.append("<text transform=\"translate(").append(left + i * cell + 17).append(',').append(top - 4)
          .append(") rotate(-60)\">").append(esc(shortName)).append("</text>");
      List<?> row = i < matrix.size() && matrix.get(i) instanceof List<?> r ? r : List.of();
      for (int j = 0; j < n; j++) {
        Object v = j < row.size() ? row.get(j) : null;
        String fill = v instanceof Number x ? colour(x.doubleValue()) : "#eeeeee";
        b.append("<rect x=\"").append(left + j * cell).append("\" y=\"").append(top + i * cell).append("\" width=\"").append(cell - 1)
            .append("\" height=\"").append(cell - 1).append("\" fill=\"").append(fill).append("\"><title>")
            .append(esc(name + " × " + columns.get(j) + ": " + num(v))).append("</title></rect>");
      }
    }
    b.append("</svg>");
  }

  /** Blue for -1, white for 0, red for +1. */
  static String colour(double v) {
    double t = Math.max(-1, Math.min(1, v));
    int r;
    int g;
    int bl;
    if (t >= 0) {
      r = 255;
      g = (int) Math.round(255 - 170 * t);
      bl = (int) Math.round(255 - 190 * t);
    } else {
      r = (int) Math.round(255 + 200 * t);
      g = (int) Math.round(255 + 120 * t);
      bl = 255;
    }
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, bl);
  }

  private static double[] doubles(List<Object> list) {
    double[] d = new double[list.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = list.get(i) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
    return d;
  }

  private static String f(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  static String num(Object v) {
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (!Double.isFinite(d)) {
        return "—";
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
      double a = Math.abs(d);
      if (a >= 1e-3 && a < 1e6) {
        String g = String.format(Locale.ROOT, "%.4g", d);
        return g.contains(".") ? g.replaceAll("0+$", "").replaceAll("\\.$", "") : g;
      }
      return String.format(Locale.ROOT, "%.3e", d);
    }
    if (v instanceof Number) {
      return v.toString();
    }
    return v == null ? "—" : esc(String.valueOf(v));
  }

  private static String value(Object v) {
    if (v instanceof Map || v instanceof List) {
      return "";
    }
    return num(v);
  }

  private static String esc(String s) {
    return Html.escape(s);
  }

  private static String sha256(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
