package io.streamprofiler.profile.correlation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.Test;

/** Cramér's V against scipy's chi2_contingency and ydata's bias correction, in Python. */
public class CramersFixturesTest {
  @Test
  public void matchesOracle() {
    Fixtures.Errors errors = new Fixtures.Errors();
    for (JsonNode c : Fixtures.load("/fixtures/correlation/cramers.json").get("cases")) {
      List<String> names = Fixtures.strings(c.get("columns"));
      String[][] columns = new String[names.size()][];
      for (int j = 0; j < names.size(); j++) {
        columns[j] = Fixtures.categories(c.get("data").get(names.get(j)));
      }
      errors.check(
          c.get("name").asText(),
          Fixtures.strings(c.get("expected_columns")),
          Fixtures.matrix(c.get("expected")),
          Correlations.cramers(names, columns));
    }
    errors.report("cramers fixtures");
  }
}
