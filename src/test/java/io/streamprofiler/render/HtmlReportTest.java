package io.streamprofiler.render;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.WindowContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

public class HtmlReportTest {
  private static final int MAX_BYTES = 400 * 1024;

  @Test
  public void everySectionAndNavigationLinkIsPresent() {
    for (String sample : Fixtures.SAMPLES) {
      String html = render(Fixtures.profile(sample));
      assertThat(html, startsWith("<!DOCTYPE html>"));
      assertThat(html, endsWith("</html>\n"));
      for (String id : HtmlReport.SECTIONS) {
        assertThat(sample + " section " + id, html, containsString("<section id=\"" + id + "\">"));
        assertThat(sample + " nav " + id, html, containsString("<a href=\"#" + id + "\">"));
      }
      assertThat(html, containsString("id=\"alerts\""));
    }
  }

  @Test
  public void b8ReportShowsWindowPaneStatisticsAndCharts() {
    String html = render(Fixtures.profile("profile-b8.json"));
    assertThat(html, containsString("b8:27:eb:bf:9d:51"));
    assertThat(html, containsString("2020-07-12\u00a000:00:00\u00a0UTC"));
    assertThat(html, containsString("ON TIME"));
    assertThat(html, containsString("Revision 0 · final"));
    assertThat(html, containsString("11 alerts"));
    assertThat(html, containsString("Alerts (11)"));
    assertThat(html, containsString("stream-profiler 0.1.0"));
    assertThat(html, containsString("correlationThreshold"));
    // formatted for people: 4 significant digits, scientific for tiny values, units for time
    assertThat(html, containsString("0.005012"));
    assertThat(html, containsString("3.745 × 10⁻⁵"));
    assertThat(html, containsString("28 min 2 s"));
    assertThat(html, containsString("<th>Sum</th><td>23,084</td>"));
    // TimeSeries details: line chart, ACF and PACF with band, ADF, gaps
    assertThat(html, containsString("co over event time"));
    assertThat(html, containsString("ACF of co"));
    assertThat(html, containsString("PACF of co"));
    assertThat(html, containsString("class=\"band\""));
    assertThat(html, containsString("Augmented Dickey–Fuller test"));
    assertThat(html, containsString("Not stationary"));
    assertThat(html, containsString("Number of gaps"));
    // correlations: a heatmap and a table per method
    for (String m : List.of("Pearson&#39;s r", "Spearman&#39;s ρ", "Kendall&#39;s τ", "Auto")) {
      assertThat(html, containsString(">" + m + "</label>"));
    }
    assertThat(count(html, "<summary>Table</summary>"), is(4));
    // without binned interactions the time series sampled together are drawn as pairs
    assertThat(count(html, "<figure>"), is(10));
  }

  @Test
  public void policyForbidsRemoteLoadsAndScriptsAndTheStyleMatchesItsHash() throws Exception {
    String html = render(Fixtures.profile("profile-b8.json"));
    Matcher csp =
        Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">")
            .matcher(html);
    assertThat(csp.find(), is(true));
    String policy = csp.group(1);
    assertThat(policy, startsWith("default-src 'none';"));
    assertThat(policy, not(containsString("unsafe-inline")));
    assertThat(policy, not(containsString("script-src")));
    Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
    assertThat(style.find(), is(true));
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest(style.group(1).getBytes(StandardCharsets.UTF_8));
    assertThat(
        policy,
        containsString("'sha256-" + java.util.Base64.getEncoder().encodeToString(digest) + "'"));
    String lower = html.toLowerCase(Locale.ROOT);
    assertThat(lower, not(containsString("<script")));
    assertThat(lower, not(containsString(" style=\"")));
    assertThat(lower, not(containsString("http://")));
    assertThat(lower, not(containsString("https://")));
    assertThat(lower, not(containsString("<link")));
    assertThat(lower, not(containsString("<img")));
    assertThat(lower, not(containsString("@import")));
    assertThat(lower, not(containsString("url(")));
  }

  @Test
  public void sampleReportsStayUnderTheSizeBudget() {
    for (String sample : Fixtures.SAMPLES) {
      int bytes =
          HtmlReport.render(Fixtures.profile(sample)).getBytes(StandardCharsets.UTF_8).length;
      assertThat(sample + " is " + bytes + " bytes", bytes, lessThan(MAX_BYTES));
    }
  }

  @Test
  public void aSeriesAtTheProfilersLimitStaysUnderTheSizeBudget() {
    // 1,000 points per series (the profiler's cap) in every time series, and 20 series
    ObjectNode t = Fixtures.tree("profile-b8.json");
    ObjectNode vars = (ObjectNode) t.get("variables");
    JsonNode co = vars.get("co");
    ObjectNode wide = t.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = vars.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      wide.set(e.getKey(), e.getValue());
    }
    Random random = new Random(1);
    for (int c = 0; c < 16; c++) {
      ObjectNode copy = co.deepCopy();
      ObjectNode series = (ObjectNode) copy.get("series");
      var ts = series.putArray("t");
      var vs = series.putArray("v");
      for (int i = 0; i < 1000; i++) {
        ts.add(1594512000.0 + i * 3.6 + random.nextDouble());
        vs.add(random.nextGaussian());
      }
      series.put("downsampled", true);
      wide.set("extra" + c, copy);
    }
    t.set("variables", wide);
    int bytes = HtmlReport.render(Fixtures.read(t)).getBytes(StandardCharsets.UTF_8).length;
    assertThat("20 series of 1,000 points: " + bytes + " bytes", bytes, lessThan(2 * MAX_BYTES));
  }

  @Test
  public void hostileStringsNeverAppearUnescaped() {
    String html = render(Fixtures.hostile());
    for (String p : Fixtures.PAYLOADS) {
      if (p.matches(".*[<>\"'&].*")) {
        assertThat("raw payload " + p, html, not(containsString(p)));
      }
    }
    String lower = html.toLowerCase(Locale.ROOT);
    assertThat(lower, not(containsString("<script")));
    assertThat(lower, not(containsString("<img")));
    assertThat(lower, not(containsString("<svg onload")));
    assertThat(
        Pattern.compile(
                "(href|src|action|xlink:href)\\s*=\\s*[\"']?\\s*javascript:",
                Pattern.CASE_INSENSITIVE)
            .matcher(html)
            .find(),
        is(false));
    // every tag is well formed with double-quoted values, and no attribute is an event handler
    assertWellFormedTags(html);
    // the escaped forms are there, in text, attributes and SVG text
    assertThat(html, containsString(Html.escape(Fixtures.SCRIPT)));
    assertThat(html, containsString(Html.escape(Fixtures.IMG)));
    assertThat(
        html, containsString("aria-label=\"Histogram of " + Html.escape(Fixtures.IMG) + "\""));
    assertThat(
        html,
        containsString(
            ">" + PageText.visible(Html.escape(Html.shorten(Fixtures.SVG, 16))) + "</text>"));
  }

  @Test
  public void hostileKeyInTheWindowContextIsEscaped() {
    Profile p = Fixtures.profile("profile-00.json");
    WindowContext c = p.context();
    Profile hostile =
        new Profile(
            new WindowContext(
                Fixtures.SCRIPT + Fixtures.IMG,
                c.startMicros(),
                c.endMicros(),
                c.paneIndex(),
                "<b>LATE</b>",
                c.isLast(),
                c.lateRows()),
            p.tree());
    String html = render(hostile);
    assertThat(html, not(containsString(Fixtures.SCRIPT)));
    assertThat(html, not(containsString("<b>LATE</b>")));
    assertThat(html, containsString(Html.escape(Fixtures.SCRIPT + Fixtures.IMG)));
  }

  @Test
  public void richProfileRendersMissingDuplicatesInteractionsAndLatePane() {
    String html = render(Fixtures.rich());
    assertThat(html, containsString("LATE"));
    assertThat(html, containsString("Revision 2 · provisional"));
    assertThat(html, containsString("Nullity matrix"));
    assertThat(html, containsString("Nullity correlation heatmap"));
    assertThat(html, containsString("class=\"absent\""));
    assertThat(html, containsString("40 missing (14.7%)"));
    assertThat(html, containsString("Rows that occur more than once"));
    assertThat(html, containsString("binned into a two-dimensional histogram"));
    assertThat(count(html, "<figure>"), is(3));
    assertThat(html, containsString("12, 24"));
    assertThat(html, containsString("has 14.7% missing values"));
    assertThat(html, containsString("The window has 2 duplicate rows"));
  }

  @Test
  public void nullsReadAsADash() {
    ObjectNode t = Fixtures.tree("profile-b8.json");
    ObjectNode co = (ObjectNode) t.get("variables").get("co");
    for (String f :
        List.of("mean", "std", "5%", "skewness", "kurtosis", "n_distinct", "p_missing")) {
      co.putNull(f);
    }
    ((ObjectNode) co.get("adf")).putNull("pvalue");
    ((ObjectNode) t.get("table")).putNull("n");
    String html = render(Fixtures.read(t));
    assertThat(html, containsString("<th>Mean</th><td class=\"null\">—</td>"));
    assertThat(html, containsString("<th>Skewness</th><td class=\"null\">—</td>"));
    assertThat(html, containsString("<th>p-value</th><td class=\"null\">—</td>"));
    assertThat(html, not(containsString("NaN")));
    assertThat(html, not(containsString("null<")));
  }

  @Test
  public void anyFieldMayBeMissing() {
    // remove each top-level section, then each field of each variable, then random subtrees
    ObjectNode base = Fixtures.tree("profile-b8.json");
    List<String> top = new ArrayList<>();
    base.fieldNames().forEachRemaining(top::add);
    for (String name : top) {
      if (name.equals("variables") || name.equals("window")) {
        continue; // JsonReport.read needs these
      }
      ObjectNode t = base.deepCopy();
      t.remove(name);
      assertRenders("without " + name, Fixtures.read(t));
    }
    for (String column : List.of("ts", "device", "co", "light")) {
      List<String> fields = new ArrayList<>();
      base.get("variables").get(column).fieldNames().forEachRemaining(fields::add);
      for (String f : fields) {
        ObjectNode t = base.deepCopy();
        ((ObjectNode) t.get("variables").get(column)).remove(f);
        assertRenders("without " + column + "." + f, Fixtures.read(t));
        t = base.deepCopy();
        ((ObjectNode) t.get("variables").get(column)).putNull(f);
        assertRenders("null " + column + "." + f, Fixtures.read(t));
      }
    }
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      ObjectNode t = base.deepCopy();
      for (int cut = 0; cut < 6; cut++) {
        mutate(t, random);
      }
      if (!(t.get("variables") instanceof ObjectNode) || !(t.get("window") instanceof ObjectNode)) {
        continue;
      }
      assertRenders("random round " + round, Fixtures.read(t));
    }
  }

  @Test
  public void emptyProfileRenders() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("key", "k");
    tree.put("window", Map.of("start", "2020-07-12T00:00:00Z", "end", "2020-07-12T01:00:00Z"));
    tree.put("variables", Map.of());
    String html =
        render(new Profile(new WindowContext("k", 0, 3_600_000_000L, 0, "EARLY", false, 0), tree));
    for (String id : HtmlReport.SECTIONS) {
      assertThat(html, containsString("<section id=\"" + id + "\">"));
    }
    assertThat(html, containsString("No variables in this profile."));
  }

  /** The page as a reader sees it, after asserting that it is written in ASCII. */
  private static String render(Profile p) {
    return PageText.checked("report", HtmlReport.render(p));
  }

  private static void assertRenders(String what, Profile p) {
    String html;
    try {
      html = render(p);
    } catch (RuntimeException e) {
      throw new AssertionError(what + ": " + e, e);
    }
    assertThat(what, html, endsWith("</html>\n"));
    assertThat(what, html, not(containsString("NaN")));
    for (String id : HtmlReport.SECTIONS) {
      assertThat(what, html, containsString("<section id=\"" + id + "\">"));
    }
  }

  /** Removes, nulls or retypes one random node. */
  private static void mutate(JsonNode node, Random random) {
    JsonNode parent = node;
    for (int depth = 0; depth < 6; depth++) {
      List<String> names = new ArrayList<>();
      if (parent instanceof ObjectNode o) {
        o.fieldNames().forEachRemaining(names::add);
      }
      if (depth == 0) {
        names.remove("window"); // JsonReport.read rejects a window that is not one
      }
      if (names.isEmpty()) {
        return;
      }
      String name = names.get(random.nextInt(names.size()));
      JsonNode child = parent.get(name);
      if (random.nextInt(3) == 0 || !(child instanceof ObjectNode)) {
        ObjectNode o = (ObjectNode) parent;
        switch (random.nextInt(4)) {
          case 0 -> o.remove(name);
          case 1 -> o.putNull(name);
          case 2 -> o.put(name, "text");
          default -> o.putArray(name).add(1).addNull().add("x");
        }
        return;
      }
      parent = child;
    }
  }

  private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>");
  private static final Pattern ATTRIBUTE =
      Pattern.compile("\\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:=\"([^\"]*)\")?");

  static void assertWellFormedTags(String html) {
    String body = html.substring(html.indexOf("<html"));
    Matcher tag = TAG.matcher(body);
    while (tag.find()) {
      String attrs = tag.group(2);
      if (attrs.endsWith("/")) {
        attrs = attrs.substring(0, attrs.length() - 1);
      }
      Matcher a = ATTRIBUTE.matcher(attrs);
      int at = 0;
      while (a.find() && a.start() == at) {
        assertThat(
            "event handler in " + tag.group(),
            a.group(1).toLowerCase(Locale.ROOT).startsWith("on"),
            is(false));
        at = a.end();
      }
      assertThat("malformed attributes in " + tag.group(), attrs.substring(at).trim(), is(""));
    }
    // no '<' starts anything but a tag, a closing tag or the doctype
    Matcher lt = Pattern.compile("<(?![a-zA-Z/!])").matcher(body);
    assertThat("stray '<'", lt.find(), is(false));
  }

  static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
