package io.streamprofiler.render;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.Test;

public class IndexPageTest {
  private static IndexEntry entry(String key, String start, long pane, String timing, boolean last, int alerts, String href) {
    String end = start.replace("T00:", "T01:").replace("T01:00:00Z", "T01:00:00Z");
    return new IndexEntry(key, start, end, pane, timing, last, alerts, 100 + pane, href);
  }

  @Test
  public void groupsByKeyAndWindowWithTheLatestRevisionProminent() {
    List<IndexEntry> entries = List.of(
        entry("dev-b", "2020-07-12T00:00:00Z", 0, "ON_TIME", true, 2, "dev-b/20200712T000000Z_pane0.html"),
        entry("dev-a", "2020-07-12T00:00:00Z", 1, "ON_TIME", false, 4, "dev-a/20200712T000000Z_pane1.html"),
        entry("dev-a", "2020-07-12T00:00:00Z", 0, "EARLY", false, 1, "dev-a/20200712T000000Z_pane0.html"),
        entry("dev-a", "2020-07-12T00:00:00Z", 2, "LATE", true, 5, "dev-a/20200712T000000Z_pane2.html"),
        entry("dev-a", "2020-07-13T00:00:00Z", 0, "ON_TIME", true, 0, "dev-a/20200713T000000Z_pane0.html"));
    String html = IndexPage.render(entries);
    assertThat(html, containsString("5 reports · 2 keys · 3 windows"));
    assertThat(html, containsString("7 alerts in 2 windows (latest revisions)"));
    // dev-a before dev-b; newest window first
    assertThat(html.indexOf(">dev-a</h2>"), lessThan(html.indexOf(">dev-b</h2>")));
    assertThat(html.indexOf("2020-07-13\u00a000:00:00"), lessThan(html.indexOf("2020-07-12\u00a000:00:00")));
    // the latest revision is the main link, earlier ones are kept, newest first
    assertThat(html, containsString("<a href=\"dev-a/20200712T000000Z_pane2.html\"><strong>Open report</strong></a>"));
    assertThat(html, containsString("<a href=\"dev-a/20200712T000000Z_pane1.html\">#1 On time (4 alerts)</a> · "
        + "<a href=\"dev-a/20200712T000000Z_pane0.html\">#0 Early (1 alert)</a>"));
    assertThat(html, containsString("#2 · final"));
    assertThat(html, containsString("Content-Security-Policy"));
  }

  @Test
  public void hostileKeysAndLinksAreNeutralised() {
    List<IndexEntry> entries = new ArrayList<>();
    entries.add(entry(Fixtures.SCRIPT, "2020-07-12T00:00:00Z", 0, Fixtures.IMG, true, 1, Fixtures.JS_URL));
    entries.add(entry(Fixtures.IMG, "<b>x</b>", 0, "ON_TIME", true, 1, "k/" + Fixtures.IMG + ".html"));
    String html = IndexPage.render(entries);
    for (String p : List.of(Fixtures.SCRIPT, Fixtures.IMG, "<b>x</b>")) {
      assertThat(html, not(containsString(p)));
    }
    assertThat(html.toLowerCase(Locale.ROOT), not(containsString("href=\"javascript:")));
    assertThat(html, containsString("title=\"unsafe link omitted\""));
    assertThat(html, containsString("href=\"k/%22%3E%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D2%3Balert%282%29%22%3E.html\""));
    HtmlReportTest.assertWellFormedTags(html);
  }

  @Test
  public void emptyIndex() {
    String html = IndexPage.render(List.of());
    assertThat(html, containsString("No report has been written yet."));
    assertThat(html, containsString("0 reports"));
  }

  @Test
  public void repeatedPaneKeepsTheLastGiven() {
    String html = IndexPage.render(List.of(
        entry("k", "2020-07-12T00:00:00Z", 0, "ON_TIME", true, 1, "old.html"),
        entry("k", "2020-07-12T00:00:00Z", 0, "ON_TIME", true, 3, "new.html")));
    assertThat(html, containsString("href=\"new.html\""));
    assertThat(html, not(containsString("old.html")));
    assertThat(html.contains("1 report ") || html.contains("2 reports"), is(true));
  }
}
