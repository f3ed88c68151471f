package io.streamprofiler.profile.correlation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.Test;

/**
 * Edge cases from {@code src/test/oracle/correlation_fixtures.py}: heavy ties, missing values in
 * different rows, a constant column, two rows, monotone pairs, ±Infinity, sparse overlap.
 */
public class NumericFixturesTest {
  private static final JsonNode CASES =
      Fixtures.load("/fixtures/correlation/numeric.json").get("cases");

  @Test
  public void matchesPandasOnEveryCase() {
    Fixtures.Errors errors = new Fixtures.Errors();
    for (JsonNode c : CASES) {
      List<String> names = Fixtures.strings(c.get("columns"));
      double[][] columns = columns(c, names);
      NumericCorrelations all = Correlations.numeric(names, columns);
      String name = c.get("name").asText();
      JsonNode expected = c.get("expected");
      errors.check(
          name + " pearson", names, Fixtures.matrix(expected.get("pearson")), all.pearson());
      errors.check(
          name + " spearman", names, Fixtures.matrix(expected.get("spearman")), all.spearman());
      errors.check(
          name + " kendall", names, Fixtures.matrix(expected.get("kendall")), all.kendall());
    }
    errors.report("numeric fixtures");
  }

  /** With infinities pandas' own Pearson and Kendall already drop them: same numbers raw. */
  @Test
  public void pearsonAndKendallMatchPandasOnRawInfinities() {
    Fixtures.Errors errors = new Fixtures.Errors();
    for (JsonNode c : CASES) {
      if (!c.has("pandas_raw")) {
        continue;
      }
      List<String> names = Fixtures.strings(c.get("columns"));
      double[][] columns = columns(c, names);
      JsonNode raw = c.get("pandas_raw");
      String name = c.get("name").asText();
      errors.check(
          name + " raw pearson",
          names,
          Fixtures.matrix(raw.get("pearson")),
          Correlations.pearson(names, columns));
      errors.check(
          name + " raw kendall",
          names,
          Fixtures.matrix(raw.get("kendall")),
          Correlations.kendall(names, columns));
    }
    assertTrue("compared some raw values", errors.compared > 30);
  }

  /** The documented divergence: pandas' Spearman counts -Infinity shared by both columns. */
  @Test
  public void spearmanTreatsSharedInfinityAsMissingUnlikePandas() {
    for (JsonNode c : CASES) {
      if (!c.get("name").asText().equals("infinity_same_row")) {
        continue;
      }
      List<String> names = Fixtures.strings(c.get("columns"));
      CorrelationMatrix rho = Correlations.spearman(names, columns(c, names));
      double pandas = c.get("pandas_raw").get("spearman").get(0).get(1).doubleValue();
      double clean = c.get("expected").get("spearman").get(0).get(1).doubleValue();
      assertThat(pandas, not(closeTo(clean, 1e-3)));
      assertThat(rho.get("x", "y"), closeTo(clean, 1e-15));
      return;
    }
    throw new AssertionError("case infinity_same_row missing");
  }

  static double[][] columns(JsonNode c, List<String> names) {
    double[][] columns = new double[names.size()][];
    for (int j = 0; j < names.size(); j++) {
      columns[j] = Fixtures.numbers(c.get("data").get(names.get(j)));
    }
    return columns;
  }
}
