package io.streamprofiler.render;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.streamprofiler.profile.Profile;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.Test;

/**
 * The report writer lays JSON out byte for byte as Jackson's pretty printer did, escapes included:
 * Jackson is the oracle here.
 */
public class JsonBytesTest {
  private static String jackson(Object tree) throws Exception {
    JsonFactory factory =
        JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();
    StringWriter out = new StringWriter();
    try (JsonGenerator g = factory.createGenerator(out).useDefaultPrettyPrinter()) {
      JsonReport.writeValue(g, tree);
    }
    return out.append('\n').toString();
  }

  private static String ours(Object tree) {
    return new String(JsonBytes.of(tree), java.nio.charset.StandardCharsets.US_ASCII);
  }

  @Test
  public void profilesAreWrittenAsJacksonWroteThem() throws Exception {
    for (Profile p :
        List.of(
            Fixtures.profile("profile-b8.json"),
            Fixtures.hostile(),
            Fixtures.rich(),
            AsciiPagesTest.unicode("profile-00.json"))) {
      assertEquals(jackson(p.tree()), ours(p.tree()));
    }
  }

  @Test
  public void oddValuesAreWrittenAsJacksonWroteThem() throws Exception {
    Random r = new Random(3);
    List<Object> doubles = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      doubles.add(Double.longBitsToDouble(r.nextLong()));
    }
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("empty map", Map.of());
    tree.put("empty list", List.of());
    tree.put("nested", List.of(Map.of("a", 1), List.of(List.of(), Map.of()), List.of(1L, -2L)));
    tree.put(
        "texts",
        List.of("quote \" back \\ slash", "tab\tnew\nline\r\b\f\u0001\u001f\u007f", "é 😀 \uD800"));
    tree.put(
        "specials", List.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE));
    tree.put("doubles", doubles);
    List<Object> readings = new ArrayList<>(); // a few decimals, as sensors send them
    for (int i = 0; i < 50_000; i++) {
      double scale = Math.pow(10, r.nextInt(8));
      readings.add((r.nextBoolean() ? -1 : 1) * Math.round(r.nextDouble() * 1e7) / scale);
      readings.add(r.nextGaussian() * Math.pow(10, r.nextInt(12) - 4));
    }
    readings.addAll(List.of(0.001, 0.00099999, 9999999.0, 1e7, 0.1 + 0.2, 100.0, 2.5e-3, -0.0));
    tree.put("readings", readings);
    tree.put("booleans", List.of(true, false));
    tree.put(
        "whole numbers",
        List.of(
            0,
            -1,
            9,
            10,
            99,
            100,
            -100,
            Integer.MAX_VALUE,
            Integer.MIN_VALUE,
            Integer.MIN_VALUE + 1,
            (long) Integer.MIN_VALUE,
            Integer.MAX_VALUE + 1L,
            Long.MAX_VALUE,
            Long.MIN_VALUE,
            0L));
    tree.put("null", null);
    tree.put("deep", Map.of("x", Map.of("y", Map.of("z", List.of(Map.of("w", "v"))))));
    assertEquals(jackson(tree), ours(tree));
  }
}
