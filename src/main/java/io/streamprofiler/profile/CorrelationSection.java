package io.streamprofiler.profile;

import io.streamprofiler.profile.correlation.CorrelationMatrix;
import io.streamprofiler.profile.correlation.Correlations;
import io.streamprofiler.profile.correlation.NumericCorrelations;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The correlation matrices asked for in the settings: Pearson, Spearman and Kendall over the
 * numeric columns with more than one distinct value, Cramér's V over categorical and boolean
 * columns with 2 to 100 distinct values, and ydata-profiling's "auto" over both.
 */
final class CorrelationSection {
  private static final int CRAMERS_MAX_DISTINCT = 100;

  private CorrelationSection() {}

  /** The all-number columns with more than one distinct value: the ones numeric methods compare. */
  record NumericColumns(List<String> names, List<double[]> values) {}

  static NumericColumns numericColumns(List<VariableSection.Described> vars) {
    List<String> names = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (VariableSection.Described v : vars) {
      if (isNumeric(v)) {
        names.add(v.column().name);
        values.add(v.column().aligned);
      }
    }
    return new NumericColumns(names, values);
  }

  private static boolean isNumeric(VariableSection.Described v) {
    // every all-number column, also one shown as Categorical for having few distinct values
    return !v.column().hasText
        && v.column().count() > 0
        && v.nDistinct() > 1
        && v.type() != VariableType.DateTime;
  }

  static Tree of(List<VariableSection.Described> vars, Set<String> methods) {
    NumericColumns numericColumns = numericColumns(vars);
    List<String> numericNames = numericColumns.names();
    List<double[]> numeric = numericColumns.values();
    List<String> categoricalNames = new ArrayList<>();
    List<String[]> categorical = new ArrayList<>();
    for (VariableSection.Described v : vars) {
      if (!isNumeric(v)
          && v.type().isCategorical()
          && v.nDistinct() >= 2
          && v.nDistinct() <= CRAMERS_MAX_DISTINCT) {
        categoricalNames.add(v.column().name);
        categorical.add(categoryPerRow(v));
      }
    }
    Tree t = Tree.object();
    double[][] nums = numeric.toArray(new double[0][]);
    String[][] cats = categorical.toArray(new String[0][]);
    CorrelationMatrix spearman = null;
    if (numericNames.size() >= 2
        && (methods.contains("pearson")
            || methods.contains("spearman")
            || methods.contains("kendall"))) {
      NumericCorrelations c = Correlations.numeric(numericNames, nums);
      put(t, methods, "pearson", c.pearson());
      put(t, methods, "spearman", c.spearman());
      put(t, methods, "kendall", c.kendall());
      spearman = c.spearman();
    }
    if (categoricalNames.size() >= 2) {
      put(t, methods, "cramers", Correlations.cramers(categoricalNames, cats));
    }
    if (numericNames.size() + categoricalNames.size() >= 2) {
      put(
          t,
          methods,
          "auto",
          Correlations.auto(numericNames, nums, categoricalNames, cats, spearman));
    }
    return t;
  }

  /** The category of each row (null where missing), as the crosstabs of Cramér's V need them. */
  private static String[] categoryPerRow(VariableSection.Described v) {
    ColumnValues c = v.column();
    String[] perRow = new String[c.n];
    int k = 0;
    boolean booleans = v.type() == VariableType.Boolean;
    for (int i = 0; i < c.n; i++) {
      if (!c.missing[i]) {
        String text = c.texts().get(k++);
        perRow[i] =
            booleans ? io.streamprofiler.profile.stats.TextSummary.booleanToken(text) : text;
      }
    }
    return perRow;
  }

  private static void put(Tree t, Set<String> methods, String method, CorrelationMatrix m) {
    if (methods.contains(method)) {
      t.put(method, Tree.object().put("columns", m.columns()).put("matrix", m.matrix()));
    }
  }
}
