package io.streamprofiler.profile.stats;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.Test;

public class MomentsStateTest {
  private static final double REL = 1e-12;

  private static double[] skewedSample(long seed, int n, double offset) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = offset + Math.exp(r.nextGaussian());
    }
    return x;
  }

  private static void assertSameState(String label, MomentsState expected, MomentsState actual) {
    assertEquals(label + " count", expected.count(), actual.count());
    assertRel(label + " mean", expected.mean(), actual.mean());
    assertRel(label + " m2", expected.m2(), actual.m2());
    assertRel(label + " m3", expected.m3(), actual.m3());
    assertRel(label + " m4", expected.m4(), actual.m4());
  }

  private static void assertRel(String label, double expected, double actual) {
    double err = expected == actual ? 0 : Math.abs(actual - expected) / Math.abs(expected);
    assertTrue(label + ": " + expected + " vs " + actual + " (rel " + err + ")", err <= REL);
  }

  @Test
  public void mergeOfPartsEqualsStateOfUnion() {
    double[] all = skewedSample(1, 3600, 20);
    MomentsState whole = MomentsState.of(all);
    for (int cut : new int[] {1, 7, 100, 1800, 3599}) {
      MomentsState a = MomentsState.of(Arrays.copyOfRange(all, 0, cut));
      MomentsState b = MomentsState.of(Arrays.copyOfRange(all, cut, all.length));
      assertSameState("cut " + cut, whole, a.merge(b));
      assertSameState("cut " + cut + " reversed", whole, b.merge(a));
    }
  }

  @Test
  public void mergeIsAssociativeOverManyShards() {
    double[] all = skewedSample(2, 5000, -3);
    MomentsState left = new MomentsState();
    MomentsState[] shards = new MomentsState[10];
    for (int s = 0; s < 10; s++) {
      shards[s] = MomentsState.of(Arrays.copyOfRange(all, s * 500, (s + 1) * 500));
      left = left.merge(shards[s]);
    }
    MomentsState tree =
        shards[0]
            .merge(shards[1])
            .merge(shards[2].merge(shards[3]))
            .merge(
                shards[4]
                    .merge(shards[5].merge(shards[6]))
                    .merge(shards[7].merge(shards[8]).merge(shards[9])));
    assertSameState("left fold", MomentsState.of(all), left);
    assertSameState("tree", MomentsState.of(all), tree);
  }

  @Test
  public void resultMatchesTheTwoPassSummary() {
    double[] x = skewedSample(3, 1000, 5);
    NumericSummary s = NumericSummary.of(x);
    MomentsState.Moments m = MomentsState.of(x).result();
    assertRel("mean", s.mean(), m.mean());
    assertRel("variance", s.variance(), m.variance());
    assertRel("skewness", s.skewness(), m.skewness());
    assertRel("kurtosis", s.kurtosis(), m.kurtosis());
    assertSameState("summary state", s.moments(), MomentsState.of(x));
  }

  @Test
  public void serialisedStateRoundTrips() {
    MomentsState s = MomentsState.of(skewedSample(4, 100, 0));
    MomentsState back = MomentsState.fromArray(s.toArray());
    assertEquals(Arrays.toString(s.toArray()), Arrays.toString(back.toArray()));
  }

  @Test
  public void edgesAreNaNOrZeroNeverExceptions() {
    MomentsState empty = new MomentsState();
    assertEquals(0, empty.count());
    assertTrue(Double.isNaN(empty.mean()) && Double.isNaN(empty.variance()));
    assertTrue(Double.isNaN(empty.skewness()) && Double.isNaN(empty.kurtosis()));
    MomentsState one = new MomentsState().add(4);
    assertEquals(4, one.mean(), 0);
    assertTrue(Double.isNaN(one.variance()));
    MomentsState constant = MomentsState.of(new double[] {2, 2, 2, 2, 2});
    assertEquals(0, constant.variance(), 0);
    assertEquals(0, constant.skewness(), 0);
    assertEquals(0, constant.kurtosis(), 0);
    MomentsState withNonFinite =
        MomentsState.of(new double[] {1, Double.NaN, Double.POSITIVE_INFINITY, 3});
    assertEquals(2, withNonFinite.count());
    assertEquals(2, withNonFinite.mean(), 0);
    assertSameState("merge with empty", withNonFinite, withNonFinite.merge(empty));
    assertSameState("empty merged with", withNonFinite, empty.merge(withNonFinite));
  }
}
