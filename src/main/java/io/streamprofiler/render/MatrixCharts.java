package io.streamprofiler.render;

import static io.streamprofiler.render.Svg.colour;
import static io.streamprofiler.render.Svg.n;
import static io.streamprofiler.render.Svg.open;
import static io.streamprofiler.render.Svg.rect;
import static io.streamprofiler.render.Svg.text;

import java.util.List;

/** Charts of a matrix: the correlation heatmap and the nullity matrix. */
public final class MatrixCharts {
  private MatrixCharts() {}

  private static final int SCALE_STEPS = 20;

  // The colours of the scale beside every heatmap, from 1 down to lo: the same on every page.
  private static final String[] SIGNED_SCALE = scale(-1);
  private static final String[] UNSIGNED_SCALE = scale(0);

  private static String[] scale(double lo) {
    String[] colours = new String[SCALE_STEPS];
    for (int s = 0; s < SCALE_STEPS; s++) {
      colours[s] = colour(1 - (1 - lo) * s / (SCALE_STEPS - 1.0), lo);
    }
    return colours;
  }

  /** A square matrix of values in [lo, 1] (lo = −1 or 0) as coloured cells, labelled by column. */
  public static void heatmap(
      StringBuilder b, List<Object> columns, List<Object> matrix, double lo, String label) {
    int k = columns.size();
    int cell = k <= 6 ? 50 : k <= 12 ? 40 : k <= 24 ? 24 : 14;
    int left = 110;
    int top = 10;
    int bottom = 100;
    int w = left + k * cell + 80;
    int h = top + k * cell + bottom;
    open(b, "chart heat", w, h, label);
    boolean values = k <= 12;
    String[] escaped = new String[k]; // each name is in k titles
    for (int i = 0; i < k; i++) {
      escaped[i] = Html.escape(String.valueOf(columns.get(i)));
    }
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
        n(b, yy)
            .append("\" width=\"")
            .append(cell - 1)
            .append("\" height=\"")
            .append(cell - 1)
            .append("\" fill=\"")
            .append(Double.isNaN(v) ? "#e4e4e7" : colour(v, lo))
            .append("\"><title>")
            .append(escaped[i])
            .append(" &#xD7; ")
            .append(escaped[j])
            .append(": ")
            .append(Html.escape(Format.number(v, 3)))
            .append("</title></rect>");
        if (values) {
          text(
              b,
              x + (cell - 1) / 2.0,
              yy + (cell - 1) / 2.0 + 4,
              "middle",
              !Double.isNaN(v) && Math.abs(v) > 0.55 ? "cv inv" : "cv",
              Double.isNaN(v) ? Format.NONE : Format.number(Math.round(v * 100) / 100.0, 2));
        }
      }
    }
    for (int j = 0; j < k; j++) {
      double x = left + j * cell + cell / 2.0;
      double yy = top + k * cell + 8;
      b.append("<text class=\"lab\" text-anchor=\"end\" transform=\"translate(");
      n(b, x + 4).append(' ');
      n(b, yy)
          .append(") rotate(-45)\">")
          .append(Html.svgText(Html.shorten(String.valueOf(columns.get(j)), 16)))
          .append("</text>");
    }
    // colour scale
    int sx = left + k * cell + 24;
    int sh = k * cell;
    String[] scale = lo < 0 ? SIGNED_SCALE : UNSIGNED_SCALE;
    for (int s = 0; s < SCALE_STEPS; s++) {
      b.append("<rect x=\"").append(sx).append("\" y=\"");
      n(b, top + sh * s / (double) SCALE_STEPS).append("\" width=\"12\" height=\"");
      n(b, sh / (double) SCALE_STEPS + 0.5).append("\" fill=\"").append(scale[s]).append("\"/>");
    }
    text(b, sx + 16, top + 10, null, "tick", "1");
    text(b, sx + 16, top + sh, null, "tick", lo < 0 ? "−1" : "0");
    b.append("</svg>");
  }

  /**
   * Columns as vertical strips over the window's rows (top = first row): dark where present, light
   * where missing. {@code runs} holds [start, end) row ranges per column.
   */
  public static void nullity(
      StringBuilder b, List<String> columns, List<List<Object>> runs, long n, String label) {
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
      n(b, x + colW / 2.0 + 4)
          .append(' ')
          .append(top - 6)
          .append(") rotate(-60)\">")
          .append(Html.svgText(Html.shorten(columns.get(i), 14)))
          .append("</text>");
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
}
