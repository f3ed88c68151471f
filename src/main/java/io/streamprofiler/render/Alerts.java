package io.streamprofiler.render;

import io.streamprofiler.profile.Tree;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts of a report: the list in the overview, a chip per alert, a sentence per type, column
 * names linked to their variable.
 */
final class Alerts {
  private final StringBuilder b;
  private final Map<String, Object> tree;
  private final Map<String, Integer> varIndex = new HashMap<>();

  Alerts(Page page, Map<String, Object> tree, Collection<String> variables) {
    this.b = page.b();
    this.tree = tree;
    int i = 0;
    for (String v : variables) {
      varIndex.put(v, i++);
    }
  }

  /** The alerts that are objects; anything else in the list is skipped. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> all() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Object o : Tree.list(tree, "alerts")) {
      if (o instanceof Map<?, ?> m) {
        list.add((Map<String, Object>) m);
      }
    }
    return list;
  }

  void writeList() {
    List<Map<String, Object>> alerts = all();
    b.append("<div id=\"alerts\"><h3>Alerts (").append(alerts.size()).append(")</h3>");
    if (alerts.isEmpty()) {
      b.append("<p class=\"note\">No alerts for this window.</p></div>");
      return;
    }
    b.append("<ul class=\"alerts\">");
    for (Map<String, Object> a : alerts) {
      b.append("<li>");
      chip(a);
      b.append("<span>");
      message(a);
      b.append("</span></li>");
    }
    b.append("</ul></div>");
  }

  void chip(Map<String, Object> a) {
    String type = Page.str(a.get("type"));
    String cls =
        switch (type) {
          case "UNIQUE", "SEASONAL" -> "";
          case "HIGH_CORRELATION", "NON_STATIONARY", "HIGH_CARDINALITY", "UNIFORM", "IMBALANCE" ->
              "warn";
          default -> "alert";
        };
    b.append("<span class=\"chip ").append(cls).append("\">");
    Html.append(b, Format.label(type));
    b.append("</span>");
  }

  private void message(Map<String, Object> a) {
    String type = Page.str(a.get("type"));
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
        b.append(" has unique values (")
            .append(Html.escape(Format.count(value)))
            .append(" distinct)");
      }
      case "MISSING", "ZEROS", "INFINITE" -> {
        column(col);
        b.append(" has ")
            .append(Html.escape(Format.percent(value)))
            .append(' ')
            .append(
                type.equals("MISSING")
                    ? "missing values"
                    : type.equals("ZEROS") ? "zeros" : "infinite values")
            .append(" (threshold ")
            .append(Html.escape(Format.percent(threshold)))
            .append(')');
      }
      case "SKEWED" -> {
        column(col);
        b.append(" is highly skewed (|&gamma;&#x2081;| = ")
            .append(Html.escape(Format.number(value)))
            .append(" > ")
            .append(Html.escape(Format.number(threshold)))
            .append(')');
      }
      case "IMBALANCE" -> {
        column(col);
        b.append(" is highly imbalanced (")
            .append(Html.escape(Format.number(value, 3)))
            .append(" > ")
            .append(Html.escape(Format.number(threshold)))
            .append(')');
      }
      case "UNIFORM" -> {
        column(col);
        b.append(" is uniformly distributed (&chi;&sup2; p-value ")
            .append(Html.escape(Format.number(value, 3)))
            .append(')');
      }
      case "HIGH_CARDINALITY" -> {
        column(col);
        b.append(" has a high cardinality: ")
            .append(Html.escape(Format.count(value)))
            .append(" distinct values");
      }
      case "NON_STATIONARY" -> {
        column(col);
        b.append(" is non-stationary (ADF p-value ")
            .append(Html.escape(Format.number(value, 3)))
            .append(" &ge; ")
            .append(Html.escape(Format.number(threshold)))
            .append(')');
      }
      case "SEASONAL" -> {
        column(col);
        b.append(" is seasonal");
      }
      case "DUPLICATES" ->
          b.append("The window has ")
              .append(Html.escape(Format.count(value)))
              .append(" duplicate rows");
      case "SCHEMA_COLUMN_ADDED" -> {
        column(col);
        b.append(" has values in this window and had none in the previous one (");
        Html.append(b, Page.str(a.get("to")));
        b.append(')');
      }
      case "SCHEMA_COLUMN_REMOVED" -> {
        column(col);
        b.append(" carried values in the previous window (");
        Html.append(b, Page.str(a.get("from")));
        b.append("), none in this one");
      }
      case "TYPE_CHANGED" -> {
        column(col);
        b.append(" changed type since the previous window: ");
        Html.append(b, Page.str(a.get("from")) + " (" + Page.str(a.get("from_kind")) + ")");
        b.append(" &rarr; ");
        Html.append(b, Page.str(a.get("to")) + " (" + Page.str(a.get("to_kind")) + ")");
        if (a.get("format") != null) {
          b.append(", values shaped ");
          Html.append(b, Page.str(a.get("format")));
        }
      }
      case "FORMAT_CHANGED" -> {
        column(col);
        b.append(" changed format since the previous window: ");
        Html.append(b, Page.str(a.get("from")));
        b.append(" &rarr; ");
        Html.append(b, Page.str(a.get("to")));
      }
      case "HIGH_CORRELATION" -> {
        List<Object> cols = Tree.list(a, "columns");
        column(cols.size() > 0 ? Page.str(cols.get(0)) : col);
        b.append(" is highly correlated with ");
        column(cols.size() > 1 ? Page.str(cols.get(1)) : null);
        b.append(" (");
        Html.append(b, a.get("method") == null ? "correlation" : Page.str(a.get("method")));
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
      Html.append(b, Format.NONE);
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
}
