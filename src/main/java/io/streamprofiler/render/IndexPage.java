package io.streamprofiler.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code index.html} at the root of the output, a fleet dashboard: a grid of keys × windows
 * (one row per key, one cell per window, newest first; the latest windows when there are many),
 * each cell coloured by the drift of the window's latest revision and showing its alert count,
 * linking to the report and to the comparison with the previous window, details in its title. Each
 * key's revisions are listed below the grid for a small fleet, and on the key's own page ({@link
 * KeyHistory}) always. Self-contained like the reports: inline CSS, no script.
 *
 * <p>Size: a cell is about 200 bytes (two links and a short title), and the grid holds at most
 * {@value #MAX_CELLS} of them (but at least {@value #MIN_WINDOWS} windows per key), so the page
 * stays under 3 MB for 1,000 keys however many windows they have; revision tables are inlined only
 * for up to {@value #INLINE_WINDOWS} windows, else each key's are on its page.
 */
public final class IndexPage {
  /** The grid shows at most this many cells (keys × windows), newest windows kept. */
  static final int MAX_CELLS = 12_000;

  /** ... but never fewer windows than this. */
  static final int MIN_WINDOWS = 12;

  /**
   * Revision tables of every key go on the index itself while the fleet has at most this many
   * windows.
   */
  static final int INLINE_WINDOWS = 500;

  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private IndexPage() {}

  /** The row of the fleet profile, first in the grid. */
  public static final String FLEET_ROW = "fleet · every key";

  /** Rows in order: the fleet first, then each key followed by its roll-ups. */
  private static final Comparator<String> ROW_ORDER =
      Comparator.comparing((String row) -> !row.equals(FLEET_ROW))
          .thenComparing(Comparator.naturalOrder());

  /**
   * The grid row of an entry: its key, {@code <key> · <length>} for a roll-up, {@link #FLEET_ROW}
   * for the fleet.
   */
  public static String row(IndexEntry e) {
    if (e.ofOneWindow()) {
      return nz(e.key());
    }
    return e.scope().equals("fleet") ? FLEET_ROW : nz(e.key()) + " · " + e.scope();
  }

  /**
   * row (key) -> window start (newest first) -> pane index -> entry; a repeated pane keeps the last
   * one given.
   */
  public static Map<String, Map<String, Map<Long, IndexEntry>>> byKey(List<IndexEntry> entries) {
    Map<String, Map<String, Map<Long, IndexEntry>>> byKey = new TreeMap<>(ROW_ORDER);
    for (IndexEntry e : entries) {
      if (e != null) {
        byKey
            .computeIfAbsent(row(e), k -> new TreeMap<>(Comparator.reverseOrder()))
            .computeIfAbsent(nz(e.windowStart()), k -> new TreeMap<>())
            .put(e.paneIndex(), e);
      }
    }
    return byKey;
  }

  public static String render(List<IndexEntry> entries) {
    Map<String, Map<String, Map<Long, IndexEntry>>> byKey = byKey(entries);
    int windows = 0;
    long alerts = 0;
    int withAlerts = 0;
    int drifted = 0;
    TreeSet<String> starts = new TreeSet<>();
    for (Map<String, Map<Long, IndexEntry>> w : byKey.values()) {
      windows += w.size();
      starts.addAll(w.keySet());
      for (Map<Long, IndexEntry> panes : w.values()) {
        IndexEntry latest = latest(panes);
        alerts += latest.alertCount();
        withAlerts += latest.alertCount() > 0 ? 1 : 0;
        drifted += latest.driftLevel().equals("alert") ? 1 : 0;
      }
    }
    Page page = new Page(8192 + Math.min(windows, MAX_CELLS) * 160 + byKey.size() * 120);
    StringBuilder b = page.b();
    page.open("Stream Profiler · reports", "reports", "Keys");
    boolean inline = windows <= INLINE_WINDOWS;
    if (byKey.size() <= 12) {
      int k = 0;
      for (String key : byKey.keySet()) {
        page.navLink((inline ? "k" : "r") + k++, Html.shorten(key, 24));
      }
    }
    page.main();
    b.append("<div class=\"hero\"><div><h1>Data-quality reports</h1><div class=\"sub\">");
    Html.append(b, Format.integer(entries.size()))
        .append(entries.size() == 1 ? " report" : " reports")
        .append(" &middot; ");
    Html.append(b, Format.integer(byKey.size()))
        .append(byKey.size() == 1 ? " key" : " keys")
        .append(" &middot; ");
    Html.append(b, Format.integer(windows))
        .append(windows == 1 ? " window" : " windows")
        .append("</div></div><div class=\"chips\">");
    page.chip(
        alerts > 0 ? "alert" : "ok",
        Format.integer(alerts)
            + (alerts == 1 ? " alert" : " alerts")
            + " in "
            + Format.integer(withAlerts)
            + (withAlerts == 1 ? " window" : " windows")
            + " (latest revisions)");
    b.append(' ');
    page.chip(
        drifted > 0 ? "alert" : "ok",
        "DRIFT in " + Format.integer(drifted) + (drifted == 1 ? " window" : " windows"));
    b.append("</div></div>");
    if (byKey.isEmpty()) {
      b.append(
          "<section id=\"reports\"><h2>Reports</h2><p class=\"note\">No report has been written yet.</p></section>");
    } else {
      grid(page, byKey, new ArrayList<>(starts), inline);
    }
    if (inline) {
      int k = 0;
      for (Map.Entry<String, Map<String, Map<Long, IndexEntry>>> key : byKey.entrySet()) {
        KeyHistory.table(page, "k" + k++, key.getKey(), key.getValue(), "", "");
      }
    }
    return page.close(
        "Stream Profiler · one report per key, window and revision · no script, no network");
  }

  /**
   * One row per key, one cell per window (the newest that fit in {@link #MAX_CELLS}), newest on the
   * left.
   */
  private static void grid(
      Page page,
      Map<String, Map<String, Map<Long, IndexEntry>>> byKey,
      List<String> starts,
      boolean inline) {
    StringBuilder b = page.b();
    int shown = Math.min(starts.size(), Math.max(MIN_WINDOWS, MAX_CELLS / byKey.size()));
    List<String> columns = new ArrayList<>(starts.subList(starts.size() - shown, starts.size()));
    Collections.reverse(columns);
    page.section("fleet", "Fleet");
    b.append("<p class=\"note legend\">Each cell is a window of a key: its alert count, ");
    for (String[] l :
        new String[][] {
          {"ok", "no drift"}, {"wa", "drift warning"}, {"dr", "DRIFT"}, {"no", "no baseline"}
        }) {
      b.append("<span class=\"sw c-").append(l[0]).append("\"></span>").append(l[1]).append(' ');
    }
    b.append(
        "against the previous window; &Delta; opens that comparison. Hover a cell for details.");
    if (shown < starts.size()) {
      b.append(" The latest ").append(shown).append(" of ");
      Html.append(b, Format.integer(starts.size()))
          .append(" windows; every window is on each key's page.");
    }
    b.append("</p><div class=\"scroll\"><table class=\"fleet\"><thead><tr><th>Key</th>");
    String day = "";
    for (String start : columns) {
      String label = columnLabel(start, day);
      day = start.length() >= 10 ? start.substring(0, 10) : start;
      b.append("<th title=\"").append(Html.attribute(Format.instant(start))).append("\">");
      Html.append(b, label);
      b.append("</th>");
    }
    b.append("</tr></thead><tbody>");
    int k = 0;
    for (Map.Entry<String, Map<String, Map<Long, IndexEntry>>> key : byKey.entrySet()) {
      b.append("<tr><th id=\"r").append(k).append("\">");
      List<IndexEntry> own = allEntries(key.getValue());
      String folder = own.get(0).ofOneWindow() ? KeyHistory.folder(own) : null;
      String label = Html.escape(Html.shorten(key.getKey(), 32));
      if (inline) {
        b.append("<a href=\"#k").append(k).append("\">").append(label).append("</a>");
      } else if (folder != null) {
        page.link(folder + "/index.html", label);
      } else {
        b.append(label);
      }
      b.append("</th>");
      k++;
      for (String start : columns) {
        Map<Long, IndexEntry> panes = key.getValue().get(start);
        if (panes == null) {
          b.append("<td></td>");
        } else {
          cell(page, latest(panes), panes.size());
        }
      }
      b.append("</tr>");
    }
    b.append("</tbody></table></div></section>");
  }

  private static void cell(Page page, IndexEntry e, int revisions) {
    StringBuilder b = page.b();
    String level =
        switch (e.driftLevel()) {
          case "alert" -> "dr";
          case "warn" -> "wa";
          case "ok" -> "ok";
          default -> "no";
        };
    b.append("<td class=\"c-").append(level).append(e.alertCount() > 0 ? " a" : "").append("\">");
    StringBuilder title =
        new StringBuilder(clock(e.windowStart()))
            .append(" · ")
            .append(e.alertCount())
            .append(e.alertCount() == 1 ? " alert" : " alerts")
            .append(" · ")
            .append(
                e.driftLevel().isEmpty()
                    ? "no baseline"
                    : e.driftLevel().equals("alert") ? "DRIFT" : "drift " + e.driftLevel());
    if (!e.driftedColumns().isEmpty()) {
      title.append(": ").append(Html.shorten(String.join(", ", e.driftedColumns()), 60));
    }
    if (e.paneIndex() > 0 || !"ON_TIME".equals(e.timing())) {
      title
          .append(" · revision #")
          .append(e.paneIndex())
          .append(' ')
          .append(Format.label(e.timing()));
    }
    if (revisions > 1) {
      title.append(" (").append(revisions - 1).append(" earlier)");
    }
    String href = Html.relativeHref(e.href());
    b.append(href == null ? "<span" : "<a href=\"" + href + "\"")
        .append(" title=\"")
        .append(Html.attribute(title.toString()))
        .append("\">")
        .append(e.alertCount())
        .append(href == null ? "</span>" : "</a>");
    String comparison = Html.relativeHref(e.comparisonHref());
    if (comparison != null) {
      b.append("<a class=\"cmp\" href=\"").append(comparison).append("\">&Delta;</a>");
    }
    b.append("</td>");
  }

  /** The clock time a window starts at, {@code 05:00}, or its text when it is not an instant. */
  private static String clock(String start) {
    try {
      return TIME.format(Instant.parse(start));
    } catch (DateTimeParseException | NullPointerException e) {
      return Html.shorten(start, 24);
    }
  }

  private static String columnLabel(String start, String previousDay) {
    try {
      Instant i = Instant.parse(start);
      return start.startsWith(previousDay) && !previousDay.isEmpty()
          ? TIME.format(i)
          : DAY_TIME.format(i);
    } catch (DateTimeParseException e) {
      return Html.shorten(start, 12);
    }
  }

  private static List<IndexEntry> allEntries(Map<String, Map<Long, IndexEntry>> windows) {
    List<IndexEntry> all = new ArrayList<>();
    windows.values().forEach(p -> all.addAll(p.values()));
    return all;
  }

  /** The highest revision of a window. */
  static IndexEntry latest(Map<Long, IndexEntry> panes) {
    IndexEntry latest = null;
    for (IndexEntry e : panes.values()) {
      latest = e;
    }
    return latest;
  }

  static String window(IndexEntry e) {
    return Page.range(e.windowStart(), e.windowEnd()).replace(Format.NBSP + "UTC", "");
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
