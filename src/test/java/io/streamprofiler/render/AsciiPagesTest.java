package io.streamprofiler.render;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamprofiler.compare.CompareReport;
import io.streamprofiler.compare.Drift;
import io.streamprofiler.compare.DriftThresholds;
import io.streamprofiler.profile.Profile;
import java.util.List;
import org.junit.Test;

/**
 * Every page (report, comparison, index, key page) is written in ASCII whatever the data holds, and
 * a reader still sees the data's text and the typography of {@link Format} once the character
 * references are decoded.
 */
public class AsciiPagesTest {
  static final String KEY = "Gerät-µ 😀";
  static final String UMLAUT_COLUMN = "Gerät-µ";
  static final String DEGREE_COLUMN = "temp °C";
  static final String EMOJI_COLUMN = "😀 Feuchte";
  static final String CATEGORY = "café";
  static final String EMOJI_CATEGORY = "naïve 😀";
  static final String CELL = "Zürich – Ørsted";

  /**
   * A sample profile whose key, column names, categories and sample cells are not ASCII, with
   * negative numbers, missing values, tiny p-values and alerts on the renamed columns, so that
   * {@link Format} writes its minus signs, dashes, × 10⁻ⁿ, superscripts and non-breaking spaces.
   */
  static ObjectNode unicodeTree(String resource) {
    ObjectNode t = Fixtures.tree(resource);
    t.put("key", KEY);
    Fixtures.renameColumn(t, "co", UMLAUT_COLUMN);
    Fixtures.renameColumn(t, "temp", DEGREE_COLUMN);
    Fixtures.renameColumn(t, "humidity", EMOJI_COLUMN);
    ObjectNode vars = (ObjectNode) t.get("variables");
    ObjectNode co = (ObjectNode) vars.get(UMLAUT_COLUMN);
    co.put("min", -3.5).put("mean", -0.8800592359132957).put("skewness", -1234.5678);
    co.putNull("kurtosis");
    ((ObjectNode) co.get("adf")).put("pvalue", 3.7446186967745716e-05);
    ObjectNode device = (ObjectNode) vars.get("device");
    device.put("top", CATEGORY);
    device.putObject("chi_squared").put("statistic", 1.5945120943859746E9).put("pvalue", 1.4e-9);
    ArrayNode counts = (ArrayNode) device.get("value_counts");
    ((ObjectNode) counts.get(0)).put("value", CATEGORY);
    counts.addObject().put("value", EMOJI_CATEGORY).put("count", 1);
    // an unpaired surrogate and a C1 control are no text: they read as U+FFFD
    counts.addObject().put("value", "broken \uD83D and \u0085").put("count", 1);
    ArrayNode head = (ArrayNode) t.get("sample").get("head");
    ((ArrayNode) head.get(0)).set(1, JsonNodeFactory.instance.textNode(CELL));
    ((ArrayNode) head.get(0)).set(2, JsonNodeFactory.instance.nullNode());
    ArrayNode alerts = t.withArray("alerts");
    alerts.addObject().put("type", "SKEWED").put("column", DEGREE_COLUMN).put("value", -25.5);
    alerts.addObject().put("type", "UNIFORM").put("column", EMOJI_COLUMN).put("value", 1.2e-7);
    alerts
        .addObject()
        .put("type", "NON_STATIONARY")
        .put("column", UMLAUT_COLUMN)
        .put("value", 0.5)
        .put("threshold", 0.05);
    alerts.addObject().put("type", "EMPTY_ÄRGER").put("column", "Ω").put("value", -1e-12);
    return t;
  }

  static Profile unicode(String resource) {
    return Fixtures.read(unicodeTree(resource));
  }

  @Test
  public void reportIsAsciiAndReadsTheSame() {
    String raw = HtmlReport.render(unicode("profile-b8.json"));
    String page = PageText.checked("report", raw);
    for (String text :
        List.of(
            KEY,
            UMLAUT_COLUMN,
            DEGREE_COLUMN,
            EMOJI_COLUMN,
            CATEGORY,
            EMOJI_CATEGORY,
            CELL,
            "<code>Ω</code> (−1 × 10⁻¹²)",
            "Empty ärger")) {
      assertThat(page, containsString(text));
    }
    // Format's typography survives: minus, dash for missing, scientific notation, NBSP, middot
    assertThat(page, containsString("−0.8801"));
    assertThat(page, containsString("−1,235"));
    assertThat(page, containsString("3.745 × 10⁻⁵"));
    assertThat(page, containsString("1.4 × 10⁻⁹"));
    assertThat(page, containsString("1.595 × 10⁹"));
    assertThat(page, containsString("<th>Kurtosis</th><td class=\"null\">—</td>"));
    assertThat(page, containsString("<td class=\"null\">—</td>"));
    assertThat(page, containsString("2020-07-12\u00a000:00:00\u00a0UTC"));
    assertThat(page, containsString("Revision 0 · final"));
    assertThat(page, containsString("(|γ₁| = −25.5 > —)"));
    assertThat(page, containsString("(χ² p-value 1.2 × 10⁻⁷)"));
    assertThat(page, containsString(" ≥ 0.05)"));
    assertThat(page, containsString("Shaded band: ±1.96/√n"));
    assertThat(page, containsString("Augmented Dickey–Fuller test"));
    assertThat(page, containsString("Spearman&#39;s ρ"));
    assertThat(page, containsString("broken \uFFFD and \uFFFD"));
    // SVG: escaped text in titles and labels, the heatmap's ×
    assertThat(page, containsString("<title>" + UMLAUT_COLUMN + " × " + UMLAUT_COLUMN + ": 1"));
    assertThat(page, containsString("aria-label=\"Histogram of " + DEGREE_COLUMN + "\""));
    // the references are written by code point: one per emoji, none for a lone surrogate half
    assertThat(raw, containsString("&#x1F600;"));
    assertThat(raw, not(containsString("&#xD83D;")));
    assertThat(raw, containsString("Ger&#xE4;t-&#xB5;"));
    HtmlReportTest.assertWellFormedTags(raw);
  }

  @Test
  public void comparisonIsAsciiAndReadsTheSame() {
    Profile left = unicode("profile-00.json");
    Profile right = unicode("profile-b8.json");
    Drift.Result drift = CompareReport.drift(left, right, DriftThresholds.defaults());
    String raw = CompareReport.html(left, right, drift);
    String page = PageText.checked("comparison", raw);
    for (String text : List.of(KEY, UMLAUT_COLUMN, DEGREE_COLUMN, EMOJI_COLUMN, CATEGORY)) {
      assertThat(page, containsString(text));
    }
    assertThat(
        page, containsString("Comparison · " + KEY + " · 2020-07-12\u00a000:00:00\u00a0UTC"));
    assertThat(page, containsString("DRIFT needs PSI ≥ "));
    assertThat(page, containsString("Cramér&#39;s V"));
    assertThat(page, containsString("χ² p-value"));
    assertThat(page, containsString("−0.8801"));
    assertThat(page, containsString(">—</td>"));
    assertThat(page, containsString(" × 10"));
    HtmlReportTest.assertWellFormedTags(raw);
  }

  @Test
  public void indexAndKeyPagesAreAsciiAndReadTheSame() {
    String folder = "Ger_t-1234";
    List<IndexEntry> entries =
        List.of(
            new IndexEntry(
                KEY,
                "2020-07-12T00:00:00Z",
                "2020-07-12T01:00:00Z",
                0,
                "ON_TIME",
                false,
                1,
                5,
                folder + "/20200712T000000Z_pane0.html"),
            new IndexEntry(
                KEY,
                "2020-07-12T00:00:00Z",
                "2020-07-12T01:00:00Z",
                1,
                "LATE",
                true,
                2,
                1_234_567,
                folder + "/20200712T000000Z_pane1.html",
                "alert",
                List.of(UMLAUT_COLUMN, DEGREE_COLUMN, EMOJI_COLUMN),
                folder + "/20200712T000000Z_pane1.previous.html"),
            new IndexEntry(
                "Ω-" + CATEGORY,
                "2020-07-12T01:00:00Z",
                "2020-07-12T02:00:00Z",
                0,
                "ÉARLY",
                true,
                0,
                -5,
                "omega/20200712T010000Z_pane0.html"));
    String index = PageText.checked("index", IndexPage.render(entries));
    assertThat(index, containsString("3 reports · 2 keys · 2 windows"));
    assertThat(index, containsString(">" + KEY + "</h2>"));
    assertThat(index, containsString("Ω-" + CATEGORY));
    assertThat(index, containsString("DRIFT: " + UMLAUT_COLUMN + ", " + DEGREE_COLUMN));
    assertThat(index, containsString("Δ opens that comparison"));
    assertThat(index, containsString("\">Δ</a>"));
    assertThat(index, containsString("#1 · final"));
    assertThat(index, containsString("1,234,567"));
    assertThat(index, containsString("−5"));
    assertThat(index, containsString("Éarly"));
    assertThat(index, containsString("<span class=\"null\">—</span>"));
    assertThat(index, containsString("2020-07-12\u00a000:00:00 – 01:00:00"));
    String keyPage =
        PageText.checked(
            "key page", KeyHistory.page(KEY, folder, IndexPage.byKey(entries).get(KEY)));
    assertThat(keyPage, containsString("Stream Profiler · " + KEY));
    assertThat(keyPage, containsString("1 window · latest revision of each first"));
    assertThat(keyPage, containsString(UMLAUT_COLUMN + ", " + DEGREE_COLUMN + ", " + EMOJI_COLUMN));
    assertThat(keyPage, containsString("#0 On time (1 alert)"));
  }
}
