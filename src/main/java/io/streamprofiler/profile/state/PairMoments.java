package io.streamprofiler.profile.state;

import io.streamprofiler.record.Blob;
import java.io.IOException;

/**
 * Co-moments of every pair of columns over the rows where both hold finite numbers (pandas'
 * pairwise complete observations): count, both means, both sums of squared deviations and the sum
 * of co-deviations, updated in one pass (Welford) and merged exactly (Chan et al.), so Pearson's r
 * of any union of rows is known without the rows.
 */
final class PairMoments {
  private final int columns;
  private final long[] n;
  private final double[] meanX;
  private final double[] meanY;
  private final double[] m2x;
  private final double[] m2y;
  private final double[] cxy;

  PairMoments(int columns) {
    this.columns = columns;
    int pairs = columns * (columns - 1) / 2;
    n = new long[pairs];
    meanX = new double[pairs];
    meanY = new double[pairs];
    m2x = new double[pairs];
    m2y = new double[pairs];
    cxy = new double[pairs];
  }

  private int index(int i, int j) {
    // pairs (i, j), i < j, row by row
    return i * columns - i * (i + 1) / 2 + (j - i - 1);
  }

  /** One row's values: finite numbers, or NaN where the value is missing, text or infinite. */
  void add(double[] values) {
    for (int i = 0; i < columns; i++) {
      double x = values[i];
      if (!Double.isFinite(x)) {
        continue;
      }
      for (int j = i + 1; j < columns; j++) {
        double y = values[j];
        if (!Double.isFinite(y)) {
          continue;
        }
        int k = index(i, j);
        long count = ++n[k];
        double dx = x - meanX[k];
        double dy = y - meanY[k];
        meanX[k] += dx / count;
        meanY[k] += dy / count;
        m2x[k] += (x - meanX[k]) * dx;
        m2y[k] += (y - meanY[k]) * dy;
        cxy[k] += (x - meanX[k]) * dy;
      }
    }
  }

  void merge(PairMoments o) {
    for (int k = 0; k < n.length; k++) {
      long na = n[k];
      long nb = o.n[k];
      if (nb == 0) {
        continue;
      }
      if (na == 0) {
        n[k] = nb;
        meanX[k] = o.meanX[k];
        meanY[k] = o.meanY[k];
        m2x[k] = o.m2x[k];
        m2y[k] = o.m2y[k];
        cxy[k] = o.cxy[k];
        continue;
      }
      double total = na + nb;
      double dx = o.meanX[k] - meanX[k];
      double dy = o.meanY[k] - meanY[k];
      double w = na * (double) nb / total;
      meanX[k] += dx * nb / total;
      meanY[k] += dy * nb / total;
      m2x[k] += o.m2x[k] + dx * dx * w;
      m2y[k] += o.m2y[k] + dy * dy * w;
      cxy[k] += o.cxy[k] + dx * dy * w;
      n[k] = na + nb;
    }
  }

  /** Pearson's r of columns {@code i} and {@code j}; NaN when undefined. */
  double pearson(int i, int j) {
    if (i == j) {
      return 1.0;
    }
    int k = i < j ? index(i, j) : index(j, i);
    if (n[k] < 1) {
      return Double.NaN;
    }
    double divisor = Math.sqrt(m2x[k] * m2y[k]);
    return divisor != 0 ? cxy[k] / divisor : Double.NaN;
  }

  long count(int i, int j) {
    return n[i < j ? index(i, j) : index(j, i)];
  }

  void write(Blob.Writer out) {
    out.writeVarLong(columns);
    out.writeVarLongs(n, 0, n.length);
    for (double[] a : new double[][] {meanX, meanY, m2x, m2y, cxy}) {
      out.writeDoubles(a, 0, a.length);
    }
  }

  static PairMoments read(Blob.Reader in) throws IOException {
    PairMoments p = new PairMoments(in.readCount());
    in.readVarLongs(p.n, 0, p.n.length);
    for (double[] a : new double[][] {p.meanX, p.meanY, p.m2x, p.m2y, p.cxy}) {
      in.readDoubles(a, 0, a.length);
    }
    return p;
  }
}
