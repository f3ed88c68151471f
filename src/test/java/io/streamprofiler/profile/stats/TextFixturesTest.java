package io.streamprofiler.profile.stats;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.AfterClass;
import org.junit.Test;

/**
 * Categorical, text and Boolean columns against pandas/scipy ({@code
 * src/test/oracle/stats_fixtures.py}).
 */
public class TextFixturesTest {
  private static final JsonNode FIXTURE = Fixtures.read("/fixtures/stats/text.json");

  @AfterClass
  public static void printErrors() {
    System.out.println(Fixtures.report());
  }

  @Test
  public void everyCaseMatchesPandasAndScipy() {
    int cases = 0;
    for (JsonNode c : FIXTURE.get("cases")) {
      String name = c.get("name").asText();
      JsonNode e = c.get("expected");
      List<String> values = Fixtures.strings(c.get("values"));
      TextSummary s =
          c.get("boolean").asBoolean()
              ? TextSummary.ofBooleanTokens(values)
              : TextSummary.of(values);
      Fixtures.exact(name + " n", e.get("n"), s.n());
      Fixtures.exact(name + " count", e.get("count"), s.count());
      Fixtures.exact(name + " n_missing", e.get("n_missing"), s.nMissing());
      Fixtures.exact(name + " n_distinct", e.get("n_distinct"), s.nDistinct());
      Fixtures.exact(name + " n_unique", e.get("n_unique"), s.nUnique());
      assertEquals(name + " is_unique", e.get("is_unique").asBoolean(), s.isUnique());
      Fixtures.exact(name + " min_length", e.get("min_length"), s.minLength());
      Fixtures.exact(name + " max_length", e.get("max_length"), s.maxLength());
      Fixtures.relative(name + " mean_length", e.get("mean_length"), s.meanLength());
      Fixtures.relative(name + " median_length", e.get("median_length"), s.medianLength());
      Fixtures.relative(name + " imbalance", e.get("imbalance"), s.imbalance());
      Fixtures.relative(name + " chi_squared", e.get("chi_squared"), s.chiSquared());
      Fixtures.pValue(name + " chi_squared p", e.get("chi_squared_pvalue"), s.chiSquaredPValue());
      JsonNode top = e.get("most_common");
      assertEquals(name + " most_common size", top.size(), s.mostCommon().size());
      for (int i = 0; i < top.size(); i++) {
        assertEquals(
            name + " most_common value " + i,
            top.get(i).get(0).asText(),
            s.mostCommon().get(i).value());
        assertEquals(
            name + " most_common count " + i,
            top.get(i).get(1).asLong(),
            s.mostCommon().get(i).count());
      }
      cases++;
    }
    assertEquals(9, cases);
  }
}
