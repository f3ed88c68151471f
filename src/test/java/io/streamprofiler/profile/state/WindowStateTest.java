package io.streamprofiler.profile.state;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.streamprofiler.record.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.Test;

/**
 * merge(states of the parts) = state of the whole, over random rows split at random (empty and
 * one-row parts included), merged in random order: exactly for counts, extremes, first and last
 * rows and the downsampled series; to rounding for moments and Pearson's r; within the sketches'
 * stated bounds for quantiles, distinct counts and frequent values, measured against the true
 * values of the rows.
 */
public class WindowStateTest {
  private static final int COLUMNS = 6; // ts, a (gaussian), b (a + noise), c (0..5), d (text), e
  private static final String[] WORDS = {"red", "green", "blue", "amber", "violet"};

  private static List<Row> rows(Random random, int n) {
    List<Row> rows = new ArrayList<>();
    long t = 1_594_512_000_000_000L + random.nextInt(1_000_000);
    for (int i = 0; i < n; i++) {
      t += random.nextInt(3) == 0 ? 0 : random.nextInt(2_000_000); // ties too
      double a = random.nextGaussian() * 3 + 10;
      double[] numbers = {
        t / 1e6,
        a,
        random.nextInt(10) == 0 ? Double.NaN : a * 2 + random.nextGaussian(),
        random.nextInt(6),
        Double.NaN,
        random.nextInt(50) == 0
            ? (random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY)
            : Math.round(random.nextGaussian() * 100) / 10.0
      };
      String[] texts = new String[COLUMNS];
      if (random.nextInt(8) != 0) {
        texts[4] = WORDS[Math.min(WORDS.length - 1, (int) Math.abs(random.nextGaussian() * 1.5))];
      }
      rows.add(new Row(i + 1, t, "k", texts, numbers, random.nextInt(20) == 0));
    }
    return rows;
  }

  /** Random parts (some empty, some of one row) of the rows, each as a state, merged at random. */
  private static WindowState splitAndMerge(List<Row> all, Random random) {
    List<Integer> cuts = new ArrayList<>(List.of(0, all.size()));
    int pieces = random.nextInt(6);
    for (int i = 0; i < pieces; i++) {
      cuts.add(random.nextInt(all.size() + 1));
    }
    if (all.size() > 2) {
      int one = random.nextInt(all.size() - 1);
      cuts.add(one);
      cuts.add(one + 1); // a one-row part
    }
    Collections.sort(cuts);
    List<List<Row>> parts = new ArrayList<>();
    for (int i = 0; i + 1 < cuts.size(); i++) {
      parts.add(new ArrayList<>(all.subList(cuts.get(i), cuts.get(i + 1)))); // empty ones too
    }
    Collections.shuffle(parts, random);
    List<WindowState> states = new ArrayList<>();
    for (List<Row> part : parts) {
      // the exact path's way (sorted, in bulk) and the streaming way (row by row, any order)
      if (random.nextBoolean()) {
        states.add(WindowState.ofSorted(part, COLUMNS));
      } else {
        List<Row> shuffled = new ArrayList<>(part);
        Collections.shuffle(shuffled, random);
        states.add(WindowState.fromBytes(WindowState.of(shuffled, COLUMNS).toBytes()));
      }
    }
    WindowState merged = new WindowState(COLUMNS);
    for (WindowState s : states) {
      merged.merge(s);
    }
    return merged;
  }

  @Test
  public void mergingTheStatesOfAnySplitGivesTheStateOfTheWhole() {
    Random random = new Random(2026);
    for (int trial = 0; trial < 60; trial++) {
      int n = new int[] {0, 1, 2, 7, 60, 700, 3_000, 12_000}[trial % 8];
      List<Row> all = rows(random, n);
      WindowState whole = WindowState.of(all, COLUMNS);
      WindowState merged = splitAndMerge(all, random);
      String at = "trial " + trial + " (" + n + " rows)";
      assertExactlyEqual(at, merged, whole);
      assertWithinBounds(at, merged, all);
      assertWithinBounds(at, whole, all);
    }
  }

  @Test
  public void theSeriesKeepsTheFirstRowOfEachStepAndNoMoreThanItsCapacity() {
    Random random = new Random(5);
    List<Row> all = rows(random, 30_000);
    WindowState s = WindowState.of(all, COLUMNS);
    List<Row> series = s.series();
    assertThat(series.size() <= SeriesSample.CAPACITY, is(true));
    long step = s.seriesStepMicros();
    Set<Long> buckets = new HashSet<>();
    for (Row r : series) {
      assertThat(
          "one row per step", buckets.add(Math.floorDiv(r.eventTimeMicros(), step)), is(true));
    }
    // a step half as long would keep more rows than the capacity
    Set<Long> finer = new HashSet<>();
    all.forEach(r -> finer.add(Math.floorDiv(r.eventTimeMicros(), step / 2)));
    assertThat(finer.size() > SeriesSample.CAPACITY, is(true));
    assertThat(s.head(), is(all.subList(0, SeriesSample.ENDS)));
    assertThat(s.tail(), is(all.subList(all.size() - SeriesSample.ENDS, all.size())));
  }

  private static void assertExactlyEqual(String at, WindowState a, WindowState b) {
    assertThat(at, a.rows(), is(b.rows()));
    assertThat(at, a.lateRows(), is(b.lateRows()));
    assertThat(at, a.firstEventMicros(), is(b.firstEventMicros()));
    assertThat(at, a.lastEventMicros(), is(b.lastEventMicros()));
    for (int c = 0; c < COLUMNS; c++) {
      ColumnSummary x = a.column(c);
      ColumnSummary y = b.column(c);
      String col = at + " column " + c;
      assertThat(col, x.missing(), is(y.missing()));
      assertThat(col, x.numbers(), is(y.numbers()));
      assertThat(col, x.texts(), is(y.texts()));
      assertThat(col, x.zeros(), is(y.zeros()));
      assertThat(col, x.negatives(), is(y.negatives()));
      assertThat(col, x.infinite(), is(y.infinite()));
      assertThat(col, same(x.min(), y.min()), is(true));
      assertThat(col, same(x.max(), y.max()), is(true));
      assertThat(col, x.smallest(), is(y.smallest()));
      assertThat(col, x.largest(), is(y.largest()));
      assertThat(col, x.minLength(), is(y.minLength()));
      assertThat(col, x.maxLength(), is(y.maxLength()));
      close(col + " mean", x.mean(), y.mean());
      if (c > 0) {
        // not of epoch seconds (1.6e9 apart by a few): any summation loses ~1e-8 of their variance
        close(col + " variance", x.variance(), y.variance());
        close(col + " skewness", x.skewness(), y.skewness());
        close(col + " kurtosis", x.kurtosis(), y.kurtosis());
      }
      for (int d = 1; d < COLUMNS && c > 0; d++) {
        close(col + " pearson " + d, a.pearson(c, d), b.pearson(c, d));
      }
    }
    assertThat(at, times(a.series()), is(times(b.series())));
    assertThat(at, a.seriesStepMicros(), is(b.seriesStepMicros()));
    assertThat(at, a.head(), is(b.head()));
    assertThat(at, a.tail(), is(b.tail()));
  }

  /** Quantiles, distinct counts and frequent values against the true ones of {@code rows}. */
  private static void assertWithinBounds(String at, WindowState s, List<Row> rows) {
    for (int column = 0; column < COLUMNS; column++) {
      final int c = column;
      ColumnSummary x = s.column(c);
      String col = at + " column " + c;
      double[] finite =
          rows.stream()
              .filter(r -> r.isNumber(c) && Double.isFinite(r.number(c)))
              .mapToDouble(r -> r.number(c))
              .sorted()
              .toArray();
      if (finite.length > 0) {
        double eps = x.quantileRankError();
        for (double q : new double[] {0.05, 0.25, 0.5, 0.75, 0.95}) {
          double v = x.quantile(q);
          // the true ranks the returned value spans; the asked rank must be within eps of them
          int below = lowerBound(finite, v);
          int upTo = upperBound(finite, v);
          double target = q * finite.length;
          double off = target < below ? below - target : target > upTo ? target - upTo : 0;
          assertThat(col + " quantile " + q, off / finite.length, lessThanOrEqualTo(eps));
        }
      }
      Map<Object, Long> truth = new HashMap<>();
      for (Row r : rows) {
        if (!r.isMissing(c)) {
          Object v = r.isNumber(c) ? (Object) (r.number(c) == 0 ? 0.0 : r.number(c)) : r.text(c);
          truth.merge(v, 1L, Long::sum);
        }
      }
      double[] bounds = x.distinctBounds();
      double exactDistinct = truth.size();
      assertThat(
          col + " distinct " + exactDistinct + " in " + Arrays.toString(bounds),
          exactDistinct >= bounds[0] && exactDistinct <= bounds[1],
          is(true));
      for (ColumnSummary.Frequent f : x.mostFrequent(10)) {
        long real = truth.getOrDefault(f.value(), 0L);
        assertThat(
            col + " count of " + f.value(),
            (double) Math.abs(f.count() - real),
            lessThanOrEqualTo((double) x.frequentError()));
      }
    }
  }

  private static int lowerBound(double[] sorted, double v) {
    int i = Arrays.binarySearch(sorted, v);
    if (i < 0) {
      return -i - 1;
    }
    while (i > 0 && sorted[i - 1] == v) {
      i--;
    }
    return i;
  }

  private static int upperBound(double[] sorted, double v) {
    int i = Arrays.binarySearch(sorted, v);
    if (i < 0) {
      return -i - 1;
    }
    while (i < sorted.length - 1 && sorted[i + 1] == v) {
      i++;
    }
    return i + 1;
  }

  private static List<Long> times(List<Row> rows) {
    List<Long> t = new ArrayList<>();
    rows.forEach(r -> t.add(r.eventTimeMicros() * 100_000 + r.line()));
    return t;
  }

  private static boolean same(double a, double b) {
    return Double.compare(a, b) == 0 || (Double.isNaN(a) && Double.isNaN(b));
  }

  private static void close(String what, double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      assertThat(what + ": " + a + " vs " + b, Double.isNaN(a) && Double.isNaN(b), is(true));
      return;
    }
    double scale = Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    assertThat(what + ": " + a + " vs " + b, Math.abs(a - b) / scale, lessThanOrEqualTo(1e-9));
  }
}
