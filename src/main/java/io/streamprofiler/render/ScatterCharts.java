package io.streamprofiler.render;

import static io.streamprofiler.render.Svg.MB;
import static io.streamprofiler.render.Svg.MR;
import static io.streamprofiler.render.Svg.MT;
import static io.streamprofiler.render.Svg.SL;
import static io.streamprofiler.render.Svg.doubles;
import static io.streamprofiler.render.Svg.finiteRange;
import static io.streamprofiler.render.Svg.hex;
import static io.streamprofiler.render.Svg.mix;
import static io.streamprofiler.render.Svg.n;
import static io.streamprofiler.render.Svg.open;
import static io.streamprofiler.render.Svg.text;
import static io.streamprofiler.render.Svg.ticks;

import java.util.List;

/**
 * Scatter plots of a numeric pair: binned into a two-dimensional histogram, or raw points thinned
 * per pixel.
 */
public final class ScatterCharts {
  private ScatterCharts() {}

  /** Shades of a binned scatter: enough to tell dense from sparse, few enough to draw as paths. */
  static final int SHADES = 8;

  /**
   * A binned scatter: counts[i][j] for x bin i and y bin j, shaded on a logarithmic ramp so a few
   * points stay visible next to dense cells. The cells of one shade are one path, titled with the
   * counts it stands for: a rectangle and a title per cell made these plots half of a report's
   * bytes.
   */
  public static void binned(
      StringBuilder b,
      List<Object> xEdgeList,
      List<Object> yEdgeList,
      List<Object> counts,
      String xName,
      String yName) {
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
    StringBuilder[] paths = new StringBuilder[SHADES];
    double[] least = new double[SHADES];
    double[] most = new double[SHADES];
    for (int i = 0; i < Math.min(counts.size(), xe.length - 1); i++) {
      if (!(counts.get(i) instanceof List<?> row)) {
        continue;
      }
      for (int j = 0; j < Math.min(row.size(), ye.length - 1); j++) {
        double c = Format.toDouble(row.get(j));
        if (!(c > 0)) {
          continue;
        }
        int shade = max <= 1 ? SHADES - 1 : shade(c, max);
        if (paths[shade] == null) {
          paths[shade] = new StringBuilder();
          least[shade] = c;
        }
        least[shade] = Math.min(least[shade], c);
        most[shade] = Math.max(most[shade], c);
        double xa = SL + sc(xe[i], xlo, xhi) * pw;
        double xb = SL + sc(xe[i + 1], xlo, xhi) * pw;
        double ya = MT + ph - sc(ye[j + 1], ylo, yhi) * ph;
        double yb = MT + ph - sc(ye[j], ylo, yhi) * ph;
        StringBuilder d = paths[shade].append('M');
        n(d, xa).append(' ');
        n(d, ya).append('h');
        n(d, Math.max(xb - xa, 0.8)).append('v');
        n(d, Math.max(yb - ya, 0.8)).append('h');
        n(d, -Math.max(xb - xa, 0.8)).append('z');
      }
    }
    for (int k = 0; k < SHADES; k++) {
      if (paths[k] == null) {
        continue;
      }
      double f = (k + 1.0) / SHADES;
      b.append("<path fill=\"")
          .append(hex(mix(255, 24, f), mix(255, 78, f), mix(255, 140, f)))
          .append("\" d=\"")
          .append(paths[k])
          .append("\"><title>");
      Html.append(
          b,
          least[k] == most[k]
              ? Format.count(least[k]) + " rows per cell"
              : Format.count(least[k]) + " to " + Format.count(most[k]) + " rows per cell");
      b.append("</title></path>");
    }
    b.append("</svg>");
  }

  /** The shade of a cell of {@code count} rows: 0 palest; logarithmic, as a few rows must show. */
  static int shade(double count, double max) {
    double f = 0.25 + 0.75 * Math.log1p(count) / Math.log1p(max);
    return Math.min(SHADES - 1, Math.max(0, (int) Math.ceil(f * SHADES) - 1));
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

  private static void scatterFrame(
      StringBuilder b,
      int w,
      int h,
      double xlo,
      double xhi,
      double ylo,
      double yhi,
      String xName,
      String yName) {
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
    b.append("<path class=\"axis\" d=\"M")
        .append(SL)
        .append(' ')
        .append(MT)
        .append('V')
        .append(MT + ph)
        .append('H')
        .append(SL + pw)
        .append("\"/>");
    text(b, SL + pw / 2.0, h - 4, "middle", "lab", Html.shorten(xName, 30));
    b.append("<text class=\"lab\" text-anchor=\"middle\" transform=\"translate(12 ");
    n(b, MT + ph / 2.0)
        .append(") rotate(-90)\">")
        .append(Html.svgText(Html.shorten(yName, 24)))
        .append("</text>");
  }
}
