package io.streamprofiler.profile;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.streamprofiler.profile.stats.ValueCounts;
import io.streamprofiler.record.Row;
import io.streamprofiler.record.RowParser;
import io.streamprofiler.record.Schema;
import io.streamprofiler.record.TimestampFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/**
 * {@code maxDistinctTracked}: value counts keep at most that many distinct values, the rest is an
 * "other" tail.
 */
public class DistinctCapTest {
  @Test
  public void pastTheCapNewValuesGoToTheOtherTailAndTrackedOnesStayExact() {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      values.add("v" + i);
      values.add("hot");
    }
    ValueCounts<String> vc = ValueCounts.of(values, 10);
    assertEquals(10, vc.nDistinct());
    assertTrue(vc.truncated());
    assertEquals(2000, vc.count());
    assertEquals(1000, vc.countOf("hot")); // tracked before the cap: counted exactly to the end
    assertEquals(
        2000 - 1000 - 9, vc.otherCount()); // v0..v8 tracked with "hot"; v9..v999 in the tail
    assertEquals("hot", vc.mostCommon(1).get(0).value());

    ValueCounts<Double> numbers =
        ValueCounts.ofDoubles(new double[] {1, 2, 3, 3, Double.NaN, 4, 5}, 3);
    assertEquals(3, numbers.nDistinct());
    assertEquals(2, numbers.otherCount());
    assertEquals(1, numbers.nMissing());
    assertFalse(ValueCounts.ofDoubles(new double[] {1, 1, 2}, 2).truncated());
  }

  @Test
  public void aColumnOfEndlesslyNewValuesIsReportedWithItsTailAndTheRestOfTheProfileIsExact()
      throws Exception {
    Schema schema = Schema.of(List.of("ts", "device", "id", "temp"), "device", "ts");
    RowParser parser =
        new RowParser(schema, TimestampFormat.of("epoch_seconds", "UTC"), Set.of(""));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      rows.add(parser.parse(i + 2, (1594512000L + i) + ",d,id-" + i + "," + (i % 7)));
    }
    ProfileSettings d = ProfileSettings.defaults();
    ProfileSettings capped =
        new ProfileSettings(
            d.correlations(),
            d.maxLags(),
            d.significance(),
            d.timeSeriesAutocorrelation(),
            d.categoricalMaxDistinct(),
            1000,
            d.missingThreshold(),
            d.zerosThreshold(),
            d.infiniteThreshold(),
            d.skewnessThreshold(),
            d.imbalanceThreshold(),
            d.highCardinalityThreshold(),
            d.correlationThreshold(),
            d.uniformThreshold());
    WindowContext w =
        new WindowContext(
            "d", 1594512000L * 1_000_000, 1594515600L * 1_000_000, 0, "ON_TIME", true, 0);
    Map<String, Object> exact = vars(new Profiler(schema, d).profile(rows, w));
    Map<String, Object> cut = vars(new Profiler(schema, capped).profile(rows, w));

    Map<String, Object> id = obj(cut, "id");
    assertThat(id.get("n_distinct"), is(1000));
    assertThat(id.get("value_counts_truncated"), is(true));
    assertThat(id.get("value_counts_other"), is(4000L));
    assertThat(id.get("count"), is(5000L));
    assertThat(obj(exact, "id").get("n_distinct"), is(5000));
    assertThat(obj(exact, "id").containsKey("value_counts_truncated"), is(false));
    assertThat(obj(cut, "id").get("type"), is(obj(exact, "id").get("type")));
    // a column under the cap is untouched
    assertEquals(obj(exact, "temp"), obj(cut, "temp"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> vars(Profile p) {
    return (Map<String, Object>) p.tree().get("variables");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> obj(Map<String, Object> m, String name) {
    return (Map<String, Object>) m.get(name);
  }
}
