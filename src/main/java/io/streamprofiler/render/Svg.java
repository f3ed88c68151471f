package io.streamprofiler.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Small inline-SVG charts. Each method appends one {@code <svg>} element that scales with its
 * container (a viewBox, no fixed size) and is styled by the report's stylesheet through classes;
 * colours that encode values are presentation attributes, never style attributes, so the page's
 * Content-Security-Policy can forbid inline styles. Every label that comes from the data is
 * escaped. The charts draw the numbers they are given: ticks, scales and pixel-level thinning of
 * dense series are the only things computed here.
 */
public final class Svg {
  private Svg() {}

  /** Margins of charts with axes: left, right, top, bottom. */
  private static final int ML = 56;
  /** Left margin of scatter plots: room for tick labels and the rotated axis name. */
  private static final int SL = 66;
  private static final int MR = 12;
  private static final int MT = 10;
  private static final int MB = 28;

  // ---------------------------------------------------------------- primitives

  /** Appends {@code v} rounded to one decimal: enough for coordinates in a viewBox of a few hundred units. */
  static StringBuilder n(StringBuilder b, double v) {
    if (!Double.isFinite(v)) {
      return b.append('0');
    }
    long r = Math.round(v * 10);
    if (r < 0) {
      b.append('-');
      r = -r;
    }
    b.append(r / 10);
    long f = r % 10;
    if (f != 0) {
      b.append('.').append(f);
    }
    return b;
  }

  private static void open(StringBuilder b, String cls, int w, int h, String label) {
    b.append("<svg class=\"").append(cls).append("\" width=\"").append(w).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
        .append("\" role=\"img\" aria-label=\"").append(Html.attribute(label)).append("\">");
  }

  private static void text(StringBuilder b, double x, double y, String anchor, String cls, String s) {
    b.append("<text x=\"");
    n(b, x).append("\" y=\"");
    n(b, y).append('"');
    if (anchor != null) {
      b.append(" text-anchor=\"").append(anchor).append('"');
    }
    if (cls != null) {
      b.append(" class=\"").append(cls).append('"');
    }
    b.append('>').append(Html.svgText(s)).append("</text>");
  }

  private static void rect(StringBuilder b, String cls, double x, double y, double w, double h) {
    b.append("<rect");
    if (cls != null) {
      b.append(" class=\"").append(cls).append('"');
    }
    b.append(" x=\"");
    n(b, x).append("\" y=\"");
    n(b, y).append("\" width=\"");
    n(b, Math.max(w, 0)).append("\" height=\"");
    n(b, Math.max(h, 0)).append("\"/>");
  }

  static double[] doubles(List<Object> list) {
    double[] d = new double[list.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = Format.toDouble(list.get(i));
    }
    return d;
  }

  private static double[] finiteRange(double[] v) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double d : v) {
      if (Double.isFinite(d)) {
        lo = Math.min(lo, d);
        hi = Math.max(hi, d);
      }
    }
    return lo <= hi ? new double[] {lo, hi} : null;
  }

  // ---------------------------------------------------------------- ticks

  /** About {@code target} round tick values covering [lo, hi]: steps of 1, 2 or 5 × 10^k. */
  static double[] ticks(double lo, double hi, int target) {
    if (!(hi > lo)) {
      return new double[] {lo};
    }
    double raw = (hi - lo) / Math.max(target, 1);
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = mag;
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * mag >= raw) {
        step = m * mag;
        break;
      }
    }
    double first = Math.ceil(lo / step - 1e-9) * step;
    List<Double> t = new ArrayList<>();
    for (double v = first; v <= hi + step * 1e-9 && t.size() < 50; v += step) {
      t.add(Math.abs(v) < step * 1e-9 ? 0 : v);
    }
    double[] a = new double[t.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = t.get(i);
    }
    return a;
  }

  private static final double[] TIME_STEPS = {
    1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800
  };

  /** Round clock times (epoch seconds) covering [lo, hi]. */
  static double[] timeTicks(double lo, double hi, int target) {
    if (!(hi > lo)) {
      return new double[] {lo};
    }
    double raw = (hi - lo) / Math.max(target, 1);
    double step = TIME_STEPS[TIME_STEPS.length - 1];
    for (double s : TIME_STEPS) {
      if (s >= raw) {
        step = s;
        break;
      }
    }
    double first = Math.ceil(lo / step) * step;
    List<Double> t = new ArrayList<>();
    for (double v = first; v <= hi && t.size() < 50; v += step) {
      t.add(v);
    }
    double[] a = new double[t.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = t.get(i);
    }
    return a;
  }

  private static String tickLabel(double v, boolean time, double span) {
    return time ? Format.clock(v, span < 600) : Format.number(v, 3);
  }

  /** Axes frame, y grid lines with labels, x ticks with labels. */
  private static void axes(StringBuilder b, int w, int h, double xlo, double xhi, double ylo, double yhi,
      boolean timeX, boolean yTicks) {
    int pw = w - ML - MR;
    int ph = h - MT - MB;
    if (yTicks) {
      for (double t : ticks(ylo, yhi, 4)) {
        double y = MT + ph - (t - ylo) / (yhi - ylo == 0 ? 1 : yhi - ylo) * ph;
        b.append("<path class=\"gl\" d=\"M").append(ML).append(' ');
        n(b, y).append('H').append(ML + pw).append("\"/>");
        text(b, ML - 6, y + 4, "end", "tick", Format.number(t, 3));
      }
    }
    double[] xt = timeX ? timeTicks(xlo, xhi, Math.max(2, pw / 110)) : ticks(xlo, xhi, Math.max(2, pw / 90));
    for (double t : xt) {
      double x = ML + (xhi == xlo ? pw / 2.0 : (t - xlo) / (xhi - xlo) * pw);
      b.append("<path class=\"axis\" d=\"M");
      n(b, x).append(' ').append(MT + ph).append("v4\"/>");
      text(b, x, MT + ph + 17, "middle", "tick", tickLabel(t, timeX, xhi - xlo));
    }
    b.append("<path class=\"axis\" d=\"M").append(ML).append(' ').append(MT + ph).append('H').append(ML + pw).append("\"/>");
  }

  // ---------------------------------------------------------------- histogram

  /**
   * A histogram from bin {@code edges} (k+1) and {@code counts} (k). With {@code detailed}, axes,
   * ticks and a tooltip per bin; otherwise a bare thumbnail. {@code timeX} reads edges as epoch
   * seconds.
   */
  public static void histogram(StringBuilder b, List<Object> edgeList, List<Object> countList,
      boolean detailed, boolean timeX, String label) {
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
        b.append("><title>").append(Html.escape(binLabel(edges[i], edges[i + 1], timeX, i == k - 1)))
            .append(": ").append(Format.count(c)).append("</title></rect>");
      } else {
        b.append("/>");
      }
    }
    b.append("</svg>");
  }

  private static String binLabel(double a, double c, boolean time, boolean last) {
    String l = time ? Format.epochSeconds(a) : Format.number(a, 5);
    String r = time ? Format.epochSeconds(c) : Format.number(c, 5);
    return "[" + l + ", " + r + (last ? "]" : ")");
  }

  // ---------------------------------------------------------------- line chart over event time

  /**
   * A line over event time: {@code t} epoch seconds, {@code v} values (nulls break the line). Gaps
   * (pairs of epoch seconds) are shaded. Dense series are thinned to the minimum and maximum per
   * horizontal pixel, which draws the same envelope.
   */
  public static void line(StringBuilder b, List<Object> tList, List<Object> vList, List<double[]> gaps,
      boolean detailed, String label) {
    double[] t = doubles(tList);
    double[] v = doubles(vList);
    int m = Math.min(t.length, v.length);
    int w = detailed ? 720 : 220;
    int h = detailed ? 260 : 90;
    open(b, detailed ? "chart" : "chart mini", w, h, label);
    double[] tr = finiteRange(m == t.length ? t : java.util.Arrays.copyOf(t, m));
    double[] vr = finiteRange(m == v.length ? v : java.util.Arrays.copyOf(v, m));
    if (m == 0 || tr == null || vr == null) {
      text(b, w / 2.0, h / 2.0, "middle", "empty", "no values");
      b.append("</svg>");
      return;
    }
    double vlo = vr[0];
    double vhi = vr[1];
    if (vhi == vlo) {
      vlo -= vlo == 0 ? 1 : Math.abs(vlo) * 0.01;
      vhi += vhi == 0 ? 1 : Math.abs(vhi) * 0.01;
    } else if (detailed) {
      double pad = (vhi - vlo) * 0.05;
      vlo -= pad;
      vhi += pad;
    }
    double tlo = tr[0];
    double thi = tr[1] == tr[0] ? tr[0] + 1 : tr[1];
    int x0 = detailed ? ML : 2;
    int y0 = detailed ? MT : 4;
    int pw = detailed ? w - ML - MR : w - 4;
    int ph = detailed ? h - MT - MB : h - 8;
    if (detailed) {
      axes(b, w, h, tlo, thi, vlo, vhi, true, true);
      if (gaps != null) {
        for (double[] g : gaps) {
          double ga = Math.max(g[0], tlo);
          double gb = Math.min(g[1], thi);
          if (gb > ga) {
            double xa = x0 + (ga - tlo) / (thi - tlo) * pw;
            double xb = x0 + (gb - tlo) / (thi - tlo) * pw;
            b.append("<rect class=\"gap\" x=\"");
            n(b, xa).append("\" y=\"").append(y0).append("\" width=\"");
            n(b, Math.max(xb - xa, 1)).append("\" height=\"").append(ph).append("\"><title>gap of ")
                .append(Html.escape(Format.duration(g[1] - g[0]))).append(" from ")
                .append(Html.escape(Format.epochSeconds(g[0]))).append("</title></rect>");
          }
        }
      }
    }
    b.append("<path class=\"ln\" d=\"");
    Pen path = new Pen(b);
    boolean pen = false;
    boolean thin = m > pw * 2;
    int column = Integer.MIN_VALUE;
    int lo = -1;
    int hi = -1;
    for (int i = 0; i <= m; i++) {
      boolean ok = i < m && Double.isFinite(t[i]) && Double.isFinite(v[i]);
      if (!thin) {
        if (!ok) {
          pen = false;
          continue;
        }
        path.to(x0 + (t[i] - tlo) / (thi - tlo) * pw, y0 + ph - (v[i] - vlo) / (vhi - vlo) * ph, pen);
        pen = true;
        continue;
      }
      // one pixel column at a time: its minimum and maximum, in time order, draw the same envelope
      int col = ok ? (int) Math.floor((t[i] - tlo) / (thi - tlo) * pw) : Integer.MIN_VALUE;
      if (column != Integer.MIN_VALUE && col != column) {
        for (int k : lo <= hi ? new int[] {lo, hi} : new int[] {hi, lo}) {
          path.to(x0 + (t[k] - tlo) / (thi - tlo) * pw, y0 + ph - (v[k] - vlo) / (vhi - vlo) * ph, pen);
          pen = true;
        }
        column = Integer.MIN_VALUE;
      }
      if (!ok) {
        pen = false;
        continue;
      }
      if (column == Integer.MIN_VALUE) {
        column = col;
        lo = i;
        hi = i;
      }
      if (v[i] < v[lo]) {
        lo = i;
      }
      if (v[i] > v[hi]) {
        hi = i;
      }
    }
    b.append("\"/></svg>");
  }

  /**
   * Writes a polyline compactly: an absolute move, then relative line-tos in tenths of a unit,
   * computed from the rounded previous point so rounding never drifts.
   */
  private static final class Pen {
    private final StringBuilder b;
    private long px;
    private long py;
    private boolean drawing;

    Pen(StringBuilder b) {
      this.b = b;
    }

    void to(double x, double y, boolean connect) {
      long x10 = Math.round(x * 10);
      long y10 = Math.round(y * 10);
      if (!connect) {
        b.append('M');
        tenths(x10, false);
        tenths(y10, true);
        drawing = false;
      } else {
        if (!drawing) {
          b.append('l');
          drawing = true;
          tenths(x10 - px, false);
        } else {
          tenths(x10 - px, true);
        }
        tenths(y10 - py, true);
      }
      px = x10;
      py = y10;
    }

    private void tenths(long v, boolean separate) {
      if (v < 0) {
        b.append('-');
        v = -v;
      } else if (separate) {
        b.append(' ');
      }
      b.append(v / 10);
      if (v % 10 != 0) {
        b.append('.').append(v % 10);
      }
    }
  }

  // ---------------------------------------------------------------- ACF / PACF

  /**
   * Bars of a correlogram from lag 0, with the band ±{@code band} shaded (the approximate 95%
   * bound for a white-noise series of n observations is 1.96/√n).
   */
  public static void correlogram(StringBuilder b, List<Object> values, double band, String label) {
    double[] r = doubles(values);
    int w = 640;
    int h = 220;
    open(b, "chart", w, h, label);
    if (r.length == 0) {
      text(b, w / 2.0, h / 2.0, "middle", "empty", "not computed");
      b.append("</svg>");
      return;
    }
    int pw = w - ML - MR;
    int ph = h - MT - MB;
    double lo = -1;
    double hi = 1;
    java.util.function.DoubleUnaryOperator y = v -> MT + ph - (v - lo) / (hi - lo) * ph;
    double xStep = pw / (double) Math.max(r.length, 1);
    if (band > 0 && Double.isFinite(band)) {
      double bb = Math.min(band, 1);
      rect(b, "band", ML, y.applyAsDouble(bb), pw, y.applyAsDouble(-bb) - y.applyAsDouble(bb));
    }
    for (double t : new double[] {-1, -0.5, 0, 0.5, 1}) {
      double yy = y.applyAsDouble(t);
      b.append("<path class=\"").append(t == 0 ? "axis" : "gl").append("\" d=\"M").append(ML).append(' ');
      n(b, yy).append('H').append(ML + pw).append("\"/>");
      text(b, ML - 6, yy + 4, "end", "tick", Format.number(t, 2));
    }
    for (double t : ticks(0, r.length - 1, Math.max(2, pw / 70))) {
      double x = ML + (t + 0.5) * xStep;
      text(b, x, MT + ph + 17, "middle", "tick", Format.number(t, 3));
    }
    b.append("<path class=\"stem\" d=\"");
    double y0 = y.applyAsDouble(0);
    for (int i = 0; i < r.length; i++) {
      if (!Double.isFinite(r[i])) {
        continue;
      }
      b.append('M');
      n(b, ML + (i + 0.5) * xStep).append(' ');
      n(b, y0).append('V');
      n(b, y.applyAsDouble(Math.max(-1, Math.min(1, r[i]))));
    }
    b.append("\" stroke-width=\"");
    n(b, Math.max(1, Math.min(6, xStep * 0.6))).append("\"/>");
    text(b, ML + pw - 4, MT + 14, "end", "legend", "lag →   band ±" + Format.number(band, 3));
    b.append("</svg>");
  }

  // ---------------------------------------------------------------- heatmap

  /** A square matrix of values in [lo, 1] (lo = −1 or 0) as coloured cells, labelled by column. */
  public static void heatmap(StringBuilder b, List<Object> columns, List<Object> matrix, double lo, String label) {
    int k = columns.size();
    int cell = k <= 6 ? 50 : k <= 12 ? 40 : k <= 24 ? 24 : 14;
    int left = 110;
    int top = 10;
    int bottom = 100;
    int w = left + k * cell + 80;
    int h = top + k * cell + bottom;
    open(b, "chart heat", w, h, label);
    boolean values = k <= 12;
    for (int i = 0; i < k; i++) {
      List<?> row = i < matrix.size() && matrix.get(i) instanceof List<?> l ? l : List.of();
      String ri = String.valueOf(columns.get(i));
      text(b, left - 6, top + i * cell + cell / 2.0 + 4, "end", "lab", Html.shorten(ri, 16));
      for (int j = 0; j < k; j++) {
        double v = j < row.size() ? Format.toDouble(row.get(j)) : Double.NaN;
        double x = left + j * cell;
        double yy = top + i * cell;
        b.append("<rect x=\"");
        n(b, x).append("\" y=\"");
        n(b, yy).append("\" width=\"").append(cell - 1).append("\" height=\"").append(cell - 1)
            .append("\" fill=\"").append(Double.isNaN(v) ? "#e4e4e7" : colour(v, lo)).append("\"><title>")
            .append(Html.escape(ri)).append(" × ").append(Html.escape(String.valueOf(columns.get(j))))
            .append(": ").append(Html.escape(Format.number(v, 3))).append("</title></rect>");
        if (values) {
          text(b, x + (cell - 1) / 2.0, yy + (cell - 1) / 2.0 + 4, "middle",
              !Double.isNaN(v) && Math.abs(v) > 0.55 ? "cv inv" : "cv", Double.isNaN(v) ? Format.NONE : Format.number(Math.round(v * 100) / 100.0, 2));
        }
      }
    }
    for (int j = 0; j < k; j++) {
      double x = left + j * cell + cell / 2.0;
      double yy = top + k * cell + 8;
      b.append("<text class=\"lab\" text-anchor=\"end\" transform=\"translate(");
      n(b, x + 4).append(' ');
      n(b, yy).append(") rotate(-45)\">").append(Html.svgText(Html.shorten(String.valueOf(columns.get(j)), 16))).append("</text>");
    }
    // colour scale
    int sx = left + k * cell + 24;
    int sh = k * cell;
    for (int s = 0; s < 20; s++) {
      double v = 1 - (1 - lo) * s / 19.0;
      b.append("<rect x=\"").append(sx).append("\" y=\"");
      n(b, top + sh * s / 20.0).append("\" width=\"12\" height=\"");
      n(b, sh / 20.0 + 0.5).append("\" fill=\"").append(colour(v, lo)).append("\"/>");
    }
    text(b, sx + 16, top + 10, null, "tick", "1");
    text(b, sx + 16, top + sh, null, "tick", lo < 0 ? "−1" : "0");
    b.append("</svg>");
  }

  /** Blue for positive, red for negative association, white at zero (or a single blue ramp from 0). */
  static String colour(double v, double lo) {
    double c = Math.max(-1, Math.min(1, v));
    int r;
    int g;
    int bl;
    if (c >= 0) {
      r = mix(255, 33, c);
      g = mix(255, 102, c);
      bl = mix(255, 172, c);
    } else {
      r = mix(255, 178, -c);
      g = mix(255, 24, -c);
      bl = mix(255, 43, -c);
    }
    return hex(r, g, bl);
  }

  private static int mix(int a, int z, double f) {
    return (int) Math.round(a + (z - a) * f);
  }

  static String hex(int r, int g, int b) {
    char[] d = "0123456789abcdef".toCharArray();
    return new String(new char[] {'#', d[r >> 4], d[r & 15], d[g >> 4], d[g & 15], d[b >> 4], d[b & 15]});
  }

  // ---------------------------------------------------------------- bars

  /** Horizontal bars, one per label, scaled to {@code max}; {@code valueLabels} printed at the end. */
  public static void hbars(StringBuilder b, List<String> labels, double[] values, double max,
      List<String> valueLabels, String cls, String label) {
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
      n(b, Math.max(bw, v > 0 ? 1.5 : 0)).append("\" height=\"").append(rowH - 8).append("\"><title>")
          .append(Html.escape(labels.get(i))).append(": ").append(Html.escape(valueLabels.get(i)))
          .append("</title></rect>");
      text(b, left + pw + 8, y + 16, null, "tick", valueLabels.get(i));
    }
    b.append("</svg>");
  }

  /** A tiny bar for table cells: the share {@code f} as a {@code <meter>} element, styled by the page. */
  public static void meter(StringBuilder b, double f, boolean alert) {
    b.append("<meter").append(alert ? " class=\"alert\"" : "").append(" value=\"");
    double v = Double.isFinite(f) ? Math.max(0, Math.min(1, f)) : 0;
    b.append(Math.round(v * 1000) / 1000.0).append("\"></meter>");
  }

  // ---------------------------------------------------------------- nullity matrix

  /**
   * Columns as vertical strips over the window's rows (top = first row): dark where present, light
   * where missing. {@code runs} holds [start, end) row ranges per column.
   */
  public static void nullity(StringBuilder b, List<String> columns, List<List<Object>> runs, long n, String label) {
    int k = columns.size();
    int colW = Math.max(14, Math.min(60, 640 / Math.max(k, 1)));
    int top = 96;
    int left = 48;
    int ph = 260;
    int w = left + k * colW + 12;
    int h = top + ph + 8;
    open(b, "chart", w, h, label);
    text(b, left - 6, top + 10, "end", "tick", "1");
    text(b, left - 6, top + ph, "end", "tick", Format.count(n));
    for (int i = 0; i < k; i++) {
      double x = left + i * colW;
      b.append("<text class=\"lab\" transform=\"translate(");
      n(b, x + colW / 2.0 + 4).append(' ').append(top - 6).append(") rotate(-60)\">")
          .append(Html.svgText(Html.shorten(columns.get(i), 14))).append("</text>");
      rect(b, "present", x, top, colW - 2, ph);
      for (Object run : runs.get(i)) {
        if (run instanceof List<?> r && r.size() == 2 && n > 0) {
          double s = Format.toDouble(r.get(0));
          double e = Format.toDouble(r.get(1));
          if (Double.isFinite(s) && Double.isFinite(e) && e > s) {
            double ya = top + s / n * ph;
            double yb = top + e / n * ph;
            rect(b, "absent", x, ya, colW - 2, Math.max(yb - ya, 0.8));
          }
        }
      }
    }
    b.append("</svg>");
  }

  // ---------------------------------------------------------------- scatter

  /**
   * A binned scatter: counts[i][j] for x bin i and y bin j, shaded on a logarithmic ramp so a few
   * points stay visible next to dense cells.
   */
  public static void binned(StringBuilder b, List<Object> xEdgeList, List<Object> yEdgeList, List<Object> counts,
      String xName, String yName) {
    double[] xe = doubles(xEdgeList);
    double[] ye = doubles(yEdgeList);
    int w = 300;
    int h = 260;
    open(b, "chart scatter", w, h, yName + " against " + xName);
    if (xe.length < 2 || ye.length < 2) {
      text(b, w / 2.0, h / 2.0, "middle", "empty", "no values");
      b.append("</svg>");
      return;
    }
    double xlo = xe[0];
    double xhi = xe[xe.length - 1];
    double ylo = ye[0];
    double yhi = ye[ye.length - 1];
    double max = 0;
    for (Object row : counts) {
      if (row instanceof List<?> r) {
        for (Object c : r) {
          max = Math.max(max, Format.toDouble(c));
        }
      }
    }
    scatterFrame(b, w, h, xlo, xhi, ylo, yhi, xName, yName);
    int pw = w - SL - MR;
    int ph = h - MT - MB - 14;
    for (int i = 0; i < Math.min(counts.size(), xe.length - 1); i++) {
      if (!(counts.get(i) instanceof List<?> row)) {
        continue;
      }
      for (int j = 0; j < Math.min(row.size(), ye.length - 1); j++) {
        double c = Format.toDouble(row.get(j));
        if (!(c > 0)) {
          continue;
        }
        double xa = SL + sc(xe[i], xlo, xhi) * pw;
        double xb = SL + sc(xe[i + 1], xlo, xhi) * pw;
        double ya = MT + ph - sc(ye[j + 1], ylo, yhi) * ph;
        double yb = MT + ph - sc(ye[j], ylo, yhi) * ph;
        double f = max <= 1 ? 1 : 0.25 + 0.75 * Math.log1p(c) / Math.log1p(max);
        b.append("<rect x=\"");
        n(b, xa).append("\" y=\"");
        n(b, ya).append("\" width=\"");
        n(b, Math.max(xb - xa, 0.8)).append("\" height=\"");
        n(b, Math.max(yb - ya, 0.8)).append("\" fill=\"").append(hex(mix(255, 24, f), mix(255, 78, f), mix(255, 140, f)))
            .append("\"><title>").append(Format.count(c)).append("</title></rect>");
      }
    }
    b.append("</svg>");
  }

  /** A scatter of raw pairs; points that land on the same pixel are drawn once. */
  public static void scatter(StringBuilder b, double[] x, double[] y, String xName, String yName) {
    int w = 300;
    int h = 260;
    open(b, "chart scatter", w, h, yName + " against " + xName);
    double[] xr = finiteRange(x);
    double[] yr = finiteRange(y);
    if (xr == null || yr == null) {
      text(b, w / 2.0, h / 2.0, "middle", "empty", "no values");
      b.append("</svg>");
      return;
    }
    double xlo = xr[0];
    double xhi = xr[1] > xr[0] ? xr[1] : xr[0] + 1;
    double ylo = yr[0];
    double yhi = yr[1] > yr[0] ? yr[1] : yr[0] + 1;
    scatterFrame(b, w, h, xlo, xhi, ylo, yhi, xName, yName);
    int pw = w - SL - MR;
    int ph = h - MT - MB - 14;
    java.util.BitSet seen = new java.util.BitSet((pw + 1) * (ph + 1));
    b.append("<path class=\"pts\" d=\"");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        continue;
      }
      int px = (int) Math.round(sc(x[i], xlo, xhi) * pw);
      int py = (int) Math.round(ph - sc(y[i], ylo, yhi) * ph);
      int key = py * (pw + 1) + px;
      if (key < 0 || seen.get(key)) {
        continue;
      }
      seen.set(key);
      b.append('M').append(SL + px).append(' ').append(MT + py).append("h0");
    }
    b.append("\"/></svg>");
  }

  private static double sc(double v, double lo, double hi) {
    return hi == lo ? 0.5 : (v - lo) / (hi - lo);
  }

  private static void scatterFrame(StringBuilder b, int w, int h, double xlo, double xhi, double ylo, double yhi,
      String xName, String yName) {
    int pw = w - SL - MR;
    int ph = h - MT - MB - 14;
    for (double t : ticks(ylo, yhi, 4)) {
      double y = MT + ph - sc(t, ylo, yhi) * ph;
      b.append("<path class=\"gl\" d=\"M").append(SL).append(' ');
      n(b, y).append('H').append(SL + pw).append("\"/>");
      text(b, SL - 6, y + 4, "end", "tick", Format.number(t, 3));
    }
    for (double t : ticks(xlo, xhi, 3)) {
      double x = SL + sc(t, xlo, xhi) * pw;
      text(b, x, MT + ph + 16, "middle", "tick", Format.number(t, 3));
    }
    b.append("<path class=\"axis\" d=\"M").append(SL).append(' ').append(MT).append('V').append(MT + ph)
        .append('H').append(SL + pw).append("\"/>");
    text(b, SL + pw / 2.0, h - 4, "middle", "lab", Html.shorten(xName, 30));
    b.append("<text class=\"lab\" text-anchor=\"middle\" transform=\"translate(12 ");
    n(b, MT + ph / 2.0).append(") rotate(-90)\">").append(Html.svgText(Html.shorten(yName, 24))).append("</text>");
  }
}
