package io.streamprofiler.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every window of one key, newest first: its latest revision (timing, rows, alerts, drift) with
 * links to the report and the comparison with the previous window, and the earlier revisions kept
 * as smaller links. A table of the fleet index (small fleets), and the key's own page {@code <key
 * folder>/index.html} (any fleet), whose links are relative to that folder.
 */
public final class KeyHistory {
  private KeyHistory() {}

  /**
   * The folder of a key's reports relative to the index ({@code dev-1} for {@code
   * dev-1/…_pane0.html}), or null when its reports are not all in one plain relative folder: then
   * the key has no page.
   */
  public static String folder(List<IndexEntry> entries) {
    String folder = null;
    for (IndexEntry e : entries) {
      String href = e.href() == null ? "" : e.href();
      int slash = href.lastIndexOf('/');
      String f = slash <= 0 ? null : href.substring(0, slash);
      if (f == null
          || (folder != null && !folder.equals(f))
          || Html.relativeHref(f) == null
          || f.startsWith("/")
          || ("/" + f + "/").contains("/../")
          || ("/" + f + "/").contains("/./")) {
        return null;
      }
      folder = f;
    }
    return folder;
  }

  /**
   * The page of one key, written at {@code <folder>/index.html}, its links relative to {@code
   * folder}.
   */
  public static String page(String key, String folder, Map<String, Map<Long, IndexEntry>> windows) {
    Page page = new Page(4096 + windows.size() * 600);
    page.open("Stream Profiler · " + key, "reports of one key", "Index").main();
    StringBuilder b = page.b();
    String up = "../".repeat(folder.split("/").length);
    b.append("<div class=\"hero\"><div><h1>");
    Html.append(b, key);
    b.append("</h1><div class=\"sub\">");
    Html.append(b, Format.integer(windows.size()))
        .append(windows.size() == 1 ? " window" : " windows")
        .append(" &middot; latest revision of each first</div></div><div class=\"chips\">");
    page.link(up + "index.html", "All keys");
    b.append("</div></div>");
    table(page, "history", key, windows, folder + "/", up);
    return page.close(
        "Stream Profiler · one report per key, window and revision · no script, no network");
  }

  /**
   * The table of one key's windows as a section; {@code prefix} is stripped from hrefs and {@code
   * up} put before those it does not start (both empty when the table is on the index).
   */
  static void table(
      Page page,
      String id,
      String key,
      Map<String, Map<Long, IndexEntry>> windows,
      String prefix,
      String up) {
    StringBuilder b = page.b();
    page.section(id, key);
    b.append(
            "<div class=\"scroll\"><table class=\"data index\"><thead><tr><th>Window (UTC)</th><th>Latest revision</th>")
        .append(
            "<th class=\"num\">Rows</th><th class=\"num\">Alerts</th><th>Drift</th><th>Report</th><th>Earlier revisions</th></tr></thead><tbody>");
    for (Map<Long, IndexEntry> panes : windows.values()) {
      IndexEntry latest = IndexPage.latest(panes);
      b.append("<tr><td>");
      Html.append(b, IndexPage.window(latest));
      b.append("</td><td>");
      page.timingChip(latest.timing() == null ? "" : latest.timing(), false);
      b.append(" <span class=\"chip muted\">#")
          .append(latest.paneIndex())
          .append(latest.isLast() ? " &middot; final" : " &middot; provisional")
          .append("</span></td><td class=\"num\">");
      Html.append(b, Format.integer(latest.rows()))
          .append("</td><td class=\"num\"><span class=\"chip ")
          .append(latest.alertCount() > 0 ? "alert" : "ok")
          .append("\">")
          .append(latest.alertCount())
          .append("</span></td><td>");
      drift(page, latest, prefix, up);
      b.append("</td><td>");
      page.link(relative(latest.href(), prefix, up), "<strong>Open report</strong>");
      b.append("</td><td>");
      List<IndexEntry> earlier = new ArrayList<>(panes.values());
      earlier.remove(latest);
      if (earlier.isEmpty()) {
        Html.append(b.append("<span class=\"null\">"), Format.NONE).append("</span>");
      }
      for (int i = earlier.size() - 1; i >= 0; i--) {
        IndexEntry e = earlier.get(i);
        if (i < earlier.size() - 1) {
          b.append(" &middot; ");
        }
        page.link(
            relative(e.href(), prefix, up),
            "#"
                + e.paneIndex()
                + " "
                + Html.escape(Format.label(e.timing()))
                + " ("
                + e.alertCount()
                + (e.alertCount() == 1 ? " alert" : " alerts")
                + ")");
      }
      b.append("</td></tr>");
    }
    b.append("</tbody></table></div></section>");
  }

  /** The drift chip with the drifted columns, linked to the comparison page when there is one. */
  private static void drift(Page page, IndexEntry e, String prefix, String up) {
    StringBuilder b = page.b();
    String level = e.driftLevel();
    if (level.isEmpty()) {
      Html.append(b.append("<span class=\"null\">"), Format.NONE).append("</span>");
      return;
    }
    String label = level.equals("alert") ? "DRIFT" : level;
    String chip =
        "<span class=\"chip "
            + (level.equals("alert") ? "alert" : level.equals("warn") ? "warn" : "ok")
            + "\">"
            + Html.escape(label)
            + "</span>";
    if (e.comparisonHref().isEmpty()) {
      b.append(chip);
    } else {
      page.link(relative(e.comparisonHref(), prefix, up), chip);
    }
    if (!e.driftedColumns().isEmpty()) {
      b.append(" <span class=\"brk\">");
      Html.append(b, String.join(", ", e.driftedColumns()));
      b.append("</span>");
    }
  }

  /** {@code href} (relative to the index) relative to the folder {@code prefix} names. */
  static String relative(String href, String prefix, String up) {
    if (href == null || prefix.isEmpty() || Html.relativeHref(href) == null) {
      return href;
    }
    return href.startsWith(prefix) ? href.substring(prefix.length()) : up + href;
  }
}
