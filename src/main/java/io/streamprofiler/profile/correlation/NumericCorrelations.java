package io.streamprofiler.profile.correlation;

/**
 * The three numeric matrices of one key-window, over the same columns, computed in one call so that
 * column preparation (finite masks, ranks) is shared.
 *
 * @param pearson as {@link Correlations#pearson}
 * @param spearman as {@link Correlations#spearman}
 * @param kendall as {@link Correlations#kendall}
 */
public record NumericCorrelations(
    CorrelationMatrix pearson, CorrelationMatrix spearman, CorrelationMatrix kendall) {}
