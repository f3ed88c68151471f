package io.streamprofiler.profile;

import io.streamprofiler.profile.state.ColumnSummary;
import io.streamprofiler.profile.state.WindowState;
import io.streamprofiler.profile.stats.Histogram;
import io.streamprofiler.profile.stats.NumericSummary;
import io.streamprofiler.record.Schema;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Profiles a window from its mergeable state ({@link WindowState}) instead of its rows: a window
 * too large to hold, a roll-up of many windows, or a fleet of keys. The downsampled series is
 * profiled as rows are, and every statistic the state knows of all the rows replaces the series'
 * own before the alerts are decided: counts, missing values, zeros, infinities, minimum, maximum,
 * mean, std, skewness, kurtosis and Pearson's r exactly; quantiles, histograms, distinct counts and
 * most frequent values from sketches, each with its error bound in the report ({@code table.exact:
 * false}, {@code table.estimation}, and {@code estimates} per variable). What needs rows in order
 * (ACF, PACF, ADF, seasonality, gaps, rank correlations, interactions, duplicates, the nullity
 * matrix, mad, monotonicity) comes from the series, as the report says.
 */
public final class StateProfiler implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What the report lists as computed from the downsampled series, not from every row. */
  static final List<String> FROM_SERIES =
      List.of(
          "acf",
          "pacf",
          "adf",
          "seasonal",
          "gaps",
          "series",
          "type",
          "mad",
          "monotonic",
          "imbalance",
          "chi_squared",
          "median_length",
          "n_unique",
          "spearman",
          "kendall",
          "cramers",
          "auto",
          "interactions",
          "duplicates",
          "missing.matrix",
          "missing.heatmap");

  private final Schema schema;
  private final Profiler profiler;
  private final int seriesRows;

  public StateProfiler(Schema schema, ProfileSettings settings) {
    this(schema, settings, WindowState.SERIES_CAPACITY);
  }

  /**
   * @param seriesRows at most this many rows of the series are profiled (the state's own thinned
   *     further by the same rule): roll-ups and fleets, profiled at every firing, take fewer
   */
  public StateProfiler(Schema schema, ProfileSettings settings, int seriesRows) {
    this.schema = schema;
    this.profiler = new Profiler(schema, settings);
    this.seriesRows = seriesRows;
  }

  /**
   * @param context the window; its late-row count is taken from the state
   */
  public Profile profile(WindowState state, WindowContext context) {
    WindowContext withLate =
        new WindowContext(
            context.key(),
            context.startMicros(),
            context.endMicros(),
            context.paneIndex(),
            context.timing(),
            context.isLast(),
            state.lateRows(),
            context.firedAtMillis());
    long[] step = new long[1];
    List<io.streamprofiler.record.Row> series = state.series(seriesRows, step);
    return profiler.profile(series, withLate, new FromState(state, schema, series.size(), step[0]));
  }

  /** The state's statistics over the series' ones. */
  private static final class FromState implements Overrides {
    private final WindowState state;
    private final Schema schema;
    private final long seriesRows;
    private final long seriesStep;

    FromState(WindowState state, Schema schema, long seriesRows, long seriesStep) {
      this.state = state;
      this.schema = schema;
      this.seriesRows = seriesRows;
      this.seriesStep = seriesStep;
    }

    @Override
    public long rows(long given) {
      return state.rows();
    }

    @Override
    public VariableSection.Described variable(int column, VariableSection.Described described) {
      ColumnSummary c = state.column(column);
      Map<String, Object> f = new LinkedHashMap<>(described.fields());
      long rows = c.rows();
      long count = c.count();
      long distinct = Math.min(count, Math.round(c.distinct()));
      f.put("n", rows);
      f.put("count", count);
      f.put("n_missing", c.missing());
      f.put("p_missing", Tree.value(VariableSection.ratio(c.missing(), rows)));
      f.put("n_distinct", distinct);
      f.put("p_distinct", Tree.value(VariableSection.ratio(distinct, count)));
      f.put("n_unique", null);
      f.put("p_unique", null);
      f.put("is_unique", null);
      Tree estimates =
          Tree.object()
              .put(
                  "n_distinct",
                  Tree.object()
                      .put("low", c.distinctBounds()[0])
                      .put("high", c.distinctBounds()[1])
                      .put("confidence", 0.997));
      boolean numbers = f.containsKey("mean");
      if (f.containsKey("value_counts")) {
        f.put("value_counts", frequent(c, numbers));
        estimates.put("value_counts_max_error", c.frequentError());
      }
      if (numbers) {
        numeric(f, c);
        estimates
            .put("quantile_rank_error", c.quantileRankError())
            .put("quantile_confidence", 0.99);
      }
      if (f.containsKey("min_length") && c.texts() == count && count > 0) {
        f.put("min_length", c.minLength());
        f.put("max_length", c.maxLength());
        f.put("mean_length", Tree.value(c.meanLength()));
      }
      if (f.containsKey("top") && !c.mostFrequent(1).isEmpty()) {
        ColumnSummary.Frequent top = c.mostFrequent(1).get(0);
        f.put(
            "top",
            top.value() instanceof Double d
                ? io.streamprofiler.record.Numbers.format(d)
                : top.value());
        f.put("freq", top.count());
      }
      if ("DateTime".equals(f.get("type")) && column == schema.timestampIndex() && rows > 0) {
        f.put("min", VariableSection.iso(state.firstEventMicros()));
        f.put("max", VariableSection.iso(state.lastEventMicros()));
        f.put("range", (state.lastEventMicros() - state.firstEventMicros()) / 1e6);
      }
      f.put("estimates", estimates.build());
      return new VariableSection.Described(
          described.column(),
          described.type(),
          java.util.Collections.unmodifiableMap(f),
          (int) distinct);
    }

    private static List<Object> frequent(ColumnSummary c, boolean numbers) {
      List<Object> list = new ArrayList<>();
      for (ColumnSummary.Frequent v : c.mostFrequent(NumericSummary.TOP)) {
        Object value = v.value();
        if (!numbers && value instanceof Double d) {
          value = io.streamprofiler.record.Numbers.format(d); // numbers read as categories
        }
        list.add(Tree.object().put("value", value).put("count", v.count()).build());
      }
      return list;
    }

    private static void numeric(Map<String, Object> f, ColumnSummary c) {
      long rows = c.rows();
      f.put("n_negative", c.negatives());
      f.put("p_negative", Tree.value(VariableSection.ratio(c.negatives(), rows)));
      f.put("n_infinite", c.infinite());
      f.put("p_infinite", Tree.value(VariableSection.ratio(c.infinite(), rows)));
      f.put("n_zeros", c.zeros());
      f.put("p_zeros", Tree.value(VariableSection.ratio(c.zeros(), rows)));
      f.put("mean", Tree.value(c.mean()));
      f.put("std", Tree.value(c.std()));
      f.put("variance", Tree.value(c.variance()));
      f.put("min", Tree.value(c.min()));
      f.put("max", Tree.value(c.max()));
      f.put("range", Tree.value(c.max() - c.min()));
      f.put("sum", Tree.value(c.sum()));
      f.put("skewness", Tree.value(c.skewness()));
      f.put("kurtosis", Tree.value(c.kurtosis()));
      double q25 = c.quantile(0.25);
      double q75 = c.quantile(0.75);
      f.put("5%", Tree.value(c.quantile(0.05)));
      f.put("25%", Tree.value(q25));
      f.put("50%", Tree.value(c.quantile(0.5)));
      f.put("75%", Tree.value(q75));
      f.put("95%", Tree.value(c.quantile(0.95)));
      f.put("iqr", Tree.value(q75 - q25));
      f.put("cv", Tree.value(c.mean() == 0 ? Double.NaN : c.std() / c.mean()));
      f.put("histogram", histogram(c, f));
      f.put("extreme_min", extremes(c.smallest()));
      f.put("extreme_max", extremes(c.largest()));
      if (f.get("distribution") instanceof Map<?, ?> d) {
        Map<String, Object> dist = new LinkedHashMap<>();
        double[] p = new double[DistributionSection.LEVELS];
        for (int i = 0; i < p.length; i++) {
          p[i] = c.quantile(i / (double) (p.length - 1));
        }
        dist.put("percentiles", c.finite() == 0 ? List.of() : Tree.value(p));
        d.forEach((k, v) -> dist.putIfAbsent(String.valueOf(k), v));
        dist.remove("values"); // exact counts of every value are not known
        f.put("distribution", java.util.Collections.unmodifiableMap(dist));
      }
    }

    /** numpy's bins over the exact range, min(50, distinct) of them, counted from the sketch. */
    private static Map<String, Object> histogram(ColumnSummary c, Map<String, Object> f) {
      if (c.finite() == 0) {
        return VariableSection.histogram(Histogram.EMPTY);
      }
      long distinct = Math.max(1, ((Number) f.get("n_distinct")).longValue());
      int bins = (int) Math.min(NumericSummary.MAX_BINS, distinct);
      double lo = c.min();
      double hi = c.max();
      if (lo == hi) {
        lo -= 0.5;
        hi += 0.5;
      }
      double[] edges = Histogram.linspace(lo, hi, bins + 1);
      return VariableSection.histogram(new Histogram(edges, c.histogram(edges)));
    }

    private static List<Object> extremes(List<Map.Entry<Double, Long>> values) {
      List<Object> list = new ArrayList<>();
      for (Map.Entry<Double, Long> e : values) {
        list.add(Tree.object().put("value", e.getKey()).put("count", e.getValue()).build());
      }
      return list;
    }

    @Override
    public Map<String, Object> correlations(Map<String, Object> correlations) {
      Object pearson = correlations.get("pearson");
      if (!(pearson instanceof Map<?, ?> p) || !(p.get("columns") instanceof List<?> names)) {
        return correlations;
      }
      int[] index = new int[names.size()];
      for (int i = 0; i < index.length; i++) {
        index[i] = schema.columns().indexOf(String.valueOf(names.get(i)));
      }
      List<Object> matrix = new ArrayList<>();
      for (int i = 0; i < index.length; i++) {
        double[] row = new double[index.length];
        for (int j = 0; j < index.length; j++) {
          row[j] = state.pearson(index[i], index[j]);
        }
        matrix.add(Tree.value(row));
      }
      Map<String, Object> exact = new LinkedHashMap<>();
      p.forEach((k, v) -> exact.put(String.valueOf(k), v));
      exact.put("matrix", matrix);
      Map<String, Object> all = new LinkedHashMap<>(correlations);
      all.put("pearson", java.util.Collections.unmodifiableMap(exact));
      return java.util.Collections.unmodifiableMap(all);
    }

    @Override
    public Map<String, Object> table(Map<String, Object> table) {
      Map<String, Object> t = new LinkedHashMap<>(table);
      long rows = state.rows();
      long cells = rows * schema.size();
      long missing = 0;
      long withMissing = 0;
      long allMissing = 0;
      for (int c = 0; c < schema.size(); c++) {
        long m = state.column(c).missing();
        missing += m;
        withMissing += m > 0 ? 1 : 0;
        allMissing += m == rows ? 1 : 0;
      }
      t.put("n", rows);
      t.put("n_cells_missing", missing);
      t.put("p_cells_missing", Tree.value(VariableSection.ratio(missing, cells)));
      t.put("n_vars_with_missing", withMissing);
      t.put("n_vars_all_missing", allMissing);
      if (rows > 0) {
        t.put("first_event", VariableSection.iso(state.firstEventMicros()));
        t.put("last_event", VariableSection.iso(state.lastEventMicros()));
      }
      t.put("exact", false);
      t.put(
          "estimation",
          Tree.object()
              .put(
                  "exact",
                  List.of(
                      "n",
                      "count",
                      "n_missing",
                      "n_zeros",
                      "n_negative",
                      "n_infinite",
                      "mean",
                      "std",
                      "variance",
                      "min",
                      "max",
                      "sum",
                      "skewness",
                      "kurtosis",
                      "extreme_min",
                      "extreme_max",
                      "pearson",
                      "first_event",
                      "last_event"))
              .put(
                  "sketched",
                  Tree.object()
                      .put(
                          "quantiles",
                          "KLL, k=200: rank error in each variable's estimates (99% confidence)")
                      .put("histogram", "counts from the KLL sketch over the exact range")
                      .put(
                          "n_distinct",
                          "HyperLogLog, 2^12 registers: bounds in each variable's estimates (99.7%)")
                      .put(
                          "value_counts",
                          "frequent items, 128 counters: max error in each variable's estimates"))
              .put("series_rows", seriesRows)
              .put("series_step_seconds", seriesStep / 1e6)
              .put("from_series", FROM_SERIES)
              .build());
      return java.util.Collections.unmodifiableMap(t);
    }

    @Override
    public Map<String, Object> missing(Map<String, Object> missing) {
      Map<String, Object> m = new LinkedHashMap<>(missing);
      Map<String, Object> bar = new LinkedHashMap<>();
      for (int c = 0; c < schema.size(); c++) {
        bar.put(schema.column(c), state.column(c).missing());
      }
      m.put("n", state.rows());
      m.put("bar", java.util.Collections.unmodifiableMap(bar));
      m.put("series_rows", seriesRows);
      return java.util.Collections.unmodifiableMap(m);
    }

    @Override
    public Map<String, Object> sample(Map<String, Object> sample) {
      Map<String, Object> s = new LinkedHashMap<>(sample);
      s.put("head", TableSection.asText(state.head(), schema.size()));
      s.put("tail", TableSection.asText(state.tail(), schema.size()));
      return java.util.Collections.unmodifiableMap(s);
    }
  }
}
