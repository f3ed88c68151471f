package io.streamprofiler.profile.correlation;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;

/** scipy.stats.chisquare p-values (UNIFORM alert) and the contingency statistic. */
public class ChiSquaredTest {
  @Test
  public void uniformPValueMatchesScipy() {
    Fixtures.Errors errors = new Fixtures.Errors();
    for (JsonNode c : Fixtures.load("/fixtures/correlation/chisquare.json").get("cases")) {
      JsonNode countsNode = c.get("counts");
      long[] counts = new long[countsNode.size()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = countsNode.get(i).asLong();
      }
      errors.check(
          "chisquare" + countsNode,
          Fixtures.number(c.get("p")),
          Correlations.chiSquaredUniformPValue(counts));
    }
    errors.report("chisquare fixtures");
  }

  @Test
  public void contingencyWithoutDegreesOfFreedomIsZero() {
    assertEquals(0.0, ChiSquared.contingencyStatistic(new long[][] {{3, 4, 5}}, true), 0.0);
  }

  @Test
  public void yatesOnlyForTwoByTwo() {
    // Hand computation: expected 5 everywhere, |o - e| = 3 shrinks to 2.5 -> 4 * 6.25 / 5 = 5.
    assertEquals(5.0, ChiSquared.contingencyStatistic(new long[][] {{8, 2}, {2, 8}}, true), 1e-15);
    assertEquals(7.2, ChiSquared.contingencyStatistic(new long[][] {{8, 2}, {2, 8}}, false), 1e-14);
  }
}
