package io.streamprofiler.profile;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Switches and thresholds of the engine, with the defaults of the profile specification. Every
 * field is a pipeline option of the same name (see the README's table).
 *
 * @param correlations which matrices to compute: pearson, spearman, kendall, cramers, auto
 * @param maxLags the largest ACF/PACF lag (further capped at count/2 - 1)
 * @param significance p-value under which the ADF test calls a series stationary
 * @param timeSeriesAutocorrelation lag-k autocorrelation at or above which a numeric column is a
 *     time series
 * @param categoricalMaxDistinct a numeric column with at most this many distinct values is
 *     Categorical
 * @param maxDistinctTracked value counts kept per column before the tail is summarised (bounded
 *     memory)
 */
public record ProfileSettings(
    Set<String> correlations,
    int maxLags,
    double significance,
    double timeSeriesAutocorrelation,
    int categoricalMaxDistinct,
    int maxDistinctTracked,
    double missingThreshold,
    double zerosThreshold,
    double infiniteThreshold,
    double skewnessThreshold,
    double imbalanceThreshold,
    int highCardinalityThreshold,
    double correlationThreshold,
    double uniformThreshold)
    implements Serializable {

  public static final Set<String> ALL_CORRELATIONS =
      Set.of("pearson", "spearman", "kendall", "cramers", "auto");

  public static ProfileSettings defaults() {
    return new ProfileSettings(
        ALL_CORRELATIONS, 100, 0.05, 0.7, 5, 100_000, 0.01, 0.01, 0.01, 20, 0.5, 50, 0.9, 0.999);
  }

  /**
   * These settings with no column read as a time series: for a fleet's pooled rows, whose order
   * interleaves many series and whose autocorrelation means nothing.
   */
  public ProfileSettings withoutTimeSeries() {
    return new ProfileSettings(
        correlations,
        maxLags,
        significance,
        Double.POSITIVE_INFINITY,
        categoricalMaxDistinct,
        maxDistinctTracked,
        missingThreshold,
        zerosThreshold,
        infiniteThreshold,
        skewnessThreshold,
        imbalanceThreshold,
        highCardinalityThreshold,
        correlationThreshold,
        uniformThreshold);
  }

  /** The settings as name → value, written into every report so a profile can be reproduced. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("correlations", String.join(",", correlations.stream().sorted().toList()));
    m.put("maxLags", maxLags);
    m.put("significance", significance);
    m.put("timeSeriesAutocorrelation", timeSeriesAutocorrelation);
    m.put("categoricalMaxDistinct", categoricalMaxDistinct);
    m.put("maxDistinctTracked", maxDistinctTracked);
    m.put("missingThreshold", missingThreshold);
    m.put("zerosThreshold", zerosThreshold);
    m.put("infiniteThreshold", infiniteThreshold);
    m.put("skewnessThreshold", skewnessThreshold);
    m.put("imbalanceThreshold", imbalanceThreshold);
    m.put("highCardinalityThreshold", highCardinalityThreshold);
    m.put("correlationThreshold", correlationThreshold);
    m.put("uniformThreshold", uniformThreshold);
    return m;
  }
}
