package io.streamprofiler.profile.stats;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

/** Edges of {@link NumericSummary} beyond the oracle fixtures. */
public class NumericSummaryTest {
  @Test
  public void emptyInputGivesNaNsAndZeroCounts() {
    NumericSummary s = NumericSummary.of(new double[0]);
    assertEquals(0, s.n());
    assertEquals(0, s.count());
    assertTrue(
        Double.isNaN(s.mean())
            && Double.isNaN(s.std())
            && Double.isNaN(s.q50())
            && Double.isNaN(s.mad()));
    assertTrue(Double.isNaN(s.pMissing()) && Double.isNaN(s.cv()));
    assertEquals(0.0, s.sum(), 0);
    assertEquals(Histogram.EMPTY, s.histogram());
    assertEquals(List.of(), s.mostCommon());
  }

  @Test
  public void nanEntriesCountAsMissing() {
    NumericSummary s = NumericSummary.of(new double[] {1, Double.NaN, 3}, 2);
    assertEquals(5, s.n());
    assertEquals(2, s.count());
    assertEquals(3, s.nMissing());
    assertEquals(2, s.mean(), 0);
    assertEquals(NumericSummary.STRICTLY_INCREASING, s.monotonic());
  }

  @Test
  public void negativeZeroIsAZeroAndOneDistinctValue() {
    NumericSummary s = NumericSummary.of(new double[] {-0.0, 0.0, 1});
    assertEquals(2, s.nZeros());
    assertEquals(0, s.nNegative());
    assertEquals(2, s.nDistinct());
    assertEquals(new ValueCount<>(0.0, 2), s.mostCommon().get(0));
    assertEquals(new ValueCount<>(0.0, 2), s.smallest().get(0));
  }

  @Test
  public void infinitiesAreListedButNotComputedWith() {
    double inf = Double.POSITIVE_INFINITY;
    NumericSummary s = NumericSummary.of(new double[] {-inf, 1, 2, inf, inf});
    assertEquals(3, s.nInfinite());
    assertEquals(1, s.nNegative());
    assertEquals(1.5, s.mean(), 0);
    assertEquals(2, s.max(), 0);
    assertEquals(new ValueCount<>(-inf, 1), s.smallest().get(0));
    assertEquals(new ValueCount<>(inf, 2), s.largest().get(0));
    assertEquals(new ValueCount<>(inf, 2), s.smallest().get(3));
    assertEquals(NumericSummary.INCREASING, s.monotonic());
    assertEquals(
        4,
        s.histogram().counts().length); // min(50, n_distinct) with n_distinct counting infinities
  }

  @Test
  public void quantileByLevel() {
    NumericSummary s = NumericSummary.of(new double[] {1, 2, 3, 4, 5});
    assertEquals(1.2, s.quantile(0.05), 1e-15);
    assertEquals(3, s.quantile(0.5), 0);
    assertEquals(s.q95(), s.quantile(0.95), 0);
  }

  @Test
  public void madMergesBothSidesOfTheMedian() {
    double[] x = {1, 1, 2, 2, 4, 6, 9};
    assertEquals(
        1.0, NumericSummary.of(x).mad(), 0); // numpy: median(|x - 2|) = median(1,1,0,0,2,4,7) = 1
    double[] y = {-5, 0, 0.5, 10};
    assertEquals(
        2.75, NumericSummary.of(y).mad(), 0); // median 0.25; |dev| sorted .25, .25, 5.25, 9.75
  }
}
