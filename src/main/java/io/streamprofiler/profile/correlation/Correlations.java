package io.streamprofiler.profile.correlation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The correlation matrices of a profile, exact against pandas 1.5 / scipy 1.10 / ydata-profiling.
 *
 * <p>Numeric input is column-major: {@code columns[j][i]} is the value of column j in row i, all
 * columns of equal length. NaN is missing, and so is ±Infinity: pandas masks non-finite values for
 * Pearson and Kendall, and this class does the same for Spearman, where pandas 1.5 has a quirk
 * (when both columns hold infinities in the same rows it reuses whole-column ranks that counted
 * them; fixture {@code infinity_same_row}). ydata's "auto" fails on infinities (pd.cut refuses
 * them); here they are missing there too.
 *
 * <p>Every coefficient uses the pair's complete rows (min_periods = 1). NaN marks an undefined
 * coefficient: no complete row, one complete row, or a column constant on the complete rows. The
 * Pearson and Spearman diagonals are 1.0 except NaN for a column with fewer than two distinct
 * usable values; the Kendall diagonal is 1.0 whenever the column has a usable value (pandas
 * hard-codes it).
 *
 * <p>The caller chooses the columns, as ydata does: Numeric/TimeSeries columns with more than one
 * distinct value for the numeric methods, Categorical/Boolean columns with 2..100 distinct values
 * for Cramér's V. Thread-safe: no shared state.
 */
public final class Correlations {
  /** ydata-profiling's default {@code correlations.auto.n_bins}. */
  public static final int AUTO_BINS = 10;

  private Correlations() {}

  /** pandas {@code DataFrame.corr(method="pearson")}, columns in the order given. */
  public static CorrelationMatrix pearson(List<String> names, double[][] columns) {
    return pearson(names, prepare(names, columns));
  }

  /** pandas {@code DataFrame.corr(method="spearman")}: average ranks of each pair's rows. */
  public static CorrelationMatrix spearman(List<String> names, double[][] columns) {
    return spearman(names, prepare(names, columns));
  }

  /** pandas {@code DataFrame.corr(method="kendall")}: scipy's tau-b, in O(n log n) per pair. */
  public static CorrelationMatrix kendall(List<String> names, double[][] columns) {
    return kendall(names, prepare(names, columns));
  }

  /** All three numeric matrices, sharing the per-column preparation. */
  public static NumericCorrelations numeric(List<String> names, double[][] columns) {
    NumericColumn[] cols = prepare(names, columns);
    return new NumericCorrelations(
        pearson(names, cols), spearman(names, cols), kendall(names, cols));
  }

  /**
   * ydata-profiling's "cramers" matrix: bias-corrected Cramér's V of each pair's crosstab, null
   * meaning missing. Columns are sorted by name as ydata sorts them. Diagonal 1.0; NaN where the
   * pair has no complete row (ydata's empty crosstab) or exactly one.
   */
  public static CorrelationMatrix cramers(List<String> names, String[][] columns) {
    checkShape(names, columns.length, lengths(columns));
    List<String> sorted = sortedNames(names);
    Map<String, CategoricalColumn> byName = new HashMap<>();
    for (int j = 0; j < names.size(); j++) {
      byName.put(names.get(j), CategoricalColumn.of(columns[j]));
    }
    int k = sorted.size();
    double[][] m = new double[k][k];
    for (int i = 0; i < k; i++) {
      m[i][i] = 1.0;
      for (int j = 0; j < i; j++) {
        long[][] table =
            CategoricalColumn.crosstab(byName.get(sorted.get(j)), byName.get(sorted.get(i)));
        m[i][j] = m[j][i] = table == null ? Double.NaN : CramersV.of(table);
      }
    }
    return new CorrelationMatrix(sorted, m);
  }

  /**
   * ydata-profiling's "auto" matrix over numeric and categorical columns together, sorted by name:
   * Spearman (pairwise, as {@code Series.corr}) between two numerics; otherwise Cramér's V with
   * each numeric column first cut into {@link #AUTO_BINS} equal-width bins over its whole length.
   * Diagonal 1.0. Unlike {@link #cramers}, a pair with no complete row gets 0.0, as ydata's
   * pairwise helper returns for an empty crosstab.
   *
   * @param numericNames names of {@code numericColumns} (column-major, NaN/±Infinity missing)
   * @param categoricalNames names of {@code categoricalColumns} (column-major, null missing)
   */
  public static CorrelationMatrix auto(
      List<String> numericNames,
      double[][] numericColumns,
      List<String> categoricalNames,
      String[][] categoricalColumns) {
    return auto(numericNames, numericColumns, categoricalNames, categoricalColumns, null);
  }

  /**
   * As {@link #auto(List, double[][], List, String[][])}, taking the numeric pairs from {@code
   * spearman}, the Spearman matrix of the same numeric columns, instead of ranking them again (a
   * twentieth of a profile's time): Spearman's rho is computed symmetrically, so the entries are
   * the same bit for bit.
   *
   * @param spearman {@link #spearman} of {@code numericNames}, or null to compute the pairs here
   */
  public static CorrelationMatrix auto(
      List<String> numericNames,
      double[][] numericColumns,
      List<String> categoricalNames,
      String[][] categoricalColumns,
      CorrelationMatrix spearman) {
    if (spearman != null && !spearman.columns().equals(numericNames)) {
      throw new IllegalArgumentException(
          "the Spearman matrix is of " + spearman.columns() + ", not of " + numericNames);
    }
    NumericColumn[] nums = prepare(numericNames, numericColumns);
    checkShape(categoricalNames, categoricalColumns.length, lengths(categoricalColumns));
    if (nums.length > 0
        && categoricalColumns.length > 0
        && nums[0].values.length != categoricalColumns[0].length) {
      throw new IllegalArgumentException("numeric and categorical columns differ in length");
    }
    Map<String, NumericColumn> numeric = new HashMap<>();
    Map<String, CategoricalColumn> categorical = new HashMap<>();
    for (int j = 0; j < nums.length; j++) {
      numeric.put(numericNames.get(j), nums[j]);
    }
    for (int j = 0; j < categoricalColumns.length; j++) {
      if (numeric.containsKey(categoricalNames.get(j))) {
        throw new IllegalArgumentException(
            "column is both numeric and categorical: " + categoricalNames.get(j));
      }
      categorical.put(categoricalNames.get(j), CategoricalColumn.of(categoricalColumns[j]));
    }
    List<String> all = new ArrayList<>(numericNames);
    all.addAll(categoricalNames);
    List<String> sorted = sortedNames(all);
    // Numeric columns enter Cramér's V as their bin labels.
    Map<String, CategoricalColumn> levels = new HashMap<>(categorical);
    numeric.forEach((name, col) -> levels.put(name, UniformBins.cut(col, AUTO_BINS)));

    int k = sorted.size();
    double[][] m = new double[k][k];
    for (int i = 0; i < k; i++) {
      m[i][i] = 1.0;
      String a = sorted.get(i);
      for (int j = 0; j < i; j++) {
        String b = sorted.get(j);
        double v;
        if (numeric.containsKey(a) && numeric.containsKey(b)) {
          v = spearman != null ? spearman.get(b, a) : Spearman.pair(numeric.get(b), numeric.get(a));
        } else {
          long[][] table = CategoricalColumn.crosstab(levels.get(b), levels.get(a));
          v = table == null ? 0.0 : CramersV.of(table);
        }
        m[i][j] = m[j][i] = v;
      }
    }
    return new CorrelationMatrix(sorted, m);
  }

  /**
   * {@code scipy.stats.chisquare(counts).pvalue}: the p-value of the chi-squared goodness-of-fit
   * test against equal counts in every category. NaN for fewer than two categories or all-zero
   * counts.
   */
  public static double chiSquaredUniformPValue(long[] counts) {
    return ChiSquared.uniformPValue(counts);
  }

  private static CorrelationMatrix pearson(List<String> names, NumericColumn[] cols) {
    int n = cols.length == 0 ? 0 : cols[0].values.length;
    double[] reciprocals = Pearson.reciprocals(n);
    return symmetric(names, cols, (x, y) -> Pearson.pair(x, y, reciprocals));
  }

  private static CorrelationMatrix spearman(List<String> names, NumericColumn[] cols) {
    return symmetric(names, cols, Spearman::pair);
  }

  private static CorrelationMatrix kendall(List<String> names, NumericColumn[] cols) {
    int n = cols.length == 0 ? 0 : cols[0].values.length;
    KendallTau tau = new KendallTau(n);
    // pandas sets the Kendall diagonal to 1.0 without calling scipy.
    return symmetric(
        names, cols, (x, y) -> x == y ? (x.count > 0 ? 1.0 : Double.NaN) : tau.pair(x, y));
  }

  private interface PairFunction {
    double apply(NumericColumn x, NumericColumn y);
  }

  /** Fills the lower triangle and the diagonal in pandas' order (column xi with yi <= xi). */
  private static CorrelationMatrix symmetric(
      List<String> names, NumericColumn[] cols, PairFunction f) {
    int k = cols.length;
    double[][] m = new double[k][k];
    for (int xi = 0; xi < k; xi++) {
      for (int yi = 0; yi <= xi; yi++) {
        m[xi][yi] = m[yi][xi] = f.apply(cols[xi], cols[yi]);
      }
    }
    return new CorrelationMatrix(names, m);
  }

  private static NumericColumn[] prepare(List<String> names, double[][] columns) {
    int[] lengths = new int[columns.length];
    for (int j = 0; j < columns.length; j++) {
      lengths[j] = columns[j].length;
    }
    checkShape(names, columns.length, lengths);
    NumericColumn[] cols = new NumericColumn[columns.length];
    for (int j = 0; j < columns.length; j++) {
      cols[j] = new NumericColumn(columns[j]);
    }
    return cols;
  }

  private static int[] lengths(String[][] columns) {
    int[] lengths = new int[columns.length];
    for (int j = 0; j < columns.length; j++) {
      lengths[j] = columns[j].length;
    }
    return lengths;
  }

  private static void checkShape(List<String> names, int count, int[] lengths) {
    if (names.size() != count) {
      throw new IllegalArgumentException(names.size() + " names for " + count + " columns");
    }
    if (names.stream().distinct().count() != names.size()) {
      throw new IllegalArgumentException("duplicate column names: " + names);
    }
    for (int length : lengths) {
      if (length != lengths[0]) {
        throw new IllegalArgumentException("columns differ in length");
      }
    }
  }

  /** Python's {@code sorted} on str compares code points; so does this for BMP names. */
  private static List<String> sortedNames(List<String> names) {
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(null);
    return sorted;
  }
}
