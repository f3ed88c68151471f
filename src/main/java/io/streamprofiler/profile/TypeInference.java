package io.streamprofiler.profile;

import io.streamprofiler.profile.stats.TextSummary;
import io.streamprofiler.profile.timeseries.Autocorrelation;
import io.streamprofiler.record.ColumnType;

/**
 * Decides a column's type for one key-window, as the profile specification says: the event-time
 * column is DateTime; numbers with at most {@code categoricalMaxDistinct} distinct values are
 * Categorical; other numbers are TimeSeries when their autocorrelation at one of the lags 1, 7, 12,
 * 24, 30 reaches the threshold, else Numeric; boolean tokens are Boolean; other text is Categorical
 * when it has at most 50 distinct values covering under half the values, else Text.
 *
 * <p>A declared type ({@link ColumnType}) wins over inference, except that a column with no values
 * in the window stays Unsupported: {@code categorical}, {@code boolean}, {@code text} and {@code
 * datetime} are taken as they are; {@code numeric} skips the few-distinct-values rule (a TimeSeries
 * is still told from a Numeric by its autocorrelation) and is inferred as usual should the column
 * hold text.
 */
final class TypeInference {
  static final int[] AUTOCORRELATION_LAGS = {1, 7, 12, 24, 30};
  private static final int CATEGORICAL_MAX_TEXT_DISTINCT = 50;

  private TypeInference() {}

  static VariableType decide(
      ColumnValues column, int nDistinct, boolean isEventTime, ProfileSettings settings) {
    return decide(column, nDistinct, isEventTime, ColumnType.AUTO, settings);
  }

  static VariableType decide(
      ColumnValues column,
      int nDistinct,
      boolean isEventTime,
      ColumnType declared,
      ProfileSettings settings) {
    if (isEventTime) {
      return VariableType.DateTime;
    }
    if (column.count() == 0) {
      return VariableType.Unsupported;
    }
    switch (declared) {
      case NUMERIC -> {
        if (!column.hasText) {
          return isTimeSeries(column.aligned, settings)
              ? VariableType.TimeSeries
              : VariableType.Numeric;
        }
      }
      case CATEGORICAL -> {
        return VariableType.Categorical;
      }
      case BOOLEAN -> {
        return VariableType.Boolean;
      }
      case TEXT -> {
        return VariableType.Text;
      }
      case DATETIME -> {
        return VariableType.DateTime;
      }
      default -> {
        // inferred below
      }
    }
    if (!column.hasText) {
      if (nDistinct <= settings.categoricalMaxDistinct()) {
        return VariableType.Categorical;
      }
      return isTimeSeries(column.aligned, settings)
          ? VariableType.TimeSeries
          : VariableType.Numeric;
    }
    if (column.texts().stream().allMatch(TypeInference::isBooleanToken)) {
      return VariableType.Boolean;
    }
    boolean fewValues =
        nDistinct <= CATEGORICAL_MAX_TEXT_DISTINCT && (double) nDistinct / column.count() < 0.5;
    return fewValues ? VariableType.Categorical : VariableType.Text;
  }

  /**
   * pandas {@code Series.autocorr(k)} on the row-aligned series, missing values left out pairwise.
   */
  static boolean isTimeSeries(double[] aligned, ProfileSettings settings) {
    for (int lag : AUTOCORRELATION_LAGS) {
      double r = Autocorrelation.autocorrAt(aligned, lag);
      if (r >= settings.timeSeriesAutocorrelation()) {
        return true;
      }
    }
    return false;
  }

  static boolean isBooleanToken(String token) {
    String t = TextSummary.booleanToken(token);
    return t.equals("true") || t.equals("false");
  }
}
