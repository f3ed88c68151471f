package io.streamprofiler.compare;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.Tree;
import io.streamprofiler.render.BarCharts;
import io.streamprofiler.render.Format;
import io.streamprofiler.render.Html;
import io.streamprofiler.render.MatrixCharts;
import io.streamprofiler.render.Page;
import io.streamprofiler.render.TimeCharts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTML of a comparison, drawn with the reports' page builder, stylesheet and charts: the same
 * look and the same Content-Security-Policy (the stylesheet allowed by its hash, no script).
 */
final class ComparePage {
  private final Page page = new Page(65_536);
  private final StringBuilder b = page.b();

  private ComparePage() {}

  static String render(Profile left, Profile right, Drift.Result drift, Map<String, Object> tree) {
    return new ComparePage().write(left, right, drift, tree);
  }

  private String write(Profile left, Profile right, Drift.Result drift, Map<String, Object> tree) {
    List<Object> onlyLeft = Tree.list(tree, "only_in_left");
    List<Object> onlyRight = Tree.list(tree, "only_in_right");
    boolean oneSided = !onlyLeft.isEmpty() || !onlyRight.isEmpty();
    page.open("Comparison · " + label(left) + " vs " + label(right), "comparison", "Sections")
        .navLink("drift", "Drift")
        .navLink("alerts", "Alerts");
    if (oneSided) {
      page.navLink("columns", "Columns");
    }
    page.navLink("variables", "Variables").navLink("correlations", "Correlations").main();
    b.append(
        "<div class=\"hero\"><div><h1>Comparison</h1><div class=\"sub\"><span class=\"sw\"></span>left (reference): ");
    Html.append(b, label(left));
    b.append("<br><span class=\"sw r\"></span>right (current): ");
    Html.append(b, label(right));
    b.append("</div></div><div class=\"chips\">");
    int n = drift.drifted().size();
    page.chip(
        n > 0 ? "alert" : "ok",
        n > 0 ? "DRIFT in " + n + (n == 1 ? " column" : " columns") : "No drift");
    b.append("</div></div>");
    driftSection(drift);
    alertsSection(Tree.list(tree, "alerts"));
    if (oneSided) {
      page.section("columns", "Columns in one profile only");
      b.append("<p>Left only: ");
      names(onlyLeft);
      b.append("</p><p>Right only: ");
      names(onlyRight);
      b.append("</p></section>");
    }
    page.section("variables", "Variables");
    Map<String, Object> stats = Tree.object(tree, "statistics");
    for (String c : stats.keySet()) {
      variable(
          c,
          left.variables().get(c),
          right.variables().get(c),
          Tree.object(stats, c),
          Tree.object(Tree.object(drift.section(), "columns"), c));
    }
    b.append("</section>");
    correlations(left, right);
    return page.close(
        "Stream Profiler · comparison of two stored profiles · no script, no network");
  }

  private static String label(Profile p) {
    return p.context().key()
        + " · "
        + Format.instant(Tree.object(p.tree(), "window").get("start"))
        + " · pane "
        + p.context().paneIndex();
  }

  private void names(List<Object> names) {
    if (names.isEmpty()) {
      b.append("<span class=\"null\">none</span>");
    }
    for (int i = 0; i < names.size(); i++) {
      b.append(i == 0 ? "<code>" : ", <code>");
      Html.append(b, String.valueOf(names.get(i)));
      b.append("</code>");
    }
  }

  /** The chip of a drift level: DRIFT (alert), warn or ok. */
  private void level(Object level) {
    String l = String.valueOf(level);
    page.chip(
        switch (l) {
          case "alert" -> "alert";
          case "warn" -> "warn";
          case "ok" -> "ok";
          default -> "muted";
        },
        l.equals("alert") ? "DRIFT" : l);
  }

  private static final String EFFECT_SIZE_RULE =
      "DRIFT needs PSI ≥ {psi} and a large effect: |mean shift| ≥ {mean_shift} reference sd, sd"
          + " ratio ≥ {std_ratio} (or ≤ its inverse), or Cramér's V ≥ {cramers_v}; PSI ≥"
          + " {psi_warn} alone is a warning.";

  private static final String MOVES_RULE =
      "Against the key's previous window, a number column drifts when PSI ≥ {psi} and its mean"
          + " moves ≥ {move_factor} × the key's recent moves (the second-largest of its last 4, at"
          + " least one resolution step, and ≥ {min_shift} reference sd), or its robust spread"
          + " changes by a factor ≥ {std_ratio} and {move_factor} × beyond its recent changes; a key"
          + " learns from its first 5 windows and does not alert on numbers meanwhile. Categories:"
          + " Cramér's V ≥ {cramers_v}. PSI ≥ {psi_warn} alone is a warning.";

  /** {@code rule} with each {name} replaced by that threshold. */
  private static String rule(String rule, Map<String, Object> thresholds) {
    String text = rule;
    for (Map.Entry<String, Object> t : thresholds.entrySet()) {
      text = text.replace("{" + t.getKey() + "}", Format.number(t.getValue()));
    }
    return text;
  }

  private void driftSection(Drift.Result drift) {
    Map<String, Object> s = drift.section();
    Map<String, Object> cols = Tree.object(s, "columns");
    page.section("drift", "Drift");
    b.append("<p>");
    if (drift.anyDrift()) {
      b.append("<strong>DRIFT</strong> in ");
      names(new ArrayList<>(drift.drifted()));
    } else {
      b.append("No drift over ")
          .append(cols.size())
          .append(cols.size() == 1 ? " column" : " columns");
    }
    Map<String, Object> t = Tree.object(s, "thresholds");
    boolean recentMoves =
        cols.values().stream()
            .anyMatch(c -> c instanceof Map<?, ?> m && m.get("recent_moves") != null);
    b.append("</p><p class=\"note\">");
    Html.append(b, rule(recentMoves ? MOVES_RULE : EFFECT_SIZE_RULE, t));
    b.append(
        "</p><div class=\"scroll\"><table class=\"data\"><thead><tr><th>Column</th><th>Test</th><th>Level</th>");
    for (String h :
        List.of(
            "PSI",
            "JS distance",
            "KS",
            "Mean shift (sd)",
            "SD ratio",
            "Move ÷ recent",
            "χ² p-value",
            "Cramér's V")) {
      b.append("<th class=\"num\">").append(Html.escape(h)).append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (Map.Entry<String, Object> e : cols.entrySet()) {
      Map<String, Object> c = Tree.object(cols, e.getKey());
      b.append("<tr><td class=\"brk\">");
      Html.append(b, e.getKey());
      b.append("</td><td>");
      Html.append(b, Page.str(c.get("method")));
      b.append("</td><td>");
      level(c.get("level"));
      b.append("</td>");
      for (Object v :
          new Object[] {
            c.get("psi"),
            c.get("js_distance"),
            c.get("ks"),
            c.get("mean_shift"),
            c.get("std_ratio"),
            Tree.object(c, "recent_moves").get("mean_move_ratio"),
            Tree.object(c, "chi_squared").get("pvalue"),
            c.get("cramers_v")
          }) {
        numberCell(v);
      }
      b.append("</tr>");
    }
    b.append("</tbody></table></div>");
    Map<String, Object> skipped = Tree.object(s, "skipped");
    if (!skipped.isEmpty()) {
      b.append("<p class=\"note\">Not tested: ");
      boolean first = true;
      for (Map.Entry<String, Object> e : skipped.entrySet()) {
        b.append(first ? "<code>" : "; <code>");
        Html.append(b, e.getKey());
        b.append("</code> (");
        Html.append(b, String.valueOf(e.getValue()));
        b.append(')');
        first = false;
      }
      b.append("</p>");
    }
    b.append("</section>");
  }

  private void numberCell(Object v) {
    String s = value(v);
    b.append("<td class=\"num").append(Format.NONE.equals(s) ? " null" : "").append("\">");
    Html.append(b, s);
    b.append("</td>");
  }

  /**
   * A statistic for people: numbers to 4 significant digits, yes/no, text as is; nested values
   * blank.
   */
  private static String value(Object v) {
    if (v instanceof Map || v instanceof List) {
      return "";
    }
    return v instanceof Boolean
        ? Format.bool(v)
        : v instanceof Number ? Format.number(v) : Page.str(v);
  }

  private void alertsSection(List<Object> alerts) {
    page.section("alerts", "Alerts");
    if (alerts.isEmpty()) {
      b.append("<p class=\"note\">Neither profile has alerts.</p></section>");
      return;
    }
    b.append(
        "<div class=\"scroll\"><table class=\"data\"><thead><tr><th>Alert</th><th>Column</th><th>Left</th><th>Right</th></tr></thead><tbody>");
    for (Object o : alerts) {
      if (!(o instanceof Map<?, ?> a)) {
        continue;
      }
      boolean l = Boolean.TRUE.equals(a.get("left"));
      boolean r = Boolean.TRUE.equals(a.get("right"));
      Object column = a.containsKey("column") ? a.get("column") : a.get("columns");
      b.append("<tr").append(l != r ? " class=\"changed\"" : "").append("><td>");
      page.chip(l && r ? "muted" : "alert", Format.label(Page.str(a.get("type"))));
      b.append("</td><td class=\"brk\">");
      Html.append(b, column == null ? "" : String.valueOf(column));
      b.append("</td><td>");
      Html.append(b, l ? "raised (" + value(a.get("left_value")) + ")" : Format.NONE);
      b.append("</td><td>");
      Html.append(b, r ? "raised (" + value(a.get("right_value")) + ")" : Format.NONE);
      b.append("</td></tr>");
    }
    b.append("</tbody></table></div></section>");
  }

  private void variable(
      String name,
      Map<String, Object> a,
      Map<String, Object> c,
      Map<String, Object> stats,
      Map<String, Object> drift) {
    b.append("<article class=\"var\"><header><h3>");
    Html.append(b, name);
    b.append("</h3>");
    if (!drift.isEmpty()) {
      level(drift.get("level"));
    }
    b.append(
            "</header><div class=\"grid2\"><div class=\"scroll\"><table class=\"data\"><thead><tr><th>Statistic</th>")
        .append(
            "<th class=\"num\"><span class=\"sw\"></span>Left</th><th class=\"num\"><span class=\"sw r\"></span>Right</th>")
        .append("<th class=\"num\">Difference</th></tr></thead><tbody>");
    for (Map.Entry<String, Object> e : stats.entrySet()) {
      Map<String, Object> cell = Tree.object(stats, e.getKey());
      b.append("<tr")
          .append(Boolean.TRUE.equals(cell.get("changed")) ? " class=\"changed\"" : "")
          .append("><th>");
      Html.append(b, e.getKey());
      b.append("</th>");
      numberCell(cell.get("left"));
      numberCell(cell.get("right"));
      numberCell(cell.containsKey("difference") ? cell.get("difference") : "");
      b.append("</tr>");
    }
    b.append("</tbody></table></div><div>");
    Map<String, Object> lh = Tree.object(a, "histogram");
    Map<String, Object> rh = Tree.object(c, "histogram");
    if (!Tree.list(lh, "counts").isEmpty() || !Tree.list(rh, "counts").isEmpty()) {
      b.append("<h4>Histograms (density)</h4>");
      BarCharts.overlaid(b, lh, rh, "Histograms of " + name + ": left blue, right orange");
    }
    if (Tree.list(a, "acf").size() > 1 || Tree.list(c, "acf").size() > 1) {
      b.append("<h4>Autocorrelation (ACF)</h4>");
      TimeCharts.correlogramPair(
          b,
          Tree.list(a, "acf"),
          Tree.list(c, "acf"),
          "Autocorrelation of " + name + ": left blue, right orange");
    }
    b.append("</div></div></article>");
  }

  private void correlations(Profile left, Profile right) {
    Map<String, Object> lc = left.section("correlations");
    Map<String, Object> rc = right.section("correlations");
    Set<String> methods = new LinkedHashSet<>(lc.keySet());
    methods.retainAll(rc.keySet());
    page.section("correlations", "Correlations");
    if (methods.isEmpty()) {
      b.append("<p class=\"note\">No correlation method computed on both sides.</p>");
    }
    List<Page.Tab> tabs = new ArrayList<>();
    for (String m : methods) {
      tabs.add(
          new Page.Tab(
              m,
              () -> {
                b.append("<div class=\"grid2\">");
                for (String side : List.of("left", "right")) {
                  Map<String, Object> c = Tree.object(side.equals("left") ? lc : rc, m);
                  b.append("<div><h4>").append(side).append("</h4>");
                  MatrixCharts.heatmap(
                      b,
                      Tree.list(c, "columns"),
                      Tree.list(c, "matrix"),
                      m.equals("cramers") || m.equals("phik") ? 0 : -1,
                      side + " " + m);
                  b.append("</div>");
                }
                b.append("</div>");
              }));
    }
    page.tabs(tabs);
    b.append("</section>");
  }
}
