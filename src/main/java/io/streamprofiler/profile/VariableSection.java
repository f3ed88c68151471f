package io.streamprofiler.profile;

import io.streamprofiler.profile.stats.Histogram;
import io.streamprofiler.profile.stats.NumericSummary;
import io.streamprofiler.profile.stats.TextSummary;
import io.streamprofiler.profile.stats.ValueCount;
import io.streamprofiler.profile.stats.ValueCounts;
import io.streamprofiler.record.ColumnType;
import io.streamprofiler.record.Numbers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One column's entry in {@code variables}: the counts every column has, then the statistics of its
 * type (numeric, time series, categorical, boolean, text or date-time), named as ydata-profiling
 * names them.
 */
final class VariableSection {
  static final int TOP = 10;

  private VariableSection() {}

  /** What the rest of the profile needs to know about a described column. */
  record Described(
      ColumnValues column, VariableType type, Map<String, Object> fields, int nDistinct) {}

  /**
   * @param eventTimes the event time (µs) of every row when this is the event-time column, else
   *     null
   */
  static Described describe(ColumnValues column, long[] eventTimes, ProfileSettings settings) {
    return describe(column, eventTimes, ColumnType.AUTO, settings);
  }

  /**
   * @param declared the column's declared type, which wins over inference (see {@link
   *     TypeInference})
   */
  static Described describe(
      ColumnValues column, long[] eventTimes, ColumnType declared, ProfileSettings settings) {
    boolean isEventTime = eventTimes != null;
    int cap = settings.maxDistinctTracked();
    ValueCounts<Double> numberCounts =
        column.hasText ? null : ValueCounts.ofDoubles(column.numbers, cap);
    ValueCounts<String> textCounts = column.hasText ? ValueCounts.of(column.texts(), cap) : null;
    ValueCounts<?> distinct = numberCounts != null ? numberCounts : textCounts;
    // Past the cap there are more distinct values than were kept: inference sees at least one more.
    int nDistinct = distinct.truncated() ? distinct.nDistinct() + 1 : distinct.nDistinct();
    VariableType type = TypeInference.decide(column, nDistinct, isEventTime, declared, settings);
    if (type == VariableType.DateTime && !isEventTime) {
      eventTimes = instants(column.texts());
    }
    if (textCounts == null && type != VariableType.Numeric && type != VariableType.TimeSeries) {
      // Numbers read as categories: each distinct number formatted once. -0.0, which the number
      // counts fold into 0.0 but reads as its own category, takes the long way.
      textCounts =
          column.hasNegativeZero()
              ? ValueCounts.of(column.texts(), cap)
              : numberCounts.labelled(Numbers::format);
    }
    TextSummary booleans =
        type == VariableType.Boolean ? TextSummary.ofBooleanTokens(column.texts()) : null;
    Tree t = Tree.object().put("type", type.name());
    switch (type) {
      case Numeric, TimeSeries -> numeric(t, column, numberCounts);
      case Categorical -> {
        text(t, TextSummary.of(textCounts), column);
        if (numberCounts != null) {
          numeric(Tree.object(), column, numberCounts).forEach((k, val) -> t.putIfAbsent(k, val));
        }
      }
      case Boolean -> text(t, booleans, column);
      case DateTime -> dateTime(t, column, eventTimes, textCounts);
      default -> text(t, TextSummary.of(textCounts), column);
    }
    ValueCounts<String> categories = booleans != null ? booleans.valueCounts() : textCounts;
    if (distinct.truncated()) {
      // The "other" tail: how many values fell outside the tracked ones; n_distinct is a lower
      // bound.
      t.put("value_counts_truncated", true)
          .put("value_counts_other", distinct.otherCount())
          .put("max_distinct_tracked", (long) cap);
    }
    t.putIfPresent("distribution", DistributionSection.of(type, column, numberCounts, categories));
    if (type == VariableType.TimeSeries) {
      TimeSeriesSection.add(t, column, settings);
    }
    return new Described(column, type, t.build(), distinct.nDistinct());
  }

  private static void counts(Tree t, ColumnValues c, long count, int nDistinct, long nUnique) {
    t.put("n", (long) c.n)
        .put("count", count)
        .put("n_missing", (long) c.nMissing)
        .put("p_missing", ratio(c.nMissing, c.n))
        .put("n_distinct", nDistinct)
        .put("p_distinct", ratio(nDistinct, count))
        .put("n_unique", nUnique)
        .put("p_unique", ratio(nUnique, count))
        .put("is_unique", count > 0 && nUnique == count);
  }

  /** Numbers keep their numeric statistics even when few distinct values make them Categorical. */
  private static Map<String, Object> numeric(Tree t, ColumnValues c, ValueCounts<Double> counts) {
    NumericSummary s = NumericSummary.of(c.numbers, c.nMissing, counts, c.sortedFiniteNumbers());
    counts(t, c, s.count(), s.nDistinct(), s.nUnique());
    t.put("value_counts", valueCounts(s.mostCommon()))
        .put("n_negative", s.nNegative())
        .put("p_negative", s.pNegative())
        .put("n_infinite", s.nInfinite())
        .put("p_infinite", s.pInfinite())
        .put("n_zeros", s.nZeros())
        .put("p_zeros", s.pZeros())
        .put("mean", s.mean())
        .put("std", s.std())
        .put("variance", s.variance())
        .put("min", s.min())
        .put("max", s.max())
        .put("range", s.range())
        .put("sum", s.sum())
        .put("skewness", s.skewness())
        .put("kurtosis", s.kurtosis())
        .put("mad", s.mad())
        .put("5%", s.q05())
        .put("25%", s.q25())
        .put("50%", s.q50())
        .put("75%", s.q75())
        .put("95%", s.q95())
        .put("iqr", s.iqr())
        .put("cv", s.cv())
        .put("monotonic", s.monotonic())
        .put("histogram", histogram(s.histogram()))
        .put("extreme_min", valueCounts(s.smallest()))
        .put("extreme_max", valueCounts(s.largest()));
    return t.build();
  }

  private static void text(Tree t, TextSummary s, ColumnValues c) {
    counts(t, c, s.count(), s.nDistinct(), s.nUnique());
    t.put("value_counts", valueCounts(s.mostCommon()))
        .put("imbalance", s.imbalance())
        .put("min_length", s.minLength())
        .put("max_length", s.maxLength())
        .put("mean_length", s.meanLength())
        .put("median_length", s.medianLength())
        .put(
            "chi_squared",
            Tree.object().put("statistic", s.chiSquared()).put("pvalue", s.chiSquaredPValue()));
    if (!s.mostCommon().isEmpty()) {
      t.put("top", s.mostCommon().get(0).value()).put("freq", s.mostCommon().get(0).count());
    }
  }

  private static void dateTime(Tree t, ColumnValues c, long[] times, ValueCounts<String> counts) {
    counts(t, c, c.count(), counts.nDistinct(), counts.nUnique());
    if (times.length == 0) {
      return;
    }
    long min = Arrays.stream(times).min().getAsLong();
    long max = Arrays.stream(times).max().getAsLong();
    double[] seconds = Arrays.stream(times).sorted().mapToDouble(m -> m / 1e6).toArray();
    t.put("min", iso(min))
        .put("max", iso(max))
        .put("range", (max - min) / 1e6)
        .put(
            "histogram",
            histogram(
                Histogram.ofSorted(
                    seconds, Math.min(NumericSummary.MAX_BINS, Math.max(1, counts.nDistinct())))));
  }

  /**
   * The instants of a declared datetime column (ISO-8601 text; what does not parse is left out).
   */
  private static long[] instants(List<String> texts) {
    long[] micros = new long[texts.size()];
    int k = 0;
    for (String text : texts) {
      try {
        Instant i = Instant.parse(text);
        micros[k++] =
            Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
      } catch (java.time.DateTimeException | ArithmeticException e) {
        // not an instant: the row parser holds declared datetimes to ISO-8601, so only direct
        // callers get here
      }
    }
    return Arrays.copyOf(micros, k);
  }

  static String iso(long micros) {
    return Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L)
        .toString();
  }

  static Map<String, Object> histogram(Histogram h) {
    return Tree.object().put("edges", h.edges()).put("counts", h.counts()).build();
  }

  static <T> List<Object> valueCounts(List<ValueCount<T>> counts) {
    List<Object> list = new ArrayList<>(counts.size());
    for (ValueCount<T> vc : counts) {
      list.add(Tree.object().put("value", vc.value()).put("count", vc.count()).build());
    }
    return list;
  }

  static double ratio(double part, double whole) {
    return whole == 0 ? Double.NaN : part / whole;
  }
}
