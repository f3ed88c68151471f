package io.streamprofiler.profile.stats;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * Duplicate rows against pandas' {@code DataFrame.duplicated} ({@code
 * src/test/oracle/stats_fixtures.py}).
 */
public class DuplicatesFixturesTest {
  private static final JsonNode FIXTURE = Fixtures.read("/fixtures/stats/duplicates.json");

  @Test
  public void everyCaseMatchesPandas() {
    int cases = 0;
    for (JsonNode c : FIXTURE.get("cases")) {
      String name = c.get("name").asText();
      JsonNode e = c.get("expected");
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode row : c.get("rows")) {
        rows.add(Fixtures.strings(row));
      }
      Duplicates.DuplicateSummary<List<String>> d = Duplicates.of(rows, 10);
      Fixtures.exact(name + " n", e.get("n"), d.n());
      Fixtures.exact(name + " n_duplicates", e.get("n_duplicates"), d.nDuplicates());
      Fixtures.exact(name + " groups", e.get("n_duplicated_row_groups"), d.nDuplicatedRowGroups());
      Fixtures.relative(name + " p_duplicates", e.get("p_duplicates"), d.pDuplicates());
      JsonNode top = e.get("most_frequent");
      assertEquals(name + " most_frequent size", top.size(), d.mostFrequent().size());
      for (int i = 0; i < top.size(); i++) {
        assertEquals(
            name + " row " + i,
            Fixtures.strings(top.get(i).get(0)),
            d.mostFrequent().get(i).value());
        assertEquals(
            name + " count " + i, top.get(i).get(1).asLong(), d.mostFrequent().get(i).count());
      }
      cases++;
    }
    assertEquals(4, cases);
  }

  @Test
  public void emptyTableHasNoDuplicatesAndUndefinedShare() {
    Duplicates.DuplicateSummary<List<String>> d = Duplicates.of(List.of());
    assertEquals(0, d.nDuplicates());
    assertEquals(Double.NaN, d.pDuplicates(), 0.0);
    assertEquals(List.of(), d.mostFrequent());
  }

  @Test
  public void topNLimitsTheList() {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      rows.add(List.of("r" + (i % 12)));
    }
    Duplicates.DuplicateSummary<List<String>> d = Duplicates.of(rows, 3);
    assertEquals(18, d.nDuplicates());
    assertEquals(12, d.nDuplicatedRowGroups());
    assertEquals(3, d.mostFrequent().size());
    assertEquals(List.of("r0"), d.mostFrequent().get(0).value()); // 3 times, first seen
    assertEquals(List.of("r2"), d.mostFrequent().get(2).value());
  }
}
