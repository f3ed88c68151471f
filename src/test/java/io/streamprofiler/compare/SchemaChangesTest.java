package io.streamprofiler.compare;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.WindowContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Each kind of change between two windows' profiles, and the changes that are not ones. */
public class SchemaChangesTest {
  private static final WindowContext W = new WindowContext("k", 0, 1, 0, "ON_TIME", true, 0);

  private static Map<String, Object> numbers(String type) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("type", type);
    v.put("count", 10L);
    v.put("mean", 1.5);
    return v;
  }

  private static Map<String, Object> texts(long count, double meanLength, Object... valueCounts) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("type", "Categorical");
    v.put("count", count);
    v.put("mean_length", meanLength);
    List<Object> list = new ArrayList<>();
    for (int i = 0; i < valueCounts.length; i += 2) {
      list.add(Map.of("value", valueCounts[i], "count", valueCounts[i + 1]));
    }
    v.put("value_counts", list);
    return v;
  }

  private static Map<String, Object> allMissing() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("type", "Unsupported");
    v.put("count", 0L);
    return v;
  }

  private static Profile profile(Map<String, Map<String, Object>> variables) {
    return new Profile(W, Map.of("variables", variables, "alerts", List.of()));
  }

  private static List<String> changes(
      Map<String, Map<String, Object>> before, Map<String, Map<String, Object>> after) {
    List<String> found = new ArrayList<>();
    for (Map<String, Object> a : SchemaChanges.of(profile(before), profile(after), "previous")) {
      found.add(a.get("column") + " " + a.get("type") + " " + a.get("from") + " -> " + a.get("to"));
    }
    return found;
  }

  @Test
  public void numbersReadAsCategoriesAreStillNumbers() {
    assertThat(
        changes(Map.of("t", numbers("Numeric")), Map.of("t", numbers("Categorical"))),
        is(List.of()));
    assertThat(
        changes(Map.of("t", numbers("TimeSeries")), Map.of("t", numbers("Numeric"))),
        is(List.of()));
  }

  @Test
  public void kindsValuesAndFormatsThatChangeAreAlerted() {
    assertThat(
        changes(Map.of("t", numbers("Numeric")), Map.of("t", texts(10, 6, "21,5 C", 10L))),
        is(List.of("t TYPE_CHANGED Numeric -> Categorical")));
    assertThat(
        changes(Map.of("l", allMissing()), Map.of("l", numbers("Numeric"))),
        is(List.of("l SCHEMA_COLUMN_ADDED null -> Numeric")));
    assertThat(
        changes(Map.of("l", numbers("Numeric")), Map.of()),
        is(List.of("l SCHEMA_COLUMN_REMOVED Numeric -> null")));
    assertThat(
        changes(
            Map.of("s", texts(10, 2, "ON", 6L, "OFF", 4L)),
            Map.of("s", texts(10, 2, "on", 9L, "off", 1L))),
        is(List.of("s FORMAT_CHANGED \"A\" length 1-4 -> \"a\" length 1-4")));
    assertThat(
        changes(
            Map.of("s", texts(10, 3, "abc", 10L)), Map.of("s", texts(10, 12, "abcdefghijkl", 10L))),
        is(List.of("s FORMAT_CHANGED \"a\" length 1-4 -> \"a\" length 9-16")));
  }

  @Test
  public void noDominantShapeIsNoFormat() {
    // three shapes, none holding half of the values: no format to compare, no alert
    assertThat(
        changes(
            Map.of("s", texts(9, 3, "a1", 3L, "B", 3L, "9.", 3L)),
            Map.of("s", texts(9, 3, "x", 3L, "Y2", 3L, "--", 3L))),
        is(List.of()));
    assertThat(SchemaChanges.shape("21,5 C"), is("9,9 A"));
    assertThat(SchemaChanges.shape("2020-07-12T00:00Z"), is("9-9-9A9:9A"));
  }
}
