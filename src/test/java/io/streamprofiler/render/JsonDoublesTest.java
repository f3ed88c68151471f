package io.streamprofiler.render;

import static org.junit.Assert.assertEquals;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.WindowContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.Test;

/** Every double of a report reads back as exactly the double computed. */
public class JsonDoublesTest {
  @Test
  public void doublesReadBackExactly() {
    Random r = new Random(17);
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double magnitude = Math.pow(10, r.nextInt(40) - 20);
      values.add((r.nextBoolean() ? -1 : 1) * r.nextDouble() * magnitude);
    }
    values.addAll(
        List.of(0.0, -0.0, 1.0, 0.1, 2e-3, 1e7, 1.0E-5, Double.MIN_VALUE, Double.MAX_VALUE));
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("window", Map.of("start", "2020-07-12T00:00:00Z", "end", "2020-07-12T01:00:00Z"));
    tree.put("variables", Map.of());
    tree.put("values", values);
    Profile p = new Profile(new WindowContext("k", 0, 3_600_000_000L, 0, "ON_TIME", true, 0), tree);
    List<Object> read =
        io.streamprofiler.profile.Tree.list(JsonReport.read(JsonReport.write(p)).tree(), "values");
    assertEquals(values.size(), read.size());
    for (int i = 0; i < values.size(); i++) {
      double want = (Double) values.get(i);
      double got = ((Number) read.get(i)).doubleValue();
      assertEquals(
          "value " + i,
          Double.doubleToLongBits(want == 0 ? 0.0 : want),
          Double.doubleToLongBits(got == 0 ? 0.0 : got));
    }
  }
}
