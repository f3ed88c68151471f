package io.streamprofiler.profile.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Micro-benchmark of the per-column summaries on one hour of 1 Hz data (3,600 values), not part of
 * the test run: {@code java -cp target/classes:target/test-classes:<commons-math3.jar>
 * io.streamprofiler.profile.stats.StatsBench}. Prints the median and 90th percentile of single-call
 * times after warm-up.
 */
public final class StatsBench {
  private static final int N = 3600;
  private static volatile Object sink;

  private StatsBench() {}

  public static void main(String[] args) {
    Random r = new Random(42);
    double[] continuous = new double[N];
    double[] tied = new double[N];
    List<String> categories = new ArrayList<>(N);
    List<List<String>> rows = new ArrayList<>(N);
    String[] devices = {"00:0f:00:70:91:0a", "1c:bf:ce:15:ec:4d", "b8:27:eb:bf:9d:51"};
    for (int i = 0; i < N; i++) {
      continuous[i] = 0.005 + 1e-4 * r.nextGaussian();
      tied[i] = Math.round((50 + 5 * r.nextGaussian()) * 10) / 10.0; // humidity-like, one decimal
      categories.add(devices[r.nextInt(3)]);
      rows.add(
          List.of(
              devices[r.nextInt(3)], r.nextBoolean() ? "true" : "false", Double.toString(tied[i])));
    }
    bench("NumericSummary.of, 3600 continuous values", () -> NumericSummary.of(continuous));
    bench("NumericSummary.of, 3600 values, ~300 distinct", () -> NumericSummary.of(tied));
    bench("ValueCounts.ofDoubles, 3600 continuous values", () -> ValueCounts.ofDoubles(continuous));
    bench("MomentsState.of, 3600 values", () -> MomentsState.of(continuous));
    bench("TextSummary.of, 3600 values, 3 categories", () -> TextSummary.of(categories));
    bench("Duplicates.of, 3600 rows x 3 columns", () -> Duplicates.of(rows, 10));
  }

  private static void bench(String name, java.util.function.Supplier<Object> task) {
    for (int i = 0; i < 5000; i++) {
      sink = task.get();
    }
    long[] t = new long[3000];
    for (int i = 0; i < t.length; i++) {
      long start = System.nanoTime();
      sink = task.get();
      t[i] = System.nanoTime() - start;
    }
    Arrays.sort(t);
    System.out.printf(
        "%-50s median %7.1f us   p90 %7.1f us%n",
        name, t[t.length / 2] / 1e3, t[t.length * 9 / 10] / 1e3);
  }
}
