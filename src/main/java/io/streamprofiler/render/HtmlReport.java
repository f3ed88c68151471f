package io.streamprofiler.render;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.Tree;
import io.streamprofiler.profile.WindowContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A profile as one self-contained HTML page, laid out as ydata-profiling's report: Overview,
 * Variables, Interactions, Correlations, Missing values, Sample and Duplicate rows. Inline CSS
 * (allowed by hash in the page's Content-Security-Policy), inline SVG charts, no script and no
 * remote load; tabs are radio buttons and details are {@code <details>}, so no JavaScript runs.
 *
 * <p>The page reads the profile and computes no statistic. Any field may be absent or null: an
 * absent section reads as a note, an undefined value as "—".
 */
public final class HtmlReport {
  /** Ids of the sections, in page order. */
  public static final List<String> SECTIONS =
      List.of("overview", "variables", "interactions", "correlations", "missing", "sample", "duplicates");

  private static final List<String> TITLES =
      List.of("Overview", "Variables", "Interactions", "Correlations", "Missing values", "Sample", "Duplicate rows");

  /** Correlation methods in the order their tabs appear; unknown methods follow. */
  private static final List<String> METHODS = List.of("auto", "pearson", "spearman", "kendall", "cramers", "phik");

  private static final int MAX_PAIRS = 28;

  private final Profile profile;
  private final Map<String, Object> tree;
  private final StringBuilder b = new StringBuilder(262_144);
  private final Map<String, Integer> varIndex = new HashMap<>();
  /** Variables in schema order; an entry that is not an object reads as an empty one. */
  private final Map<String, Map<String, Object>> variables = new java.util.LinkedHashMap<>();
  private int ids;

  @SuppressWarnings("unchecked")
  private HtmlReport(Profile profile) {
    this.profile = profile;
    this.tree = profile.tree();
    int i = 0;
    for (Map.Entry<String, Object> e : profile.section("variables").entrySet()) {
      variables.put(e.getKey(), e.getValue() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
      varIndex.put(e.getKey(), i++);
    }
  }

  public static String render(Profile profile) {
    return new HtmlReport(profile).page();
  }

  // ================================================================ page

  private String page() {
    WindowContext w = profile.context();
    String key = w == null ? str(tree.get("key")) : w.key();
    Map<String, Object> analysis = Tree.object(tree, "analysis");
    String title = analysis.get("title") instanceof String s ? s : "Profile of " + key;
    b.append(Css.head(title + " · " + windowLabel())).append("<body>");
    b.append("<header class=\"top\"><div class=\"in\"><div class=\"brand\">Stream Profiler <span>data-quality report</span></div><nav aria-label=\"Sections\">");
    for (int i = 0; i < SECTIONS.size(); i++) {
      b.append("<a href=\"#").append(SECTIONS.get(i)).append("\">").append(TITLES.get(i)).append("</a>");
    }
    b.append("</nav></div></header><main>");
    hero(title);
    overview();
    variables();
    interactions();
    correlations();
    missing();
    sample();
    duplicates();
    b.append("</main><footer>");
    Html.append(b, str(analysis.getOrDefault("generator", "stream-profiler")));
    b.append(" · ");
    Html.append(b, key);
    b.append(" · ");
    Html.append(b, windowLabel());
    b.append(" · a self-contained page: no script, no network</footer></body></html>\n");
    return b.toString();
  }

  private String windowLabel() {
    Map<String, Object> window = Tree.object(tree, "window");
    String start = Format.instant(window.get("start"));
    String end = Format.instant(window.get("end"));
    if (start.length() > 11 && end.length() > 11 && start.regionMatches(0, end, 0, 11)) {
      end = end.substring(11);
    }
    return start + " – " + end;
  }

  private void hero(String title) {
    Map<String, Object> pane = Tree.object(tree, "pane");
    b.append("<div class=\"hero\"><div><h1>");
    Html.append(b, title);
    b.append("</h1><div class=\"sub\">Window ");
    Html.append(b, windowLabel());
    b.append(" · ").append(Format.count(Tree.object(tree, "table").get("n"))).append(" rows</div></div><div class=\"chips\">");
    timingChip(pane.get("timing"));
    b.append("<span class=\"chip muted\">Revision ").append(Html.escape(Format.count(pane.get("index"))));
    b.append(Boolean.TRUE.equals(pane.get("is_last")) ? " · final" : pane.containsKey("is_last") ? " · provisional" : "");
    b.append("</span>");
    int n = alerts().size();
    b.append("<a class=\"chip ").append(n > 0 ? "alert" : "ok").append("\" href=\"#alerts\">").append(n)
        .append(n == 1 ? " alert" : " alerts").append("</a></div></div>");
  }

  private void timingChip(Object timing) {
    String t = timing == null ? "UNKNOWN" : timing.toString();
    String cls = switch (t) {
      case "ON_TIME" -> "ok";
      case "EARLY" -> "warn";
      case "LATE" -> "late";
      default -> "muted";
    };
    b.append("<span class=\"chip ").append(cls).append("\" title=\"Pane timing\">");
    Html.append(b, t.replace('_', ' '));
    b.append("</span>");
  }

  private void sectionStart(int i) {
    b.append("<section id=\"").append(SECTIONS.get(i)).append("\"><h2>").append(TITLES.get(i)).append("</h2>");
  }

  // ================================================================ overview

  private void overview() {
    sectionStart(0);
    List<Tab> tabs = new ArrayList<>();
    tabs.add(new Tab("Overview", () -> {
      overviewTables();
      alertList();
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
    double span = Format.parseEpochSeconds(t.get("last_event")) - Format.parseEpochSeconds(t.get("first_event"));
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
    row("Window length", Format.duration(
        Format.parseEpochSeconds(window.get("end")) - Format.parseEpochSeconds(window.get("start"))));
    rowHtml("Pane timing", () -> timingChip(pane.get("timing")));
    row("Revision (pane index)", Format.count(pane.get("index")));
    row("Final revision", Format.bool(pane.get("is_last")));
    row("Rows profiled", Format.count(t.get("n")));
    row("Late rows", Format.count(pane.get("late_rows")));
    b.append("</table></div></div>");
  }

  /** The alerts that are objects; anything else in the list is skipped. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> alerts() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Object o : Tree.list(tree, "alerts")) {
      if (o instanceof Map<?, ?> m) {
        list.add((Map<String, Object>) m);
      }
    }
    return list;
  }

  private void alertList() {
    List<Map<String, Object>> alerts = alerts();
    b.append("<div id=\"alerts\"><h3>Alerts (").append(alerts.size()).append(")</h3>");
    if (alerts.isEmpty()) {
      b.append("<p class=\"note\">No alerts for this window.</p></div>");
      return;
    }
    b.append("<ul class=\"alerts\">");
    for (Map<String, Object> a : alerts) {
      b.append("<li>");
      alertChip(a);
      b.append("<span>");
      alertMessage(a);
      b.append("</span></li>");
    }
    b.append("</ul></div>");
  }

  private void alertChip(Map<String, Object> a) {
    String type = str(a.get("type"));
    String cls = switch (type) {
      case "UNIQUE", "SEASONAL" -> "";
      case "HIGH_CORRELATION", "NON_STATIONARY", "HIGH_CARDINALITY", "UNIFORM", "IMBALANCE" -> "warn";
      default -> "alert";
    };
    b.append("<span class=\"chip ").append(cls).append("\">");
    Html.append(b, Format.label(type));
    b.append("</span>");
  }

  private void alertMessage(Map<String, Object> a) {
    String type = str(a.get("type"));
    Object value = a.get("value");
    Object threshold = a.get("threshold");
    String col = a.get("column") instanceof String s ? s : null;
    switch (type) {
      case "EMPTY" -> b.append("The window has no rows");
      case "CONSTANT" -> {
        column(col);
        b.append(" has a constant value");
      }
      case "UNIQUE" -> {
        column(col);
        b.append(" has unique values (").append(Html.escape(Format.count(value))).append(" distinct)");
      }
      case "MISSING", "ZEROS", "INFINITE" -> {
        column(col);
        b.append(" has ").append(Html.escape(Format.percent(value))).append(' ')
            .append(type.equals("MISSING") ? "missing values" : type.equals("ZEROS") ? "zeros" : "infinite values")
            .append(" (threshold ").append(Html.escape(Format.percent(threshold))).append(')');
      }
      case "SKEWED" -> {
        column(col);
        b.append(" is highly skewed (|γ₁| = ").append(Html.escape(Format.number(value)))
            .append(" > ").append(Html.escape(Format.number(threshold))).append(')');
      }
      case "IMBALANCE" -> {
        column(col);
        b.append(" is highly imbalanced (").append(Html.escape(Format.number(value, 3)))
            .append(" > ").append(Html.escape(Format.number(threshold))).append(')');
      }
      case "UNIFORM" -> {
        column(col);
        b.append(" is uniformly distributed (χ² p-value ").append(Html.escape(Format.number(value, 3))).append(')');
      }
      case "HIGH_CARDINALITY" -> {
        column(col);
        b.append(" has a high cardinality: ").append(Html.escape(Format.count(value))).append(" distinct values");
      }
      case "NON_STATIONARY" -> {
        column(col);
        b.append(" is non-stationary (ADF p-value ").append(Html.escape(Format.number(value, 3)))
            .append(" ≥ ").append(Html.escape(Format.number(threshold))).append(')');
      }
      case "SEASONAL" -> {
        column(col);
        b.append(" is seasonal");
      }
      case "DUPLICATES" -> b.append("The window has ").append(Html.escape(Format.count(value))).append(" duplicate rows");
      case "HIGH_CORRELATION" -> {
        List<Object> cols = Tree.list(a, "columns");
        column(cols.size() > 0 ? str(cols.get(0)) : col);
        b.append(" is highly correlated with ");
        column(cols.size() > 1 ? str(cols.get(1)) : null);
        b.append(" (");
        Html.append(b, a.get("method") == null ? "correlation" : str(a.get("method")));
        b.append(' ').append(Html.escape(Format.number(value, 3))).append(')');
      }
      default -> {
        Html.append(b, Format.label(type));
        if (col != null) {
          b.append(": ");
          column(col);
        }
        if (value != null) {
          b.append(" (").append(Html.escape(Format.number(value))).append(')');
        }
      }
    }
  }

  /** A column name, linked to its variable when it has one. */
  private void column(String name) {
    if (name == null) {
      b.append(Format.NONE);
      return;
    }
    Integer i = varIndex.get(name);
    if (i != null) {
      b.append("<a href=\"#v").append(i).append("\"><code>");
      Html.append(b, name);
      b.append("</code></a>");
    } else {
      b.append("<code>");
      Html.append(b, name);
      b.append("</code>");
    }
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
    rowData("Pane", Format.label(str(pane.get("timing"))) + ", revision " + Format.count(pane.get("index")));
    b.append("</table></div><div><h3>Settings</h3><table class=\"kv mono\">");
    Map<String, Object> settings = Tree.object(analysis, "settings");
    if (settings.isEmpty()) {
      row("Settings", Format.NONE);
    }
    for (Map.Entry<String, Object> e : settings.entrySet()) {
      Object v = e.getValue();
      rowData(e.getKey(), v instanceof Number n ? Format.number(n.doubleValue(), 10) : v instanceof Boolean bo ? bo.toString() : str(v));
    }
    b.append("</table></div></div>");
  }

  // ================================================================ variables

  private void variables() {
    sectionStart(1);
    Map<String, Map<String, Object>> vars = variables;
    if (vars.isEmpty()) {
      b.append("<p class=\"note\">No variables in this profile.</p></section>");
      return;
    }
    Map<String, List<Map<String, Object>>> alertsByColumn = new HashMap<>();
    for (Map<String, Object> a : alerts()) {
      if (a.get("column") instanceof String c) {
        alertsByColumn.computeIfAbsent(c, k -> new ArrayList<>()).add(a);
      }
    }
    b.append("<nav class=\"varnav\" aria-label=\"Variables\">");
    int i = 0;
    for (Map.Entry<String, Map<String, Object>> e : vars.entrySet()) {
      b.append("<a href=\"#v").append(i++).append("\">");
      Html.append(b, Html.shorten(e.getKey(), 40));
      b.append("<small>");
      Html.append(b, typeOf(e.getValue()));
      b.append("</small></a>");
    }
    b.append("</nav>");
    i = 0;
    for (Map.Entry<String, Map<String, Object>> e : vars.entrySet()) {
      Map<String, Object> f = e.getValue();
      variable(i++, e.getKey(), f, alertsByColumn.getOrDefault(e.getKey(), List.of()));
    }
    b.append("</section>");
  }

  private static String typeOf(Map<String, Object> f) {
    return f != null && f.get("type") instanceof String s ? s : "Unknown";
  }

  private void variable(int i, String name, Map<String, Object> f, List<Map<String, Object>> alerts) {
    String type = typeOf(f);
    b.append("<article class=\"var\" id=\"v").append(i).append("\"><header><h3>");
    Html.append(b, name);
    b.append("</h3><span class=\"chip muted\">");
    Html.append(b, type);
    b.append("</span>");
    for (Map<String, Object> a : alerts) {
      alertChip(a);
    }
    b.append("</header><div class=\"sum\"><table class=\"kv\">");
    row("Distinct", Format.count(f.get("n_distinct")));
    row("Distinct (%)", Format.percent(f.get("p_distinct")));
    row("Missing", Format.count(f.get("n_missing")));
    row("Missing (%)", Format.percent(f.get("p_missing")));
    if (f.containsKey("n_infinite")) {
      row("Infinite", Format.count(f.get("n_infinite")));
    }
    if (f.containsKey("n_unique") && !f.containsKey("mean")) {
      row("Unique", Format.count(f.get("n_unique")));
    }
    b.append("</table><table class=\"kv\">");
    boolean numeric = f.containsKey("mean");
    if (numeric) {
      row("Mean", Format.number(f.get("mean")));
      row("Minimum", Format.number(f.get("min")));
      row("Maximum", Format.number(f.get("max")));
      row("Zeros", Format.count(f.get("n_zeros")));
      row("Negative", Format.count(f.get("n_negative")));
    } else if (type.equals("DateTime") || f.containsKey("range") && !f.containsKey("top")) {
      row("Minimum", Format.instant(f.get("min")));
      row("Maximum", Format.instant(f.get("max")));
      row("Range", Format.duration(f.get("range")));
    }
    if (f.containsKey("top") && !numeric) {
      rowData("Most frequent", Format.value(f.get("top")));
      row("Frequency", Format.count(f.get("freq")));
      row("Imbalance", Format.number(f.get("imbalance"), 3));
      row("Mean length", Format.number(f.get("mean_length"), 3));
    }
    if (f.containsKey("stationary")) {
      row("Stationary", Format.bool(f.get("stationary")));
      row("Seasonal", Format.bool(f.get("seasonal")));
      row("Gaps", Format.count(Tree.object(f, "gaps").get("n_gaps")));
    }
    b.append("</table><div>");
    miniChart(name, type, f);
    b.append("</div></div>");
    List<Tab> tabs = detailTabs(name, type, f);
    if (!tabs.isEmpty()) {
      b.append("<details><summary>More details</summary>");
      tabs(tabs);
      b.append("</details>");
    }
    b.append("</article>");
  }

  private void miniChart(String name, String type, Map<String, Object> f) {
    Map<String, Object> series = Tree.object(f, "series");
    Map<String, Object> hist = Tree.object(f, "histogram");
    List<Object> counts = Tree.list(f, "value_counts");
    if (!Tree.list(series, "t").isEmpty()) {
      Svg.line(b, Tree.list(series, "t"), Tree.list(series, "v"), null, false, name + " over event time");
    } else if (!Tree.list(hist, "counts").isEmpty()) {
      Svg.histogram(b, Tree.list(hist, "edges"), Tree.list(hist, "counts"), false, type.equals("DateTime"),
          "Histogram of " + name);
    } else if (!counts.isEmpty()) {
      valueTable(f, counts, 5, false);
    }
  }

  private List<Tab> detailTabs(String name, String type, Map<String, Object> f) {
    List<Tab> tabs = new ArrayList<>();
    boolean numeric = f.containsKey("mean");
    if (numeric || f.containsKey("min_length") || f.containsKey("range")) {
      tabs.add(new Tab("Statistics", () -> statistics(type, f)));
    }
    Map<String, Object> series = Tree.object(f, "series");
    if (!Tree.list(series, "t").isEmpty()) {
      tabs.add(new Tab("Time series", () -> timeSeries(name, f, series)));
    }
    Map<String, Object> hist = Tree.object(f, "histogram");
    if (!Tree.list(hist, "counts").isEmpty()) {
      tabs.add(new Tab("Histogram", () -> {
        Svg.histogram(b, Tree.list(hist, "edges"), Tree.list(hist, "counts"), true, type.equals("DateTime"),
            "Histogram of " + name);
        b.append("<p class=\"note\">").append(Tree.list(hist, "counts").size()).append(" bins; hover a bar for its range and count.</p>");
      }));
    }
    if (!Tree.list(f, "acf").isEmpty() || !Tree.list(f, "pacf").isEmpty()) {
      tabs.add(new Tab("Autocorrelation", () -> autocorrelation(name, f)));
    }
    if (f.containsKey("adf") || f.containsKey("seasonal")) {
      tabs.add(new Tab("Stationarity", () -> stationarity(f)));
    }
    if (f.containsKey("gaps")) {
      tabs.add(new Tab("Gaps", () -> gaps(Tree.object(f, "gaps"))));
    }
    List<Object> counts = Tree.list(f, "value_counts");
    if (!counts.isEmpty()) {
      tabs.add(new Tab("Common values", () -> valueTable(f, counts, counts.size(), true)));
    }
    if (!Tree.list(f, "extreme_min").isEmpty() || !Tree.list(f, "extreme_max").isEmpty()) {
      tabs.add(new Tab("Extreme values", () -> {
        b.append("<div class=\"grid2\"><div><h4>Minimum values</h4>");
        extremeTable(f, Tree.list(f, "extreme_min"));
        b.append("</div><div><h4>Maximum values</h4>");
        extremeTable(f, Tree.list(f, "extreme_max"));
        b.append("</div></div>");
      }));
    }
    return tabs;
  }

  private void statistics(String type, Map<String, Object> f) {
    b.append("<div class=\"grid\">");
    if (f.containsKey("mean")) {
      b.append("<div><h4>Quantile statistics</h4><table class=\"kv\">");
      row("Minimum", Format.number(f.get("min")));
      row("5th percentile", Format.number(f.get("5%")));
      row("Q1", Format.number(f.get("25%")));
      row("Median", Format.number(f.get("50%")));
      row("Q3", Format.number(f.get("75%")));
      row("95th percentile", Format.number(f.get("95%")));
      row("Maximum", Format.number(f.get("max")));
      row("Range", Format.number(f.get("range")));
      row("Interquartile range (IQR)", Format.number(f.get("iqr")));
      b.append("</table></div><div><h4>Descriptive statistics</h4><table class=\"kv\">");
      row("Standard deviation", Format.number(f.get("std")));
      row("Coefficient of variation (CV)", Format.number(f.get("cv")));
      row("Kurtosis", Format.number(f.get("kurtosis")));
      row("Mean", Format.number(f.get("mean")));
      row("Median absolute deviation (MAD)", Format.number(f.get("mad")));
      row("Skewness", Format.number(f.get("skewness")));
      row("Sum", Format.number(f.get("sum")));
      row("Variance", Format.number(f.get("variance")));
      row("Monotonicity", monotonic(f.get("monotonic")));
      b.append("</table></div><div><h4>Counts</h4><table class=\"kv\">");
      row("Rows", Format.count(f.get("n")));
      row("Values", Format.count(f.get("count")));
      row("Unique", Format.count(f.get("n_unique")) + " (" + Format.percent(f.get("p_unique")) + ")");
      row("Zeros", Format.count(f.get("n_zeros")) + " (" + Format.percent(f.get("p_zeros")) + ")");
      row("Negative", Format.count(f.get("n_negative")) + " (" + Format.percent(f.get("p_negative")) + ")");
      row("Infinite", Format.count(f.get("n_infinite")) + " (" + Format.percent(f.get("p_infinite")) + ")");
      b.append("</table></div>");
    }
    if (f.containsKey("min_length") || f.containsKey("top")) {
      b.append("<div><h4>Categories</h4><table class=\"kv\">");
      rowData("Most frequent", Format.value(f.get("top")));
      row("Frequency", Format.count(f.get("freq")));
      row("Unique values", Format.count(f.get("n_unique")) + " (" + Format.percent(f.get("p_unique")) + ")");
      row("Imbalance", Format.number(f.get("imbalance"), 3));
      Map<String, Object> chi = Tree.object(f, "chi_squared");
      row("χ² statistic", Format.number(chi.get("statistic")));
      row("χ² p-value", Format.number(chi.get("pvalue"), 3));
      b.append("</table></div><div><h4>Length</h4><table class=\"kv\">");
      row("Maximum length", Format.count(f.get("max_length")));
      row("Minimum length", Format.count(f.get("min_length")));
      row("Mean length", Format.number(f.get("mean_length")));
      row("Median length", Format.number(f.get("median_length")));
      b.append("</table></div>");
    }
    if (!f.containsKey("mean") && f.containsKey("range") && !f.containsKey("top")) {
      b.append("<div><h4>Event times</h4><table class=\"kv\">");
      row("Minimum", Format.instant(f.get("min")));
      row("Maximum", Format.instant(f.get("max")));
      row("Range", Format.duration(f.get("range")));
      row("Values", Format.count(f.get("count")));
      row("Unique", Format.bool(f.get("is_unique")));
      b.append("</table></div>");
    }
    b.append("</div>");
  }

  private static String monotonic(Object v) {
    double d = Format.toDouble(v);
    if (Double.isNaN(d)) {
      return Format.NONE;
    }
    return switch ((int) d) {
      case 2 -> "Strictly increasing";
      case 1 -> "Increasing";
      case -1 -> "Decreasing";
      case -2 -> "Strictly decreasing";
      default -> "Not monotonic";
    };
  }

  private void timeSeries(String name, Map<String, Object> f, Map<String, Object> series) {
    List<double[]> gaps = new ArrayList<>();
    for (Object g : Tree.list(Tree.object(f, "gaps"), "list")) {
      if (g instanceof Map<?, ?> m) {
        double s = Format.parseEpochSeconds(m.get("start"));
        double e = Format.parseEpochSeconds(m.get("end"));
        if (Double.isFinite(s) && Double.isFinite(e)) {
          gaps.add(new double[] {s, e});
        }
      }
    }
    Svg.line(b, Tree.list(series, "t"), Tree.list(series, "v"), gaps, true, name + " over event time");
    b.append("<p class=\"note\">Values over event time (UTC), ")
        .append(Html.escape(Format.count(Tree.list(series, "t").size()))).append(" points");
    if (Boolean.TRUE.equals(series.get("downsampled"))) {
      b.append(", downsampled by the profiler to the minimum and maximum of each bucket");
    }
    if (!gaps.isEmpty()) {
      b.append("; shaded: ").append(gaps.size()).append(gaps.size() == 1 ? " gap" : " gaps");
    }
    b.append(".</p>");
  }

  private void autocorrelation(String name, Map<String, Object> f) {
    double n = Tree.number(f, "count");
    double band = n > 0 ? 1.96 / Math.sqrt(n) : Double.NaN;
    b.append("<div class=\"grid2\"><div><h4>Autocorrelation (ACF)</h4>");
    Svg.correlogram(b, Tree.list(f, "acf"), band, "ACF of " + name);
    b.append("</div><div><h4>Partial autocorrelation (PACF)</h4>");
    Svg.correlogram(b, Tree.list(f, "pacf"), band, "PACF of " + name);
    b.append("</div></div><p class=\"note\">Shaded band: ±1.96/√n with n = ")
        .append(Html.escape(Format.count(f.get("count")))).append(", the approximate 95% bound for white noise.</p>");
    Map<String, Object> at = Tree.object(f, "autocorr_at");
    if (!at.isEmpty()) {
      b.append("<h4>Autocorrelation at selected lags</h4><table class=\"data\"><thead><tr><th>Lag</th>");
      for (String lag : at.keySet()) {
        b.append("<th class=\"num\">");
        Html.append(b, lag);
        b.append("</th>");
      }
      b.append("</tr></thead><tbody><tr><th>r</th>");
      for (Object v : at.values()) {
        b.append("<td class=\"num\">").append(Html.escape(Format.number(Format.toDouble(v), 3))).append("</td>");
      }
      b.append("</tr></tbody></table>");
    }
  }

  private void stationarity(Map<String, Object> f) {
    Map<String, Object> adf = Tree.object(f, "adf");
    Object alpha = Tree.object(Tree.object(tree, "analysis"), "settings").get("significance");
    b.append("<div class=\"grid\"><div><h4>Augmented Dickey–Fuller test</h4><table class=\"kv\">");
    if (adf.isEmpty()) {
      row("Result", Format.NONE);
    } else {
      row("Test statistic", Format.number(adf.get("statistic")));
      row("p-value", Format.number(Format.toDouble(adf.get("pvalue")), 3));
      row("Lags used", Format.count(adf.get("usedlag")));
      row("Observations", Format.count(adf.get("nobs")));
      Map<String, Object> crit = Tree.object(adf, "critical");
      for (Map.Entry<String, Object> e : crit.entrySet()) {
        row("Critical value " + e.getKey(), Format.number(e.getValue()));
      }
    }
    b.append("</table>");
    if (f.get("stationary") instanceof Boolean st) {
      b.append("<p class=\"verdict ").append(st ? "good\">Stationary" : "bad\">Not stationary")
          .append("</p><p class=\"note\">Unit root rejected when the p-value is below the significance level");
      if (alpha != null) {
        b.append(" α = ").append(Html.escape(Format.number(Format.toDouble(alpha), 3)));
      }
      b.append(".</p>");
    }
    b.append("</div><div><h4>Seasonality</h4><table class=\"kv\">");
    row("Seasonal", Format.bool(f.get("seasonal")));
    List<Object> periods = Tree.list(f, "seasonal_periods");
    StringBuilder p = new StringBuilder();
    for (Object o : periods) {
      if (p.length() > 0) {
        p.append(", ");
      }
      p.append(Format.value(o));
    }
    rowData("Seasonal periods (lags)", periods.isEmpty() ? Format.NONE : p.toString());
    b.append("</table></div></div>");
  }

  private void gaps(Map<String, Object> g) {
    b.append("<div class=\"grid\"><div><h4>Gaps in event time</h4><table class=\"kv\">");
    row("Number of gaps", Format.count(g.get("n_gaps")));
    row("Shortest", Format.duration(g.get("min")));
    row("Longest", Format.duration(g.get("max")));
    row("Mean", Format.duration(g.get("mean")));
    row("Standard deviation", Format.duration(g.get("std")));
    b.append("</table></div><div>");
    List<Object> list = Tree.list(g, "list");
    if (list.isEmpty()) {
      b.append("<p class=\"note\">No gaps: the series has no interval much longer than its usual spacing.</p>");
    } else {
      b.append("<h4>Where</h4><div class=\"scroll\"><table class=\"data\"><thead><tr><th>From</th><th>To</th><th class=\"num\">Length</th></tr></thead><tbody>");
      int shown = 0;
      for (Object o : list) {
        if (!(o instanceof Map<?, ?> m)) {
          continue;
        }
        if (++shown > 100) {
          break;
        }
        b.append("<tr><td>").append(Html.escape(Format.instant(m.get("start")))).append("</td><td>")
            .append(Html.escape(Format.instant(m.get("end")))).append("</td><td class=\"num\">")
            .append(Html.escape(Format.duration(Format.parseEpochSeconds(m.get("end")) - Format.parseEpochSeconds(m.get("start")))))
            .append("</td></tr>");
      }
      b.append("</tbody></table></div>");
      if (list.size() > 100) {
        b.append("<p class=\"note\">First 100 of ").append(list.size()).append(" gaps.</p>");
      }
    }
    b.append("</div></div>");
  }

  /** Common values with count, share of rows and a bar; missing and other values as extra rows. */
  private void valueTable(Map<String, Object> f, List<Object> counts, int limit, boolean full) {
    double n = Tree.number(f, "n");
    double max = 0;
    double listed = 0;
    for (Object o : counts) {
      if (o instanceof Map<?, ?> m) {
        double c = Format.toDouble(m.get("count"));
        if (Double.isFinite(c)) {
          max = Math.max(max, c);
          listed += c;
        }
      }
    }
    b.append("<table class=\"data vals\"><thead><tr><th>Value</th><th class=\"num\">Count</th>");
    if (full) {
      b.append("<th class=\"num\">Frequency (%)</th>");
    }
    b.append("</tr></thead><tbody>");
    int shown = 0;
    for (Object o : counts) {
      if (!(o instanceof Map<?, ?> m) || shown++ >= limit) {
        continue;
      }
      double c = Format.toDouble(m.get("count"));
      valueRow(Format.value(m.get("value")), m.get("value") == null, c, n, max, full);
    }
    if (full) {
      double distinct = Tree.number(f, "n_distinct");
      double values = Tree.number(f, "count");
      if (distinct > counts.size() && values > listed) {
        valueRow("Other values (" + Format.count(distinct - counts.size()) + ")", true, values - listed, n, max, true);
      }
      double missing = Tree.number(f, "n_missing");
      if (missing > 0) {
        valueRow("(Missing)", true, missing, n, max, true);
      }
    }
    b.append("</tbody></table>");
  }

  private void valueRow(String label, boolean muted, double c, double n, double max, boolean full) {
    b.append("<tr><td").append(muted ? " class=\"null\"" : "").append('>');
    Html.append(b, Html.shorten(label, 80));
    b.append("</td><td class=\"num\">").append(Html.escape(Format.count(c))).append("</td>");
    if (full) {
      b.append("<td class=\"num\">");
      Svg.meter(b, max > 0 ? c / max : 0, false);
      b.append("<span class=\"pct\">").append(Html.escape(n > 0 ? Format.percent(c / n) : Format.NONE)).append("</span></td>");
    }
    b.append("</tr>");
  }

  private void extremeTable(Map<String, Object> f, List<Object> values) {
    double n = Tree.number(f, "n");
    b.append("<table class=\"data\"><thead><tr><th class=\"num\">Value</th><th class=\"num\">Count</th><th class=\"num\">Frequency (%)</th></tr></thead><tbody>");
    for (Object o : values) {
      if (o instanceof Map<?, ?> m) {
        double c = Format.toDouble(m.get("count"));
        b.append("<tr><td class=\"num\">").append(Html.escape(Format.value(m.get("value"))))
            .append("</td><td class=\"num\">").append(Html.escape(Format.count(c)))
            .append("</td><td class=\"num\">").append(Html.escape(n > 0 ? Format.percent(c / n) : Format.NONE))
            .append("</td></tr>");
      }
    }
    b.append("</tbody></table>");
  }

  // ================================================================ interactions

  private void interactions() {
    sectionStart(2);
    List<Map<String, Object>> pairs = interactionPairs();
    if (!pairs.isEmpty()) {
      b.append("<p class=\"note\">Each numeric pair binned into a two-dimensional histogram (darker: more rows).</p><div class=\"pairs\">");
      for (Map<String, Object> pair : pairs) {
        String x = str(pair.get("x"));
        String y = str(pair.get("y"));
        b.append("<figure>");
        Svg.binned(b, Tree.list(pair, "x_edges"), Tree.list(pair, "y_edges"), Tree.list(pair, "counts"), x, y);
        b.append("<figcaption>");
        Html.append(b, y);
        b.append(" against ");
        Html.append(b, x);
        b.append("</figcaption></figure>");
      }
      b.append("</div></section>");
      return;
    }
    // Without binned interactions, time series sampled at the same instants can be drawn as raw pairs.
    List<String> names = new ArrayList<>();
    List<List<Object>> values = new ArrayList<>();
    List<Object> times = null;
    for (Map.Entry<String, Map<String, Object>> e : variables.entrySet()) {
      Map<String, Object> series = e.getValue() == null ? Map.of() : Tree.object(e.getValue(), "series");
      List<Object> t = Tree.list(series, "t");
      if (t.isEmpty() || Boolean.TRUE.equals(series.get("downsampled")) || Tree.list(series, "v").size() != t.size()) {
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
      b.append("<p class=\"note\">No interactions in this profile: it holds no binned pairs of numeric columns.</p></section>");
      return;
    }
    b.append("<p class=\"note\">Pairs of time series observed at the same instants, one point per row (points on the same pixel drawn once).</p><div class=\"pairs\">");
    int drawn = 0;
    List<double[]> arrays = new ArrayList<>();
    for (List<Object> v : values) {
      arrays.add(Svg.doubles(v));
    }
    for (int i = 0; i < names.size() && drawn < MAX_PAIRS; i++) {
      for (int j = i + 1; j < names.size() && drawn < MAX_PAIRS; j++) {
        drawn++;
        b.append("<figure>");
        Svg.scatter(b, arrays.get(i), arrays.get(j), names.get(i), names.get(j));
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

  // ================================================================ correlations

  private void correlations() {
    sectionStart(3);
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
      b.append("<p class=\"note\">No correlations in this profile (fewer than two columns of a kind, or none requested).</p></section>");
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
      case "auto" -> "Each pair by the measure that fits its types: Spearman for numeric pairs, Cramér's V when a categorical column is involved.";
      case "pearson" -> "Linear correlation between numeric columns, from −1 to 1.";
      case "spearman" -> "Rank correlation between numeric columns, from −1 to 1: monotonic relationships.";
      case "kendall" -> "Rank correlation from concordant and discordant pairs (τ-b), from −1 to 1.";
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
    Svg.heatmap(b, cols, matrix, unsigned ? 0 : -1, methodName(method) + " correlation heatmap");
    b.append("<details><summary>Table</summary><div class=\"scroll\"><table class=\"data\"><thead><tr><th></th>");
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
        b.append("<td class=\"num").append(Double.isNaN(v) ? " null" : "").append("\">")
            .append(Html.escape(Double.isNaN(v) ? Format.NONE : fixed3(v))).append("</td>");
      }
      b.append("</tr>");
    }
    b.append("</tbody></table></div></details>");
  }

  private static String fixed3(double v) {
    long r = Math.round(v * 1000);
    String s = (r < 0 ? "−" : "") + Math.abs(r) / 1000 + "." + String.valueOf(1000 + Math.abs(r) % 1000).substring(1);
    return s;
  }

  // ================================================================ missing values

  private void missing() {
    sectionStart(4);
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
    b.append(total == 0 ? "No value is missing in this window." : Html.escape(Format.count(total)) + " missing cells over "
        + Html.escape(Format.count(n)) + " rows.");
    b.append("</p>");
    List<Tab> tabs = new ArrayList<>();
    tabs.add(new Tab("Count", () -> {
      List<String> labels = new ArrayList<>();
      List<String> valueLabels = new ArrayList<>();
      double[] present = new double[bar.size()];
      int i = 0;
      for (Map.Entry<String, Object> e : bar.entrySet()) {
        labels.add(e.getKey());
        double miss = Format.toDouble(e.getValue());
        present[i++] = n - miss;
        valueLabels.add(miss > 0 ? Format.count(n - miss) + " · " + Format.count(miss) + " missing (" + Format.percent(miss / n) + ")"
            : Format.count(n - miss) + " · complete");
      }
      Svg.hbars(b, labels, present, n, valueLabels, "cnt", "Values present per column");
      b.append("<p class=\"note\">Bars: values present out of ").append(Html.escape(Format.count(n))).append(" rows.</p>");
    }));
    Map<String, Object> matrix = Tree.object(m, "matrix");
    if (!matrix.isEmpty()) {
      tabs.add(new Tab("Matrix", () -> {
        List<String> cols = new ArrayList<>();
        List<List<Object>> runs = new ArrayList<>();
        for (Map.Entry<String, Object> e : matrix.entrySet()) {
          cols.add(e.getKey());
          runs.add(e.getValue() instanceof List<?> l ? new ArrayList<>(l) : List.of());
        }
        Svg.nullity(b, cols, runs, (long) (Double.isFinite(n) ? n : 0), "Nullity matrix");
        b.append("<p class=\"note\">Rows in event-time order from top to bottom; white marks a missing value.</p>");
      }));
    }
    Map<String, Object> heat = Tree.object(m, "heatmap");
    if (!Tree.list(heat, "columns").isEmpty()) {
      tabs.add(new Tab("Heatmap", () -> {
        b.append("<p class=\"note\">Correlation of nullity between partly missing columns: 1 when one is missing exactly when the other is.</p>");
        Svg.heatmap(b, Tree.list(heat, "columns"), Tree.list(heat, "matrix"), -1, "Nullity correlation heatmap");
      }));
    }
    tabs(tabs);
    b.append("</section>");
  }

  // ================================================================ sample and duplicates

  private void sample() {
    sectionStart(5);
    Map<String, Object> s = Tree.object(tree, "sample");
    List<Object> cols = Tree.list(s, "columns");
    List<Object> head = Tree.list(s, "head");
    List<Object> tail = Tree.list(s, "tail");
    if (head.isEmpty() && tail.isEmpty()) {
      b.append("<p class=\"note\">No sample rows in this profile.</p></section>");
      return;
    }
    tabs(List.of(
        new Tab("First rows", () -> rows(cols, head, null)),
        new Tab("Last rows", () -> rows(cols, tail, null))));
    b.append("</section>");
  }

  private void duplicates() {
    sectionStart(6);
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
    rows(cols, rows, counts);
    b.append("</section>");
  }

  private void rows(List<Object> cols, List<Object> rows, List<Object> counts) {
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
        b.append("<td class=\"num\"><strong>").append(Html.escape(Format.count(i < counts.size() ? counts.get(i) : null))).append("</strong></td>");
      }
      for (int j = 0; j < width; j++) {
        Object v = j < row.size() ? row.get(j) : null;
        if (v == null) {
          b.append("<td class=\"null\">").append(Format.NONE).append("</td>");
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

  // ================================================================ building blocks

  private record Tab(String label, Runnable body) {}

  /** Radio-button tabs: no script; the first tab is selected. */
  private void tabs(List<Tab> tabs) {
    if (tabs.isEmpty()) {
      return;
    }
    int g = ++ids;
    b.append("<div class=\"tabs\">");
    for (int i = 0; i < tabs.size(); i++) {
      b.append("<input type=\"radio\" name=\"t").append(g).append("\" id=\"t").append(g).append('-').append(i).append('"');
      if (i == 0) {
        b.append(" checked");
      }
      b.append("><label for=\"t").append(g).append('-').append(i).append("\">");
      Html.append(b, tabs.get(i).label());
      b.append("</label><div class=\"panel\">");
      tabs.get(i).body().run();
      b.append("</div>");
    }
    b.append("</div>");
  }

  private void row(String label, String value) {
    b.append("<tr><th>");
    Html.append(b, label);
    b.append("</th><td");
    if (Format.NONE.equals(value)) {
      b.append(" class=\"null\"");
    }
    b.append('>');
    Html.append(b, value);
    b.append("</td></tr>");
  }

  /** A row whose value comes from the data: it may be long, so it may wrap anywhere. */
  private void rowData(String label, String value) {
    b.append("<tr><th>");
    Html.append(b, label);
    b.append("</th><td class=\"brk").append(Format.NONE.equals(value) ? " null" : "").append("\">");
    Html.append(b, value);
    b.append("</td></tr>");
  }

  private void rowHtml(String label, Runnable value) {
    b.append("<tr><th>");
    Html.append(b, label);
    b.append("</th><td>");
    value.run();
    b.append("</td></tr>");
  }

  private static String str(Object o) {
    return o == null ? Format.NONE : o.toString();
  }
}
