package io.streamprofiler.render;

import static io.streamprofiler.render.Svg.MB;
import static io.streamprofiler.render.Svg.ML;
import static io.streamprofiler.render.Svg.MR;
import static io.streamprofiler.render.Svg.MT;
import static io.streamprofiler.render.Svg.axes;
import static io.streamprofiler.render.Svg.doubles;
import static io.streamprofiler.render.Svg.finiteRange;
import static io.streamprofiler.render.Svg.n;
import static io.streamprofiler.render.Svg.open;
import static io.streamprofiler.render.Svg.rect;
import static io.streamprofiler.render.Svg.text;

import io.streamprofiler.profile.Tree;
import java.util.List;
import java.util.Map;

/**
 * Bar charts: histograms (detailed or as thumbnails), horizontal bars, and the meter of a table
 * cell.
 */
public final class BarCharts {
  private BarCharts() {}

  /**
   * A histogram from bin {@code edges} (k+1) and {@code counts} (k). With {@code detailed}, axes,
   * ticks and a tooltip per bin; otherwise a bare thumbnail. {@code timeX} reads edges as epoch
   * seconds.
   */
  public static void histogram(
      StringBuilder b,
      List<Object> edgeList,
      List<Object> countList,
      boolean detailed,
      boolean timeX,
      String label) {
    double[] edges = doubles(edgeList);
    double[] counts = doubles(countList);
    int k = Math.min(counts.length, edges.length - 1);
    int w = detailed ? 640 : 220;
    int h = detailed ? 260 : 90;
    open(b, detailed ? "chart" : "chart mini", w, h, label);
    if (k <= 0) {
      text(b, w / 2.0, h / 2.0, "middle", "empty", "no values");
      b.append("</svg>");
      return;
    }
    double max = 0;
    for (int i = 0; i < k; i++) {
      if (Double.isFinite(counts[i])) {
        max = Math.max(max, counts[i]);
      }
    }
    double lo = edges[0];
    double hi = edges[k];
    if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
      b.append("</svg>");
      return;
    }
    int x0 = detailed ? ML : 2;
    int y0 = detailed ? MT : 2;
    int pw = detailed ? w - ML - MR : w - 4;
    int ph = detailed ? h - MT - MB : h - 4;
    if (detailed) {
      axes(b, w, h, lo, hi, 0, max, timeX, true);
    }
    double span = hi - lo;
    // Each inner edge closes one bin and opens the next: formatted once for both titles.
    String[] edgeLabels = detailed ? new String[k + 1] : null;
    for (int i = 0; i < k; i++) {
      double c = counts[i];
      if (!(c > 0)) {
        continue;
      }
      double xa = span == 0 ? x0 + pw * (double) i / k : x0 + (edges[i] - lo) / span * pw;
      double xb = span == 0 ? x0 + pw * (i + 1.0) / k : x0 + (edges[i + 1] - lo) / span * pw;
      double bh = max == 0 ? 0 : c / max * ph;
      double bw = Math.max(xb - xa - (xb - xa > 3 ? 1 : 0), 0.6);
      b.append("<rect class=\"bar\" x=\"");
      n(b, xa).append("\" y=\"");
      n(b, y0 + ph - bh).append("\" width=\"");
      n(b, bw).append("\" height=\"");
      n(b, Math.max(bh, 0.5)).append('"');
      if (detailed) {
        b.append("><title>")
            .append(Html.escape(binLabel(edgeLabels, edges, i, timeX, i == k - 1)))
            .append(": ")
            .append(Html.escape(Format.count(c)))
            .append("</title></rect>");
      } else {
        b.append("/>");
      }
    }
    b.append("</svg>");
  }

  private static String binLabel(
      String[] labels, double[] edges, int i, boolean time, boolean last) {
    return "["
        + edgeLabel(labels, edges, i, time)
        + ", "
        + edgeLabel(labels, edges, i + 1, time)
        + (last ? "]" : ")");
  }

  private static String edgeLabel(String[] labels, double[] edges, int i, boolean time) {
    if (labels[i] == null) {
      labels[i] = time ? Format.epochSeconds(edges[i]) : Format.number(edges[i], 5);
    }
    return labels[i];
  }

  /**
   * Horizontal bars, one per label, scaled to {@code max}; {@code valueLabels} printed at the end.
   */
  public static void hbars(
      StringBuilder b,
      List<String> labels,
      double[] values,
      double max,
      List<String> valueLabels,
      String cls,
      String label) {
    int k = labels.size();
    int rowH = 24;
    int left = 130;
    int w = 720;
    int h = Math.max(k * rowH + 8, 30);
    int pw = w - left - 200;
    open(b, "chart", w, h, label);
    for (int i = 0; i < k; i++) {
      double y = 4 + i * rowH;
      text(b, left - 8, y + 16, "end", "lab", Html.shorten(labels.get(i), 18));
      rect(b, "track", left, y + 3, pw, rowH - 8);
      double v = values[i];
      double bw = max > 0 && Double.isFinite(v) ? v / max * pw : 0;
      b.append("<rect class=\"").append(cls).append("\" x=\"").append(left).append("\" y=\"");
      n(b, y + 3).append("\" width=\"");
      n(b, Math.max(bw, v > 0 ? 1.5 : 0))
          .append("\" height=\"")
          .append(rowH - 8)
          .append("\"><title>")
          .append(Html.escape(labels.get(i)))
          .append(": ")
          .append(Html.escape(valueLabels.get(i)))
          .append("</title></rect>");
      text(b, left + pw + 8, y + 16, null, "tick", valueLabels.get(i));
    }
    b.append("</svg>");
  }

  /**
   * A tiny bar for table cells: the share {@code f} as a {@code <meter>} element, styled by the
   * page.
   */
  public static void meter(StringBuilder b, double f, boolean alert) {
    b.append("<meter").append(alert ? " class=\"alert\"" : "").append(" value=\"");
    double v = Double.isFinite(f) ? Math.max(0, Math.min(1, f)) : 0;
    b.append(Math.round(v * 1000) / 1000.0).append("\"></meter>");
  }

  /**
   * Two histograms overlaid as densities on one axis, each side's bins over its own range: the left
   * (reference) side in class {@code bl}, the right (current) one in {@code br}.
   */
  public static void overlaid(
      StringBuilder b, Map<String, Object> left, Map<String, Object> right, String label) {
    double[] le = doubles(Tree.list(left, "edges"));
    double[] lc = doubles(Tree.list(left, "counts"));
    double[] re = doubles(Tree.list(right, "edges"));
    double[] rc = doubles(Tree.list(right, "counts"));
    int w = 480;
    int h = 220;
    open(b, "chart", w, h, label);
    double[] range = finiteRange(new double[] {first(le), last(le), first(re), last(re)});
    if (range == null) {
      text(b, w / 2.0, h / 2.0, "middle", "empty", "no values");
      b.append("</svg>");
      return;
    }
    double lo = range[0];
    double hi = range[1] > range[0] ? range[1] : range[0] + 1;
    double[] ld = density(le, lc);
    double[] rd = density(re, rc);
    double max = 0;
    for (double d : ld) {
      max = Math.max(max, d);
    }
    for (double d : rd) {
      max = Math.max(max, d);
    }
    axes(b, w, h, lo, hi, 0, max, false, false);
    int pw = w - ML - MR;
    int ph = h - MT - MB;
    for (int side = 0; side < 2; side++) {
      double[] e = side == 0 ? le : re;
      double[] d = side == 0 ? ld : rd;
      for (int i = 0; i < d.length; i++) {
        if (!(d[i] > 0)) {
          continue;
        }
        double xa = ML + (e[i] - lo) / (hi - lo) * pw;
        double xb = ML + (e[i + 1] - lo) / (hi - lo) * pw;
        double bh = max > 0 ? d[i] / max * ph : 0;
        rect(b, side == 0 ? "bl" : "br", xa, MT + ph - bh, Math.max(xb - xa, 1), bh);
      }
    }
    b.append("</svg>");
  }

  private static double first(double[] a) {
    return a.length > 1 ? a[0] : Double.NaN;
  }

  private static double last(double[] a) {
    return a.length > 1 ? a[a.length - 1] : Double.NaN;
  }

  /**
   * Count per unit of x, summing to one over the bins; bins with undefined edges or counts are
   * empty.
   */
  static double[] density(double[] edges, double[] counts) {
    int k = Math.max(0, Math.min(counts.length, edges.length - 1));
    double total = 0;
    for (int i = 0; i < k; i++) {
      total += Double.isFinite(counts[i]) ? counts[i] : 0;
    }
    double[] d = new double[k];
    for (int i = 0; i < k; i++) {
      double width = edges[i + 1] - edges[i];
      d[i] =
          total > 0 && Double.isFinite(counts[i]) && Double.isFinite(width)
              ? counts[i] / total / (width > 0 ? width : 1)
              : 0;
    }
    return d;
  }
}
