package io.streamprofiler.profile.correlation;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Timing of one hour of 1 Hz telemetry: 3,600 rows x 7 numeric columns, all three numeric matrices.
 * Not a test; run with {@code java -cp target/classes:target/test-classes:<commons-math3.jar>
 * io.streamprofiler.profile.correlation.CorrelationBench}.
 */
public final class CorrelationBench {
  private CorrelationBench() {}

  public static void main(String[] args) {
    int rows = 3600;
    List<String> names = List.of("co", "humidity", "lpg", "smoke", "temp", "pressure", "light");
    double[][] columns = sensorLike(rows, names.size(), new Random(1));
    double[][] gappy = sensorLike(rows, names.size(), new Random(2));
    Random rnd = new Random(3);
    for (double[] c : gappy) {
      for (int i = 0; i < rows; i++) {
        if (rnd.nextInt(50) == 0) {
          c[i] = Double.NaN;
        }
      }
    }
    double sink = 0;
    for (int i = 0; i < 3000; i++) {
      sink += Correlations.numeric(names, columns).kendall().matrix()[0][1];
      sink += Correlations.numeric(names, gappy).kendall().matrix()[0][1];
    }
    report("complete rows, numeric()", () -> Correlations.numeric(names, columns));
    report("2% NaN per column, numeric()", () -> Correlations.numeric(names, gappy));
    report("complete rows, pearson", () -> Correlations.pearson(names, columns));
    report("complete rows, spearman", () -> Correlations.spearman(names, columns));
    report("complete rows, kendall", () -> Correlations.kendall(names, columns));
    System.out.println("(sink " + sink + ")");
  }

  private static void report(String what, Runnable r) {
    int reps = 500;
    long[] ns = new long[reps];
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      r.run();
      ns[i] = System.nanoTime() - t0;
    }
    Arrays.sort(ns);
    System.out.printf(
        "%-32s median %.3f ms, p90 %.3f ms, min %.3f ms%n",
        what, ns[reps / 2] / 1e6, ns[reps * 9 / 10] / 1e6, ns[0] / 1e6);
  }

  /** Slow drifts plus noise, rounded to sensor resolution so that ties occur. */
  private static double[][] sensorLike(int rows, int cols, Random rnd) {
    double[][] c = new double[cols][rows];
    for (int j = 0; j < cols; j++) {
      double scale = Math.pow(10, j % 3);
      for (int i = 0; i < rows; i++) {
        double v = Math.sin(i / (300.0 + 50 * j)) + 0.3 * rnd.nextGaussian();
        c[j][i] = Math.rint(v * 100 * scale) / (100 * scale);
      }
    }
    return c;
  }
}
