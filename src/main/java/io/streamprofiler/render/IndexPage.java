package io.streamprofiler.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code index.html} at the root of the output: every report written so far, grouped by key,
 * one row per window (newest window first) linking its latest revision, with the earlier revisions
 * of that window kept as smaller links. Self-contained like the reports: inline CSS, no script.
 */
public final class IndexPage {
  private IndexPage() {}

  public static String render(List<IndexEntry> entries) {
    // key -> window start -> pane index -> entry (a repeated pane keeps the last one given)
    Map<String, Map<String, Map<Long, IndexEntry>>> byKey = new TreeMap<>();
    for (IndexEntry e : entries) {
      if (e == null) {
        continue;
      }
      byKey.computeIfAbsent(nz(e.key()), k -> new TreeMap<>(Comparator.reverseOrder()))
          .computeIfAbsent(nz(e.windowStart()), k -> new TreeMap<>())
          .put(e.paneIndex(), e);
    }
    int windows = 0;
    long alerts = 0;
    int withAlerts = 0;
    for (Map<String, Map<Long, IndexEntry>> w : byKey.values()) {
      windows += w.size();
      for (Map<Long, IndexEntry> panes : w.values()) {
        IndexEntry latest = latest(panes);
        alerts += latest.alertCount();
        if (latest.alertCount() > 0) {
          withAlerts++;
        }
      }
    }
    StringBuilder b = new StringBuilder(8192 + entries.size() * 400);
    b.append(Css.head("Stream Profiler · reports")).append("<body>");
    b.append("<header class=\"top\"><div class=\"in\"><div class=\"brand\">Stream Profiler <span>reports</span></div>")
        .append("<nav aria-label=\"Keys\">");
    int k = 0;
    if (byKey.size() <= 12) {
      for (String key : byKey.keySet()) {
        b.append("<a href=\"#k").append(k++).append("\">");
        Html.append(b, Html.shorten(key, 24));
        b.append("</a>");
      }
    }
    b.append("</nav></div></header><main>");
    b.append("<div class=\"hero\"><div><h1>Data-quality reports</h1><div class=\"sub\">")
        .append(Format.integer(entries.size())).append(entries.size() == 1 ? " report" : " reports").append(" · ")
        .append(Format.integer(byKey.size())).append(byKey.size() == 1 ? " key" : " keys").append(" · ")
        .append(Format.integer(windows)).append(windows == 1 ? " window" : " windows")
        .append("</div></div><div class=\"chips\"><span class=\"chip ").append(alerts > 0 ? "alert" : "ok").append("\">")
        .append(Format.integer(alerts)).append(alerts == 1 ? " alert" : " alerts").append(" in ")
        .append(Format.integer(withAlerts)).append(withAlerts == 1 ? " window" : " windows")
        .append(" (latest revisions)</span></div></div>");
    if (byKey.isEmpty()) {
      b.append("<section id=\"reports\"><h2>Reports</h2><p class=\"note\">No report has been written yet.</p></section>");
    }
    k = 0;
    for (Map.Entry<String, Map<String, Map<Long, IndexEntry>>> key : byKey.entrySet()) {
      b.append("<section id=\"k").append(k++).append("\"><h2>");
      Html.append(b, key.getKey());
      b.append("</h2><div class=\"scroll\"><table class=\"data index\"><thead><tr><th>Window (UTC)</th><th>Latest revision</th>")
          .append("<th class=\"num\">Rows</th><th class=\"num\">Alerts</th><th>Report</th><th>Earlier revisions</th></tr></thead><tbody>");
      for (Map<Long, IndexEntry> panes : key.getValue().values()) {
        IndexEntry latest = latest(panes);
        b.append("<tr><td>");
        Html.append(b, window(latest));
        b.append("</td><td>");
        timing(b, latest.timing());
        b.append(" <span class=\"chip muted\">#").append(latest.paneIndex())
            .append(latest.isLast() ? " · final" : " · provisional").append("</span></td><td class=\"num\">")
            .append(Format.integer(latest.rows())).append("</td><td class=\"num\"><span class=\"chip ")
            .append(latest.alertCount() > 0 ? "alert" : "ok").append("\">").append(latest.alertCount())
            .append("</span></td><td>");
        link(b, latest.href(), "<strong>Open report</strong>");
        b.append("</td><td>");
        List<IndexEntry> earlier = new ArrayList<>(panes.values());
        earlier.remove(latest);
        if (earlier.isEmpty()) {
          b.append("<span class=\"null\">").append(Format.NONE).append("</span>");
        }
        boolean first = true;
        for (int i = earlier.size() - 1; i >= 0; i--) {
          IndexEntry e = earlier.get(i);
          if (!first) {
            b.append(" · ");
          }
          first = false;
          link(b, e.href(), "#" + e.paneIndex() + " " + Html.escape(Format.label(nz(e.timing()))) + " ("
              + e.alertCount() + (e.alertCount() == 1 ? " alert" : " alerts") + ")");
        }
        b.append("</td></tr>");
      }
      b.append("</tbody></table></div></section>");
    }
    b.append("</main><footer>Stream Profiler · one report per key, window and revision · no script, no network</footer></body></html>\n");
    return b.toString();
  }

  /** The highest revision of a window. */
  private static IndexEntry latest(Map<Long, IndexEntry> panes) {
    IndexEntry latest = null;
    for (IndexEntry e : panes.values()) {
      latest = e;
    }
    return latest;
  }

  private static String window(IndexEntry e) {
    String start = Format.instant(e.windowStart());
    String end = Format.instant(e.windowEnd());
    if (start.length() > 11 && end.length() > 11 && start.regionMatches(0, end, 0, 11)) {
      end = end.substring(11);
    }
    return start.replace(Format.NBSP + "UTC", "") + " – " + end.replace(Format.NBSP + "UTC", "");
  }

  private static void timing(StringBuilder b, String timing) {
    String t = nz(timing);
    String cls = switch (t) {
      case "ON_TIME" -> "ok";
      case "EARLY" -> "warn";
      case "LATE" -> "late";
      default -> "muted";
    };
    b.append("<span class=\"chip ").append(cls).append("\">");
    Html.append(b, t.replace('_', ' '));
    b.append("</span>");
  }

  /** A link when the target is a safe relative path, else the label alone. {@code labelHtml} is markup. */
  private static void link(StringBuilder b, String href, String labelHtml) {
    String safe = Html.relativeHref(href);
    if (safe == null) {
      b.append("<span class=\"null\" title=\"unsafe link omitted\">").append(labelHtml).append("</span>");
    } else {
      b.append("<a href=\"").append(safe).append("\">").append(labelHtml).append("</a>");
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
