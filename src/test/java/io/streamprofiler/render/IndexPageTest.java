package io.streamprofiler.render;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.Test;

public class IndexPageTest {
  private static IndexEntry entry(
      String key, String start, long pane, String timing, boolean last, int alerts, String href) {
    String end = start.replace("T00:", "T01:").replace("T01:00:00Z", "T01:00:00Z");
    return new IndexEntry(key, start, end, pane, timing, last, alerts, 100 + pane, href);
  }

  /** The index as a reader sees it, after asserting that it is written in ASCII. */
  private static String render(List<IndexEntry> entries) {
    return PageText.checked("index", IndexPage.render(entries));
  }

  /** A key's page as a reader sees it, after asserting that it is written in ASCII. */
  private static String keyPage(
      String key, String folder, Map<String, Map<Long, IndexEntry>> windows) {
    return PageText.checked("key page", KeyHistory.page(key, folder, windows));
  }

  @Test
  public void groupsByKeyAndWindowWithTheLatestRevisionProminent() {
    List<IndexEntry> entries =
        List.of(
            entry(
                "dev-b",
                "2020-07-12T00:00:00Z",
                0,
                "ON_TIME",
                true,
                2,
                "dev-b/20200712T000000Z_pane0.html"),
            entry(
                "dev-a",
                "2020-07-12T00:00:00Z",
                1,
                "ON_TIME",
                false,
                4,
                "dev-a/20200712T000000Z_pane1.html"),
            entry(
                "dev-a",
                "2020-07-12T00:00:00Z",
                0,
                "EARLY",
                false,
                1,
                "dev-a/20200712T000000Z_pane0.html"),
            entry(
                "dev-a",
                "2020-07-12T00:00:00Z",
                2,
                "LATE",
                true,
                5,
                "dev-a/20200712T000000Z_pane2.html"),
            entry(
                "dev-a",
                "2020-07-13T00:00:00Z",
                0,
                "ON_TIME",
                true,
                0,
                "dev-a/20200713T000000Z_pane0.html"));
    String html = render(entries);
    assertThat(html, containsString("5 reports · 2 keys · 3 windows"));
    assertThat(html, containsString("7 alerts in 2 windows (latest revisions)"));
    // dev-a before dev-b; newest window first
    assertThat(html.indexOf(">dev-a</h2>"), lessThan(html.indexOf(">dev-b</h2>")));
    assertThat(
        html.indexOf("2020-07-13\u00a000:00:00"),
        lessThan(html.indexOf("2020-07-12\u00a000:00:00")));
    // the latest revision is the main link, earlier ones are kept, newest first
    assertThat(
        html,
        containsString(
            "<a href=\"dev-a/20200712T000000Z_pane2.html\"><strong>Open report</strong></a>"));
    assertThat(
        html,
        containsString(
            "<a href=\"dev-a/20200712T000000Z_pane1.html\">#1 On time (4 alerts)</a> · "
                + "<a href=\"dev-a/20200712T000000Z_pane0.html\">#0 Early (1 alert)</a>"));
    assertThat(html, containsString("#2 · final"));
    assertThat(html, containsString("Content-Security-Policy"));
  }

  @Test
  public void hostileKeysAndLinksAreNeutralised() {
    List<IndexEntry> entries = new ArrayList<>();
    entries.add(
        entry(Fixtures.SCRIPT, "2020-07-12T00:00:00Z", 0, Fixtures.IMG, true, 1, Fixtures.JS_URL));
    entries.add(
        entry(Fixtures.IMG, "<b>x</b>", 0, "ON_TIME", true, 1, "k/" + Fixtures.IMG + ".html"));
    String html = render(entries);
    for (String p : List.of(Fixtures.SCRIPT, Fixtures.IMG, "<b>x</b>")) {
      assertThat(html, not(containsString(p)));
    }
    assertThat(html.toLowerCase(Locale.ROOT), not(containsString("href=\"javascript:")));
    assertThat(html, containsString("title=\"unsafe link omitted\""));
    assertThat(
        html,
        containsString(
            "href=\"k/%22%3E%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D2%3Balert%282%29%22%3E.html\""));
    HtmlReportTest.assertWellFormedTags(html);
  }

  @Test
  public void emptyIndex() {
    String html = render(List.of());
    assertThat(html, containsString("No report has been written yet."));
    assertThat(html, containsString("0 reports"));
  }

  @Test
  public void repeatedPaneKeepsTheLastGiven() {
    String html =
        render(
            List.of(
                entry("k", "2020-07-12T00:00:00Z", 0, "ON_TIME", true, 1, "old.html"),
                entry("k", "2020-07-12T00:00:00Z", 0, "ON_TIME", true, 3, "new.html")));
    assertThat(html, containsString("href=\"new.html\""));
    assertThat(html, not(containsString("old.html")));
    assertThat(html.contains("1 report ") || html.contains("2 reports"), is(true));
  }

  private static IndexEntry drifting(
      String key,
      String folder,
      int hour,
      long pane,
      String level,
      List<String> columns,
      int alerts) {
    String start = String.format(Locale.ROOT, "2020-07-12T%02d:00:00Z", hour);
    String end = String.format(Locale.ROOT, "2020-07-12T%02d:00:00Z", hour + 1);
    String file = String.format(Locale.ROOT, "%s/20200712T%02d0000Z_pane%d", folder, hour, pane);
    return new IndexEntry(
        key,
        start,
        end,
        pane,
        "ON_TIME",
        true,
        alerts,
        720,
        file + ".html",
        level,
        columns,
        level.isEmpty() ? "" : file + ".previous.html");
  }

  @Test
  public void gridHasARowPerKeyAndACellPerWindowColouredByDriftWithAlertCounts() {
    List<IndexEntry> entries =
        List.of(
            drifting("dev-1", "dev-1", 0, 0, "", List.of(), 2),
            drifting("dev-1", "dev-1", 1, 0, "ok", List.of(), 0),
            drifting("dev-1", "dev-1", 2, 0, "alert", List.of("temp", "humidity"), 3),
            drifting("dev-2", "dev-2", 1, 0, "warn", List.of("temp"), 1));
    String html = render(entries);
    assertThat(html, containsString("<table class=\"fleet\">"));
    String grid =
        html.substring(
            html.indexOf("<table class=\"fleet\">"),
            html.indexOf("</table>", html.indexOf("<table class=\"fleet\">")));
    assertThat(HtmlReportTest.count(grid, "<tr>"), is(3)); // header and two keys
    assertThat(HtmlReportTest.count(grid, "<th title="), is(3)); // three windows, newest first
    assertThat(grid.indexOf("02:00"), lessThan(grid.indexOf("01:00")));
    assertThat(
        grid,
        containsString(
            "<td class=\"c-dr a\"><a href=\"dev-1/20200712T020000Z_pane0.html\" title=\""));
    assertThat(grid, containsString("DRIFT: temp, humidity"));
    assertThat(
        grid, containsString("<td class=\"c-ok\"><a href=\"dev-1/20200712T010000Z_pane0.html\""));
    assertThat(
        grid, containsString("<td class=\"c-no a\"><a href=\"dev-1/20200712T000000Z_pane0.html\""));
    assertThat(grid, containsString("<td class=\"c-wa a\">"));
    assertThat(
        grid,
        containsString("<a class=\"cmp\" href=\"dev-1/20200712T020000Z_pane0.previous.html\""));
    // dev-2 has no report at 00:00 and 02:00: empty cells
    assertThat(HtmlReportTest.count(grid, "<td></td>"), is(2));
    assertThat(html, containsString("DRIFT in 1 window"));
    // the revision tables show the drift too, linked to the comparison
    assertThat(
        html,
        containsString(
            "<a href=\"dev-1/20200712T020000Z_pane0.previous.html\"><span class=\"chip alert\">DRIFT</span></a>"));
    HtmlReportTest.assertWellFormedTags(html);
  }

  @Test
  public void hostileDriftedColumnsAndComparisonLinksAreNeutralised() {
    IndexEntry e =
        new IndexEntry(
            Fixtures.SCRIPT,
            "2020-07-12T00:00:00Z",
            "2020-07-12T01:00:00Z",
            0,
            "ON_TIME",
            true,
            1,
            5,
            "k/a.html",
            "alert",
            List.of(Fixtures.IMG, Fixtures.SVG),
            Fixtures.JS_URL);
    String html = render(List.of(e));
    for (String p : Fixtures.PAYLOADS) {
      assertThat(html, not(containsString(p)));
    }
    assertThat(html.toLowerCase(Locale.ROOT), not(containsString("href=\"javascript:")));
    assertThat(html, not(containsString("class=\"cmp\"")));
    HtmlReportTest.assertWellFormedTags(html);
    String page = keyPage(e.key(), "k", IndexPage.byKey(List.of(e)).get(e.key()));
    for (String p : Fixtures.PAYLOADS) {
      assertThat(page, not(containsString(p)));
    }
    assertThat(page, containsString("title=\"unsafe link omitted\""));
    HtmlReportTest.assertWellFormedTags(page);
  }

  @Test
  public void keyPagesLinkRelativeToTheirFolder() {
    List<IndexEntry> entries =
        List.of(
            drifting("site/a", "site_a-1234", 0, 0, "", List.of(), 0),
            drifting("site/a", "site_a-1234", 1, 0, "warn", List.of("t"), 0),
            drifting("site/a", "site_a-1234", 1, 1, "ok", List.of(), 0));
    assertThat(KeyHistory.folder(entries), is("site_a-1234"));
    String page = keyPage("site/a", "site_a-1234", IndexPage.byKey(entries).get("site/a"));
    assertThat(
        page,
        containsString("<a href=\"20200712T010000Z_pane1.html\"><strong>Open report</strong></a>"));
    assertThat(
        page, containsString("<a href=\"20200712T010000Z_pane0.html\">#0 On time (0 alerts)</a>"));
    assertThat(page, containsString("<a href=\"20200712T010000Z_pane1.previous.html\">"));
    assertThat(page, containsString("<a href=\"../index.html\">All keys</a>"));
    assertThat(page, not(containsString("site_a-1234/")));
    // a link outside the folder climbs out of it; unsafe or mixed folders give no page
    assertThat(KeyHistory.relative("other/x.html", "site_a-1234/", "../"), is("../other/x.html"));
    assertThat(
        KeyHistory.folder(List.of(drifting("k", "..", 0, 0, "", List.of(), 0))), is((String) null));
    assertThat(
        KeyHistory.folder(
            List.of(entry("k", "2020-07-12T00:00:00Z", 0, "ON_TIME", true, 0, "x.html"))),
        is((String) null));
    assertThat(
        KeyHistory.folder(
            List.of(
                drifting("k", "a", 0, 0, "", List.of(), 0),
                drifting("k", "b", 1, 0, "", List.of(), 0))),
        is((String) null));
  }

  /**
   * 1,000 keys × 200 hourly windows: the grid keeps the newest windows, the revisions move to the
   * key pages.
   */
  @Test
  public void aLargeFleetStaysSmall() {
    List<IndexEntry> entries = new ArrayList<>();
    for (int k = 0; k < 1000; k++) {
      String key = String.format(Locale.ROOT, "b8:27:eb:bf:%02x:%02x", k / 256, k % 256);
      String folder = key.replace(':', '_') + "-bd78baaa";
      for (int w = 0; w < 200; w++) {
        String start =
            java.time.Instant.parse("2020-07-12T00:00:00Z").plusSeconds(3600L * w).toString();
        String end = java.time.Instant.parse(start).plusSeconds(3600).toString();
        String file = folder + "/" + start.replace("-", "").replace(":", "") + "_pane0";
        entries.add(
            new IndexEntry(
                key,
                start,
                end,
                0,
                "ON_TIME",
                true,
                w % 7,
                720,
                file + ".html",
                w == 0 ? "" : w % 50 == 0 ? "alert" : w % 9 == 0 ? "warn" : "ok",
                w % 50 == 0 ? List.of("temp") : List.of(),
                w == 0 ? "" : file + ".previous.html"));
      }
    }
    String html = IndexPage.render(entries); // as written: its size is what counts
    PageText.assertAscii("large index", html);
    int bytes = html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    assertThat(
        "index of 1,000 keys x 200 windows is " + bytes + " bytes", bytes, lessThan(3_000_000));
    assertThat(html, containsString("The latest 12 of 200 windows"));
    assertThat(html, not(containsString("<strong>Open report</strong>")));
    assertThat(html, containsString("<a href=\"b8_27_eb_bf_00_00-bd78baaa/index.html\">"));
    Map<String, Map<String, Map<Long, IndexEntry>>> byKey = IndexPage.byKey(entries);
    String page =
        KeyHistory.page(
            "b8:27:eb:bf:00:00", "b8_27_eb_bf_00_00-bd78baaa", byKey.get("b8:27:eb:bf:00:00"));
    assertThat(HtmlReportTest.count(page, "<strong>Open report</strong>"), is(200));
    assertThat(page.length(), lessThan(200_000));
  }
}
