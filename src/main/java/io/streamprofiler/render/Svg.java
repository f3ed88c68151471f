package io.streamprofiler.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The primitives of the small inline-SVG charts ({@link BarCharts}, {@link TimeCharts}, {@link
 * MatrixCharts}, {@link ScatterCharts}): coordinates, the svg element, text, rectangles, ticks,
 * axes and colours. Each method appends one {@code <svg>} element that scales with its container (a
 * viewBox, no fixed size) and is styled by the report's stylesheet through classes; colours that
 * encode values are presentation attributes, never style attributes, so the page's
 * Content-Security-Policy can forbid inline styles. Every label that comes from the data is
 * escaped. The charts draw the numbers they are given: ticks, scales and pixel-level thinning of
 * dense series are the only things computed here.
 */
public final class Svg {
  private Svg() {}

  /** Margins of charts with axes: left, right, top, bottom. */
  static final int ML = 56;

  /** Left margin of scatter plots: room for tick labels and the rotated axis name. */
  static final int SL = 66;

  static final int MR = 12;
  static final int MT = 10;
  static final int MB = 28;

  // ---------------------------------------------------------------- primitives

  /**
   * Appends {@code v} rounded to one decimal: enough for coordinates in a viewBox of a few hundred
   * units.
   */
  static StringBuilder n(StringBuilder b, double v) {
    if (!Double.isFinite(v)) {
      return b.append('0');
    }
    long r = Math.round(v * 10);
    if (r < 0) {
      b.append('-');
      r = -r;
    }
    if (r >= 0 && r <= Integer.MAX_VALUE) {
      // int arithmetic: compiled by C1, a long division is a call into the VM (this runs for
      // every coordinate of every chart)
      int ri = (int) r;
      b.append(ri / 10);
      int f = ri % 10;
      if (f != 0) {
        b.append('.').append((char) ('0' + f));
      }
      return b;
    }
    b.append(r / 10);
    long f = r % 10;
    if (f != 0) {
      b.append('.').append(f);
    }
    return b;
  }

  static void open(StringBuilder b, String cls, int w, int h, String label) {
    b.append("<svg class=\"")
        .append(cls)
        .append("\" width=\"")
        .append(w)
        .append("\" viewBox=\"0 0 ")
        .append(w)
        .append(' ')
        .append(h)
        .append("\" role=\"img\" aria-label=\"")
        .append(Html.attribute(label))
        .append("\">");
  }

  static void text(StringBuilder b, double x, double y, String anchor, String cls, String s) {
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

  static void rect(StringBuilder b, String cls, double x, double y, double w, double h) {
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

  static double[] finiteRange(double[] v) {
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

  static final double[] TIME_STEPS = {
    1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
    172800, 604800
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

  static String tickLabel(double v, boolean time, double span) {
    return time ? Format.clock(v, span < 600) : Format.number(v, 3);
  }

  /** Axes frame, y grid lines with labels, x ticks with labels. */
  static void axes(
      StringBuilder b,
      int w,
      int h,
      double xlo,
      double xhi,
      double ylo,
      double yhi,
      boolean timeX,
      boolean yTicks) {
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
    double[] xt =
        timeX ? timeTicks(xlo, xhi, Math.max(2, pw / 110)) : ticks(xlo, xhi, Math.max(2, pw / 90));
    for (double t : xt) {
      double x = ML + (xhi == xlo ? pw / 2.0 : (t - xlo) / (xhi - xlo) * pw);
      b.append("<path class=\"axis\" d=\"M");
      n(b, x).append(' ').append(MT + ph).append("v4\"/>");
      text(b, x, MT + ph + 17, "middle", "tick", tickLabel(t, timeX, xhi - xlo));
    }
    b.append("<path class=\"axis\" d=\"M")
        .append(ML)
        .append(' ')
        .append(MT + ph)
        .append('H')
        .append(ML + pw)
        .append("\"/>");
  }

  /**
   * Blue for positive, red for negative association, white at zero (or a single blue ramp from 0).
   */
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

  static int mix(int a, int z, double f) {
    return (int) Math.round(a + (z - a) * f);
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  static String hex(int r, int g, int b) {
    char[] d = HEX;
    return new String(
        new char[] {'#', d[r >> 4], d[r & 15], d[g >> 4], d[g & 15], d[b >> 4], d[b & 15]});
  }
}
