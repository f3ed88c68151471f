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
import static io.streamprofiler.render.Svg.ticks;

import java.util.List;

/**
 * Charts over event time and lags: the line of a series (with gaps shaded) and the correlogram of
 * ACF and PACF.
 */
public final class TimeCharts {
  private TimeCharts() {}

  /**
   * A line over event time: {@code t} epoch seconds, {@code v} values (nulls break the line). Gaps
   * (pairs of epoch seconds) are shaded. Dense series are thinned to the minimum and maximum per
   * horizontal pixel, which draws the same envelope.
   */
  public static void line(
      StringBuilder b,
      List<Object> tList,
      List<Object> vList,
      List<double[]> gaps,
      boolean detailed,
      String label) {
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
            n(b, Math.max(xb - xa, 1))
                .append("\" height=\"")
                .append(ph)
                .append("\"><title>gap of ")
                .append(Html.escape(Format.duration(g[1] - g[0])))
                .append(" from ")
                .append(Html.escape(Format.epochSeconds(g[0])))
                .append("</title></rect>");
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
        path.to(
            x0 + (t[i] - tlo) / (thi - tlo) * pw, y0 + ph - (v[i] - vlo) / (vhi - vlo) * ph, pen);
        pen = true;
        continue;
      }
      // one pixel column at a time: its minimum and maximum, in time order, draw the same envelope
      int col = ok ? (int) Math.floor((t[i] - tlo) / (thi - tlo) * pw) : Integer.MIN_VALUE;
      if (column != Integer.MIN_VALUE && col != column) {
        for (int k : lo <= hi ? new int[] {lo, hi} : new int[] {hi, lo}) {
          path.to(
              x0 + (t[k] - tlo) / (thi - tlo) * pw, y0 + ph - (v[k] - vlo) / (vhi - vlo) * ph, pen);
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

  /**
   * Bars of a correlogram from lag 0, with the band ±{@code band} shaded (the approximate 95% bound
   * for a white-noise series of n observations is 1.96/√n).
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
      b.append("<path class=\"")
          .append(t == 0 ? "axis" : "gl")
          .append("\" d=\"M")
          .append(ML)
          .append(' ');
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

  /**
   * Two correlograms as lines over the lags on one frame: the left one in class {@code ll}, the
   * right one in {@code lr}.
   */
  public static void correlogramPair(
      StringBuilder b, List<Object> left, List<Object> right, String label) {
    double[][] sides = {doubles(left), doubles(right)};
    int lags = Math.max(sides[0].length, sides[1].length);
    int w = 480;
    int h = 200;
    open(b, "chart", w, h, label);
    if (lags < 2) {
      text(b, w / 2.0, h / 2.0, "middle", "empty", "not computed");
      b.append("</svg>");
      return;
    }
    int pw = w - ML - MR;
    int ph = h - MT - MB;
    for (double t : new double[] {-1, -0.5, 0, 0.5, 1}) {
      double yy = MT + ph - (t + 1) / 2 * ph;
      b.append("<path class=\"")
          .append(t == 0 ? "axis" : "gl")
          .append("\" d=\"M")
          .append(ML)
          .append(' ');
      n(b, yy).append('H').append(ML + pw).append("\"/>");
      text(b, ML - 6, yy + 4, "end", "tick", Format.number(t, 2));
    }
    for (double t : ticks(0, lags - 1, Math.max(2, pw / 70))) {
      text(b, ML + t / (lags - 1) * pw, MT + ph + 17, "middle", "tick", Format.number(t, 3));
    }
    for (int side = 0; side < 2; side++) {
      double[] v = sides[side];
      if (v.length < 2) {
        continue;
      }
      b.append("<polyline class=\"").append(side == 0 ? "ll" : "lr").append("\" points=\"");
      for (int i = 0; i < v.length; i++) {
        if (Double.isFinite(v[i])) {
          n(b, ML + (double) i / (lags - 1) * pw).append(',');
          n(b, MT + ph - (Math.max(-1, Math.min(1, v[i])) + 1) / 2 * ph).append(' ');
        }
      }
      b.append("\"/>");
    }
    text(b, ML + pw - 4, MT + 14, "end", "legend", "lag →");
    b.append("</svg>");
  }
}
