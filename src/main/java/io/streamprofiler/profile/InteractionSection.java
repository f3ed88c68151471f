package io.streamprofiler.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * Interactions: for each pair of numeric columns, a 2-D histogram of the rows where both are
 * finite, so a report can draw a binned scatter plot of any window size in constant space.
 */
final class InteractionSection {
  static final int BINS = 20;

  /** At most this many columns take part (45 pairs): a wide table must not explode the report. */
  static final int MAX_COLUMNS = 10;

  private InteractionSection() {}

  static List<Object> of(List<String> names, List<double[]> columns) {
    int k = Math.min(names.size(), MAX_COLUMNS);
    List<Object> pairs = new ArrayList<>();
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        Tree pair = pair(columns.get(a), columns.get(b));
        if (pair != null) {
          pairs.add(pair.put("x", names.get(a)).put("y", names.get(b)).build());
        }
      }
    }
    return pairs;
  }

  private static Tree pair(double[] x, double[] y) {
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        minX = Math.min(minX, x[i]);
        maxX = Math.max(maxX, x[i]);
        minY = Math.min(minY, y[i]);
        maxY = Math.max(maxY, y[i]);
        n++;
      }
    }
    if (n == 0) {
      return null;
    }
    double[] xEdges = edges(minX, maxX);
    double[] yEdges = edges(minY, maxY);
    long[][] counts = new long[BINS][BINS];
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        counts[bin(x[i], xEdges)][bin(y[i], yEdges)]++;
      }
    }
    List<Object> rows = new ArrayList<>(BINS);
    for (long[] row : counts) {
      rows.add(Tree.value(row));
    }
    return Tree.object()
        .put("n", (long) n)
        .put("x_edges", xEdges)
        .put("y_edges", yEdges)
        .put("counts", rows);
  }

  /** Equal-width edges; a constant column gets one unit-wide range so every value has a bin. */
  private static double[] edges(double min, double max) {
    if (min == max) {
      min -= 0.5;
      max += 0.5;
    }
    double[] e = new double[BINS + 1];
    for (int i = 0; i <= BINS; i++) {
      e[i] = min + (max - min) * i / BINS;
    }
    e[BINS] = max;
    return e;
  }

  private static int bin(double v, double[] edges) {
    int b = (int) ((v - edges[0]) / (edges[BINS] - edges[0]) * BINS);
    return Math.max(0, Math.min(BINS - 1, b));
  }
}
