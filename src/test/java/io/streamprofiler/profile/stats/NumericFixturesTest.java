package io.streamprofiler.profile.stats;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.AfterClass;
import org.junit.Test;

/** Edge-case numeric columns against pandas/numpy ({@code src/test/oracle/stats_fixtures.py}). */
public class NumericFixturesTest {
  private static final JsonNode FIXTURE = Fixtures.read("/fixtures/stats/numeric.json");

  @AfterClass
  public static void printErrors() {
    System.out.println(Fixtures.report());
  }

  @Test
  public void everyCaseMatchesPandas() {
    int cases = 0;
    for (JsonNode c : FIXTURE.get("cases")) {
      String name = c.get("name").asText();
      JsonNode e = c.get("expected");
      NumericSummary s = NumericSummary.of(Fixtures.doubles(c.get("values")));
      Fixtures.checkNumeric(name, e, s);
      checkHistogram(name, e.get("histogram"), s.histogram());
      checkValueCounts(name + " smallest", e.get("smallest"), s.smallest());
      checkValueCounts(name + " largest", e.get("largest"), s.largest());
      checkValueCounts(name + " most_common", e.get("most_common"), s.mostCommon());
      cases++;
    }
    assertEquals(22, cases);
  }

  @Test
  public void missingValuesPassedSeparatelyCountTowardsN() {
    JsonNode c = caseNamed("with_missing");
    double[] values = Fixtures.doubles(c.get("values"));
    double[] present = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    NumericSummary s = NumericSummary.of(present, values.length - present.length);
    Fixtures.checkNumeric("with_missing (separate)", c.get("expected"), s);
  }

  private static JsonNode caseNamed(String name) {
    for (JsonNode c : FIXTURE.get("cases")) {
      if (c.get("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no case " + name);
  }

  private static void checkHistogram(String name, JsonNode e, Histogram h) {
    double[] edges = Fixtures.doubles(e.get("edges"));
    assertEquals(name + " histogram bins", e.get("counts").size(), h.counts().length);
    assertEquals(name + " histogram edges", edges.length, h.edges().length);
    for (int i = 0; i < edges.length; i++) {
      Fixtures.close(
          "histogram edges (rel)",
          name + " edge " + i,
          edges[i],
          h.edges()[i],
          Fixtures.REL,
          1e-300);
    }
    for (int i = 0; i < h.counts().length; i++) {
      assertEquals(name + " histogram count " + i, e.get("counts").get(i).asLong(), h.counts()[i]);
    }
  }

  private static void checkValueCounts(String label, JsonNode e, List<ValueCount<Double>> actual) {
    assertEquals(label + " size", e.size(), actual.size());
    for (int i = 0; i < e.size(); i++) {
      assertEquals(label + " value " + i, e.get(i).get(0).asDouble(), actual.get(i).value(), 0.0);
      assertEquals(label + " count " + i, e.get(i).get(1).asLong(), actual.get(i).count());
    }
  }
}
