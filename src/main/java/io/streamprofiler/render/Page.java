package io.streamprofiler.render;

import java.util.List;

/**
 * The shared builder of every page (reports, comparisons, the index): the head with the stylesheet
 * and its Content-Security-Policy, the top bar, sections, radio-button tabs, key-value rows and
 * chips, appended to one {@link StringBuilder}. Text from the data is escaped by every method that
 * takes a {@code String} value; methods named {@code ...Html} take markup.
 */
public final class Page {
  /** A tab: its label (text) and what writes its panel. */
  public record Tab(String label, Runnable body) {}

  private final StringBuilder b;
  private int ids;

  public Page(int capacity) {
    this.b = new StringBuilder(capacity);
  }

  /** The markup so far, for writing into directly. */
  public StringBuilder b() {
    return b;
  }

  /**
   * Head, body and the top bar up to its navigation (add links with {@link #navLink}, then {@link
   * #main}).
   */
  public Page open(String title, String brand, String navLabel) {
    b.append(Css.head(title)).append("<body>");
    b.append("<header class=\"top\"><div class=\"in\"><div class=\"brand\">Stream Profiler <span>");
    Html.append(b, brand);
    b.append("</span></div><nav aria-label=\"");
    Html.append(b, navLabel);
    b.append("\">");
    return this;
  }

  /** A link to an anchor of this page in the top bar. */
  public Page navLink(String anchor, String label) {
    b.append("<a href=\"#").append(Html.attribute(anchor)).append("\">");
    Html.append(b, label);
    b.append("</a>");
    return this;
  }

  /** Closes the top bar and opens the main column. */
  public Page main() {
    b.append("</nav></div></header><main>");
    return this;
  }

  /** Closes the main column and the page with a footer line. */
  public String close(String footer) {
    b.append("</main><footer>");
    Html.append(b, footer);
    b.append("</footer></body></html>\n");
    return b.toString();
  }

  /** Opens a section with its heading; the caller closes it with {@code </section>}. */
  public Page section(String id, String title) {
    b.append("<section id=\"").append(Html.attribute(id)).append("\"><h2>");
    Html.append(b, title);
    b.append("</h2>");
    return this;
  }

  /**
   * A chip: a rounded label; {@code cls} is one of the stylesheet's (alert, warn, ok, late, muted
   * or empty).
   */
  public Page chip(String cls, String text) {
    b.append("<span class=\"chip ").append(cls).append("\">");
    Html.append(b, text);
    b.append("</span>");
    return this;
  }

  /** The chip of a pane's timing: ON TIME, EARLY, LATE. */
  public Page timingChip(Object timing, boolean titled) {
    String t = timing == null ? "UNKNOWN" : timing.toString();
    b.append("<span class=\"chip ")
        .append(timingClass(t))
        .append('"')
        .append(titled ? " title=\"Pane timing\">" : ">");
    Html.append(b, t.replace('_', ' '));
    b.append("</span>");
    return this;
  }

  static String timingClass(String timing) {
    return switch (timing) {
      case "ON_TIME" -> "ok";
      case "EARLY" -> "warn";
      case "LATE" -> "late";
      default -> "muted";
    };
  }

  /** Radio-button tabs: no script; the first tab is selected. */
  public Page tabs(List<Tab> tabs) {
    if (tabs.isEmpty()) {
      return this;
    }
    int g = ++ids;
    b.append("<div class=\"tabs\">");
    for (int i = 0; i < tabs.size(); i++) {
      b.append("<input type=\"radio\" name=\"t")
          .append(g)
          .append("\" id=\"t")
          .append(g)
          .append('-')
          .append(i)
          .append('"');
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
    return this;
  }

  /** A key-value row; {@link Format#NONE} reads muted. */
  public Page row(String label, String value) {
    return row(label, value, "");
  }

  /** A row whose value comes from the data: it may be long, so it may wrap anywhere. */
  public Page rowData(String label, String value) {
    return row(label, value, "brk");
  }

  private Page row(String label, String value, String cls) {
    String classes = Format.NONE.equals(value) ? (cls + " null").strip() : cls;
    b.append("<tr><th>");
    Html.append(b, label);
    b.append(classes.isEmpty() ? "</th><td>" : "</th><td class=\"" + classes + "\">");
    Html.append(b, value);
    b.append("</td></tr>");
    return this;
  }

  /** A row whose value {@code value} writes as markup. */
  public Page rowHtml(String label, Runnable value) {
    b.append("<tr><th>");
    Html.append(b, label);
    b.append("</th><td>");
    value.run();
    b.append("</td></tr>");
    return this;
  }

  /**
   * A link when the target is a safe relative path, else the label alone. {@code labelHtml} is
   * markup.
   */
  public Page link(String href, String labelHtml) {
    String safe = Html.relativeHref(href);
    if (safe == null) {
      b.append("<span class=\"null\" title=\"unsafe link omitted\">")
          .append(labelHtml)
          .append("</span>");
    } else {
      b.append("<a href=\"").append(safe).append("\">").append(labelHtml).append("</a>");
    }
    return this;
  }

  /** {@code o} as text, {@link Format#NONE} when null. */
  public static String str(Object o) {
    return o == null ? Format.NONE : o.toString();
  }

  /**
   * Two instants as one range, the end's date dropped when it is the start's: {@code 2020-07-12
   * 00:00:00 UTC – 01:00:00 UTC}.
   */
  public static String range(Object startIso, Object endIso) {
    String start = Format.instant(startIso);
    String end = Format.instant(endIso);
    if (start.length() > 11 && end.length() > 11 && start.regionMatches(0, end, 0, 11)) {
      end = end.substring(11);
    }
    return start + " – " + end;
  }
}
