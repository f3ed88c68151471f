package io.streamprofiler.profile.correlation;

import static org.junit.Assert.assertArrayEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.Test;

/** ydata's "auto" matrix on mixed columns, and the pd.cut labels behind it. */
public class AutoFixturesTest {
  private static final JsonNode CASES =
      Fixtures.load("/fixtures/correlation/auto.json").get("cases");

  @Test
  public void matchesOracle() {
    Fixtures.Errors errors = new Fixtures.Errors();
    for (JsonNode c : CASES) {
      List<String> numNames = Fixtures.strings(c.get("numeric_order"));
      List<String> catNames = Fixtures.strings(c.get("categorical_order"));
      double[][] nums = new double[numNames.size()][];
      for (int j = 0; j < nums.length; j++) {
        nums[j] = Fixtures.numbers(c.get("numeric").get(numNames.get(j)));
      }
      String[][] cats = new String[catNames.size()][];
      for (int j = 0; j < cats.length; j++) {
        cats[j] = Fixtures.categories(c.get("categorical").get(catNames.get(j)));
      }
      errors.check(
          c.get("name").asText(),
          Fixtures.strings(c.get("expected_columns")),
          Fixtures.matrix(c.get("expected")),
          Correlations.auto(numNames, nums, catNames, cats));
    }
    errors.report("auto fixtures");
  }

  @Test
  public void binsMatchPandasCut() {
    for (JsonNode c : CASES) {
      c.get("bins")
          .fields()
          .forEachRemaining(
              e -> {
                double[] values = Fixtures.numbers(c.get("numeric").get(e.getKey()));
                int[] expected = new int[values.length];
                for (int i = 0; i < expected.length; i++) {
                  JsonNode v = e.getValue().get(i);
                  expected[i] = v.isNull() ? -1 : v.asInt();
                }
                int[] actual =
                    UniformBins.cut(new NumericColumn(values), Correlations.AUTO_BINS).codes;
                assertArrayEquals(c.get("name").asText() + " " + e.getKey(), expected, actual);
              });
    }
  }
}
