package io.streamprofiler.profile.timeseries;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

/** ydata-profiling 4.5+ gap semantics, with numbers worked by hand. */
public class GapsTest {

  private static final long S = 1_000_000L;

  @Test
  public void regularSeriesHasNoGaps() {
    long[] t = new long[100];
    for (int i = 0; i < t.length; i++) {
      t[i] = 1_594_512_000L * S + i * 10 * S;
    }
    GapsResult r = Gaps.of(t);
    assertEquals(0, r.nGaps());
    assertTrue(r.gaps().isEmpty());
    assertEquals(0.0, r.min(), 0.0);
    assertEquals(0.0, r.max(), 0.0);
    assertEquals(0.0, r.mean(), 0.0);
    assertEquals(0.0, r.std(), 0.0);
  }

  @Test
  public void gapsAreDifferencesAboveTwiceTheMeanPositiveDifference() {
    // Differences (s): 10, 10, 0 (duplicate), 10, 60, 10, 10, 100, 10.
    // Positive ones: mean = 220 / 8 = 27.5, so the cut is 55: gaps of 60 and 100 seconds.
    long[] sec = {0, 10, 20, 20, 30, 90, 100, 110, 210, 220};
    long[] t = new long[sec.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = sec[i] * S;
    }
    GapsResult r = Gaps.of(t);
    assertEquals(2, r.nGaps());
    assertEquals(List.of(new Gap(30 * S, 90 * S), new Gap(110 * S, 210 * S)), r.gaps());
    assertEquals(60.0, r.min(), 0.0);
    assertEquals(100.0, r.max(), 0.0);
    assertEquals(80.0, r.mean(), 0.0);
    assertEquals(Math.sqrt(800.0), r.std(), 1e-12); // sample std of {60, 100}
  }

  @Test
  public void singleGapHasZeroStd() {
    long[] t = {0, S, 2 * S, 3 * S, 10 * S};
    GapsResult r = Gaps.of(t);
    assertEquals(1, r.nGaps());
    assertEquals(7.0, r.mean(), 0.0);
    assertEquals(0.0, r.std(), 0.0);
  }

  @Test
  public void exactlyTwiceTheMeanIsNotAGap() {
    // Differences 1, 1, 4: mean 2, cut 4, and 4 is not strictly above it.
    GapsResult r = Gaps.of(new long[] {0, 1, 2, 6});
    assertEquals(0, r.nGaps());
  }

  @Test
  public void degenerateInputs() {
    assertEquals(0, Gaps.of(new long[0]).nGaps());
    assertEquals(0, Gaps.of(new long[] {5}).nGaps());
    assertEquals(0, Gaps.of(new long[] {5, 5, 5}).nGaps());
    assertEquals(0.0, Gaps.of(new long[] {5, 5, 5}).mean(), 0.0);
  }
}
