package io.streamprofiler.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * The missing-values section: the count per column (bar chart), where in the window each column is
 * missing (nullity matrix, as runs of row positions so it stays small), and the nullity correlation
 * between columns when two or more are partly missing.
 */
final class MissingSection {
  private MissingSection() {}

  static Tree of(List<ColumnValues> columns, int n) {
    Tree bar = Tree.object();
    Tree matrix = Tree.object();
    List<ColumnValues> partly = new ArrayList<>();
    for (ColumnValues c : columns) {
      bar.put(c.name, (long) c.nMissing);
      matrix.put(c.name, runs(c.missing));
      if (c.nMissing > 0 && c.nMissing < n) {
        partly.add(c);
      }
    }
    Tree section = Tree.object().put("n", (long) n).put("bar", bar).put("matrix", matrix);
    if (partly.size() >= 2) {
      section.put("heatmap", nullityCorrelation(partly));
    }
    return section;
  }

  /** Missing positions as [start, end) runs: 3,600 rows with a few gaps cost a few numbers. */
  static List<Object> runs(boolean[] missing) {
    List<Object> runs = new ArrayList<>();
    int i = 0;
    while (i < missing.length) {
      if (!missing[i]) {
        i++;
        continue;
      }
      int start = i;
      while (i < missing.length && missing[i]) {
        i++;
      }
      runs.add(List.of((long) start, (long) i));
    }
    return runs;
  }

  /** Pearson correlation of the missing indicators, as missingno's heatmap draws it. */
  private static Tree nullityCorrelation(List<ColumnValues> columns) {
    int k = columns.size();
    double[][] m = new double[k][k];
    List<String> names = new ArrayList<>();
    for (int a = 0; a < k; a++) {
      names.add(columns.get(a).name);
      for (int b = 0; b < k; b++) {
        m[a][b] =
            a == b ? 1.0 : indicatorCorrelation(columns.get(a).missing, columns.get(b).missing);
      }
    }
    return Tree.object().put("columns", names).put("matrix", m);
  }

  private static double indicatorCorrelation(boolean[] x, boolean[] y) {
    int n = x.length;
    double n11 = 0;
    double n1x = 0;
    double nx1 = 0;
    for (int i = 0; i < n; i++) {
      if (x[i]) {
        n1x++;
      }
      if (y[i]) {
        nx1++;
      }
      if (x[i] && y[i]) {
        n11++;
      }
    }
    double cov = n11 / n - (n1x / n) * (nx1 / n);
    double vx = (n1x / n) * (1 - n1x / n);
    double vy = (nx1 / n) * (1 - nx1 / n);
    return cov / Math.sqrt(vx * vy);
  }
}
