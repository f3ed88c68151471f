package io.streamprofiler.profile.timeseries;

import java.util.Arrays;
import java.util.Random;

/**
 * Speed check, not a test: acf + pacf (100 lags) + ADF + seasonality on one 3,600-point series (an
 * hour of 1 Hz readings). Run after {@code mvn -o test-compile}: {@code java -cp
 * target/test-classes:target/classes:<commons-math3.jar>
 * io.streamprofiler.profile.timeseries.TimeSeriesBench}.
 */
public final class TimeSeriesBench {

  private TimeSeriesBench() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 3600;
    Random rnd = new Random(42);
    double[] x = new double[n];
    double a = 0.0;
    double b = 0.0;
    for (int t = 0; t < n; t++) {
      double v = 0.5 * a + 0.3 * b + rnd.nextGaussian();
      b = a;
      a = v;
      x[t] = 20.0 + 0.5 * Math.sin(2 * Math.PI * t / 60.0) + 0.1 * v;
    }
    int lags = Autocorrelation.defaultLags(n);
    double sink = 0.0;
    for (int i = 0; i < 3000; i++) { // warm-up: let the JIT compile every path
      sink += run(x, lags);
    }
    int reps = 500;
    long[] acf = new long[reps];
    long[] pacf = new long[reps];
    long[] adf = new long[reps];
    long[] season = new long[reps];
    long[] total = new long[reps];
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      sink += Autocorrelation.acf(x, lags)[1];
      long t1 = System.nanoTime();
      sink += Autocorrelation.pacf(x, lags)[1];
      long t2 = System.nanoTime();
      sink += AdfTest.test(x).statistic();
      long t3 = System.nanoTime();
      sink += Seasonality.detect(x).periods().length;
      long t4 = System.nanoTime();
      acf[i] = t1 - t0;
      pacf[i] = t2 - t1;
      adf[i] = t3 - t2;
      season[i] = t4 - t3;
      total[i] = t4 - t0;
    }
    System.out.printf(
        "n=%d, %d lags, ADF usedlag %d; median (p90) per call over %d runs:%n",
        n, lags, AdfTest.test(x).usedlag(), reps);
    print("acf", acf);
    print("pacf", pacf);
    print("adf", adf);
    print("seasonality", season);
    print("total", total);
    if (sink == 42.4242) {
      System.out.println(); // keeps the results alive
    }
  }

  private static double run(double[] x, int lags) {
    return Autocorrelation.acf(x, lags)[1]
        + Autocorrelation.pacf(x, lags)[1]
        + AdfTest.test(x).statistic()
        + Seasonality.detect(x).periods().length;
  }

  private static void print(String what, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    System.out.printf(
        "  %-12s %8.3f ms (%.3f ms)%n",
        what, s[s.length / 2] / 1e6, s[(int) (s.length * 0.9)] / 1e6);
  }
}
