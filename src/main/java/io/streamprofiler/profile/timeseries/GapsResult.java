package io.streamprofiler.profile.timeseries;

import java.util.List;

/**
 * Gap statistics of a column's event times, as ydata-profiling ({@code compute_gap_stats}, 4.5+)
 * reports them. All durations are in seconds and describe the gaps only (not every interval).
 *
 * @param nGaps number of gaps
 * @param min shortest gap duration; 0 when there is no gap
 * @param max longest gap duration; 0 when there is no gap
 * @param mean mean gap duration; 0 when there is no gap
 * @param std sample standard deviation (n - 1) of gap durations; 0 when fewer than 2 gaps
 * @param gaps the gaps in time order, unmodifiable
 */
public record GapsResult(
    int nGaps, double min, double max, double mean, double std, List<Gap> gaps) {

  public GapsResult {
    gaps = List.copyOf(gaps);
  }
}
