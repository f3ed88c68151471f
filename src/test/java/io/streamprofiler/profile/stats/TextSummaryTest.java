package io.streamprofiler.profile.stats;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.Test;

public class TextSummaryTest {
  @Test
  public void noValuesGiveNaNNotExceptions() {
    TextSummary s = TextSummary.of(Arrays.asList(null, null));
    assertEquals(2, s.n());
    assertEquals(0, s.count());
    assertTrue(
        Double.isNaN(s.imbalance())
            && Double.isNaN(s.meanLength())
            && Double.isNaN(s.medianLength()));
    assertTrue(Double.isNaN(s.chiSquared()) && Double.isNaN(s.chiSquaredPValue()));
    assertEquals(-1, s.minLength());
    TextSummary empty = TextSummary.of(List.of());
    assertEquals(0, empty.n());
  }

  @Test
  public void oneCategoryIsBalancedAsYdataSays() {
    TextSummary s = TextSummary.of(List.of("x", "x", "x"));
    assertEquals(0.0, s.imbalance(), 0);
    assertEquals(0.0, s.chiSquared(), 0);
    assertTrue(Double.isNaN(s.chiSquaredPValue()));
  }

  @Test
  public void uniformCountsHavePValueOne() {
    TextSummary s = TextSummary.of(List.of("a", "b", "c", "a", "b", "c"));
    assertEquals(1.0, s.chiSquaredPValue(), 1e-15);
    assertEquals(0.0, s.imbalance(), 1e-15);
  }

  @Test
  public void booleanTokensAreNormalised() {
    assertEquals("true", TextSummary.booleanToken(" Yes"));
    assertEquals("false", TextSummary.booleanToken("F"));
    assertEquals("maybe", TextSummary.booleanToken("maybe"));
    TextSummary s = TextSummary.ofBooleanTokens(Arrays.asList("T", "no", "y", null));
    assertEquals(2, s.nDistinct());
    assertEquals(new ValueCount<>("true", 2), s.mostCommon().get(0));
  }
}
