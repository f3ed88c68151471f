package io.streamprofiler.profile;

import io.streamprofiler.profile.timeseries.AdfTest;
import io.streamprofiler.profile.timeseries.Autocorrelation;
import io.streamprofiler.profile.timeseries.Gaps;
import io.streamprofiler.profile.timeseries.Seasonality;
import java.util.ArrayList;
import java.util.List;

/**
 * The time-series part of a TimeSeries column: autocorrelations, the ADF test, seasonality,
 * stationarity, gaps in event time, and a down-sampled copy of the series for the line chart.
 */
final class TimeSeriesSection {
  /** Most points kept for the line chart: bucketed as min and max so spikes stay visible. */
  static final int MAX_SERIES_POINTS = 1000;

  private TimeSeriesSection() {}

  static void add(Tree t, ColumnValues c, ProfileSettings settings) {
    double[] x = c.finiteNumbers();
    long[] times = c.finiteTimes();
    Tree autocorr = Tree.object();
    for (int lag : TypeInference.AUTOCORRELATION_LAGS) {
      autocorr.put(Integer.toString(lag), Autocorrelation.autocorrAt(c.aligned, lag));
    }
    int lags = Math.min(settings.maxLags(), Autocorrelation.defaultLags(x.length));
    io.streamprofiler.profile.timeseries.AdfResult adf = AdfTest.test(x);
    io.streamprofiler.profile.timeseries.SeasonalityResult seasonality = Seasonality.detect(x);
    boolean stationary =
        adf != null && adf.pvalue() < settings.significance() && !seasonality.seasonal();
    t.put("autocorr_at", autocorr)
        .put("acf", lags > 0 ? Autocorrelation.acf(x, lags) : new double[0])
        .put("pacf", lags > 0 ? Autocorrelation.pacf(x, lags) : new double[0])
        .put(
            "adf",
            adf == null
                ? null
                : Tree.object()
                    .put("statistic", adf.statistic())
                    .put("pvalue", adf.pvalue())
                    .put("usedlag", adf.usedlag())
                    .put("nobs", adf.nobs())
                    .put(
                        "critical",
                        Tree.object()
                            .put("1%", adf.critical1())
                            .put("5%", adf.critical5())
                            .put("10%", adf.critical10())))
        .put("seasonal", seasonality.seasonal())
        .put("seasonal_periods", seasonality.periods())
        .put("stationary", stationary)
        .put("gaps", gaps(Gaps.of(times)))
        .put("series", series(times, x));
  }

  private static Tree gaps(io.streamprofiler.profile.timeseries.GapsResult g) {
    List<Object> list = new ArrayList<>();
    for (io.streamprofiler.profile.timeseries.Gap gap : g.gaps()) {
      list.add(
          Tree.object()
              .put("start", VariableSection.iso(gap.startMicros()))
              .put("end", VariableSection.iso(gap.endMicros()))
              .build());
    }
    return Tree.object()
        .put("n_gaps", g.nGaps())
        .put("min", g.min())
        .put("max", g.max())
        .put("mean", g.mean())
        .put("std", g.std())
        .put("list", list);
  }

  /** Event time (epoch seconds) and value pairs, at most {@link #MAX_SERIES_POINTS} of them. */
  static Tree series(long[] times, double[] x) {
    int n = x.length;
    if (n <= MAX_SERIES_POINTS) {
      double[] t = new double[n];
      for (int i = 0; i < n; i++) {
        t[i] = times[i] / 1e6;
      }
      return Tree.object().put("t", t).put("v", x);
    }
    int buckets = MAX_SERIES_POINTS / 2;
    double[] t = new double[buckets * 2];
    double[] v = new double[buckets * 2];
    for (int b = 0; b < buckets; b++) {
      int from = (int) ((long) b * n / buckets);
      int to = (int) ((long) (b + 1) * n / buckets);
      int lo = from;
      int hi = from;
      for (int i = from; i < to; i++) {
        if (x[i] < x[lo]) {
          lo = i;
        }
        if (x[i] > x[hi]) {
          hi = i;
        }
      }
      int first = Math.min(lo, hi);
      int second = Math.max(lo, hi);
      t[2 * b] = times[first] / 1e6;
      v[2 * b] = x[first];
      t[2 * b + 1] = times[second] / 1e6;
      v[2 * b + 1] = x[second];
    }
    return Tree.object().put("t", t).put("v", v).put("downsampled", true);
  }
}
