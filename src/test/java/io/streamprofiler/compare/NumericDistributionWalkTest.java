package io.streamprofiler.compare;

import static org.junit.Assert.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.Test;

/**
 * The walk that answers F and F- at every knot at once must give what a binary search per point
 * gives, to the bit: drift figures are compared with fixtures exactly.
 */
public class NumericDistributionWalkTest {
  private static void sameAsOneByOne(NumericDistribution d, double[] xs) {
    double[] at = new double[xs.length];
    double[] before = new double[xs.length];
    d.atAndBefore(xs, at, before);
    double[] expectedAt = new double[xs.length];
    double[] expectedBefore = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      expectedAt[i] = d.at(xs[i]);
      expectedBefore[i] = d.before(xs[i]);
    }
    assertArrayEquals(expectedAt, at, 0);
    assertArrayEquals(expectedBefore, before, 0);
  }

  /** Sorted values with repeats (mass points), as percentiles of a sensor often are. */
  private static double[] sortedWithTies(SplittableRandom random, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] =
          random.nextInt(4) == 0 && i > 0 ? v[i - 1] : Math.round(random.nextGaussian() * 40) / 4.0;
    }
    Arrays.sort(v);
    return v;
  }

  @Test
  public void percentilesAndExactCountsAnswerAsPerPoint() {
    SplittableRandom random = new SplittableRandom(9);
    for (int round = 0; round < 500; round++) {
      double[] p = sortedWithTies(random, 101);
      NumericDistribution percentiles = new NumericDistribution.Percentiles(p, 1000, 0, 1);
      double[] values =
          Arrays.stream(sortedWithTies(random, 1 + random.nextInt(60))).distinct().toArray();
      long[] counts = random.longs(values.length, 1, 9).toArray();
      NumericDistribution exact = new NumericDistribution.Exact(values, counts, p, 0, 1);
      double[] xs = sortedWithTies(random, random.nextInt(150));
      for (NumericDistribution d : new NumericDistribution[] {percentiles, exact}) {
        sameAsOneByOne(d, xs);
        sameAsOneByOne(d, d.knots());
        sameAsOneByOne(d, percentiles.knots());
      }
      // Knots of sorted percentiles: the distinct values, in order.
      assertArrayEquals(Arrays.stream(p).distinct().toArray(), percentiles.knots(), 0);
    }
  }

  @Test
  public void unsortedPointsAreAnsweredOneByOne() {
    double[] p = new double[101];
    for (int i = 0; i < p.length; i++) {
      p[i] = i;
    }
    NumericDistribution d = new NumericDistribution.Percentiles(p, 100, 50, 29);
    sameAsOneByOne(d, new double[] {50.5, 3, 200, -1, 7});
  }
}
