package io.streamprofiler.render;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.Tree;
import java.util.List;
import java.util.Map;

/**
 * A profile as one self-contained HTML page, laid out as ydata-profiling's report: Overview,
 * Variables, Interactions, Correlations, Missing values, Sample and Duplicate rows, one {@link
 * Section} class each, written into one {@link Page}. Inline CSS (allowed by hash in the page's
 * Content-Security-Policy), inline SVG charts, no script and no remote load; tabs are radio buttons
 * and details are {@code <details>}, so no JavaScript runs.
 *
 * <p>The page reads the profile and computes no statistic. Any field may be absent or null: an
 * absent section reads as a note, an undefined value as "—".
 */
public final class HtmlReport {
  /** Ids of the sections, in page order. */
  public static final List<String> SECTIONS =
      List.of(
          "overview",
          "variables",
          "interactions",
          "correlations",
          "missing",
          "sample",
          "duplicates");

  static final List<String> TITLES =
      List.of(
          "Overview",
          "Variables",
          "Interactions",
          "Correlations",
          "Missing values",
          "Sample",
          "Duplicate rows");

  private HtmlReport() {}

  public static String render(Profile profile) {
    Page page = new Page(262_144);
    ReportData d = ReportData.of(profile, page);
    Map<String, Object> analysis = Tree.object(d.tree(), "analysis");
    String title = analysis.get("title") instanceof String s ? s : "Profile of " + d.key();
    page.open(title + " · " + d.windowLabel(), "data-quality report", "Sections");
    for (int i = 0; i < SECTIONS.size(); i++) {
      page.navLink(SECTIONS.get(i), TITLES.get(i));
    }
    page.main();
    hero(page, d, title);
    for (Section s :
        List.of(
            new OverviewSection(page, d),
            new VariablesSection(page, d),
            new InteractionsSection(page, d),
            new CorrelationsSection(page, d),
            new MissingSection(page, d),
            new SampleSection(page, d),
            new DuplicatesSection(page, d))) {
      s.render();
    }
    return page.close(
        Page.str(analysis.getOrDefault("generator", "stream-profiler"))
            + " · "
            + d.key()
            + " · "
            + d.windowLabel()
            + " · a self-contained page: no script, no network");
  }

  private static void hero(Page page, ReportData d, String title) {
    StringBuilder b = page.b();
    Map<String, Object> pane = Tree.object(d.tree(), "pane");
    b.append("<div class=\"hero\"><div><h1>");
    Html.append(b, title);
    b.append("</h1><div class=\"sub\">Window ");
    Html.append(b, d.windowLabel());
    b.append(" &middot; ");
    Html.append(b, Format.count(Tree.object(d.tree(), "table").get("n")));
    b.append(" rows</div></div><div class=\"chips\">");
    page.timingChip(pane.get("timing"), true);
    b.append("<span class=\"chip muted\">Revision ")
        .append(Html.escape(Format.count(pane.get("index"))));
    b.append(
        Boolean.TRUE.equals(pane.get("is_last"))
            ? " &middot; final"
            : pane.containsKey("is_last") ? " &middot; provisional" : "");
    b.append("</span>");
    int n = d.alerts().all().size();
    b.append("<a class=\"chip ")
        .append(n > 0 ? "alert" : "ok")
        .append("\" href=\"#alerts\">")
        .append(n)
        .append(n == 1 ? " alert" : " alerts")
        .append("</a></div></div>");
  }
}
