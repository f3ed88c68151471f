package io.streamprofiler.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.streamprofiler.profile.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Sample profiles for render tests, and hostile variants of them. */
final class Fixtures {
  static final List<String> SAMPLES =
      List.of("profile-b8.json", "profile-00.json", "profile-1c.json");

  /** Sets {@code window.__pwned} and opens a dialog if it ever runs. */
  static final String SCRIPT = "<script>window.__pwned=1;alert(1)</script>";

  static final String IMG = "\"><img src=x onerror=\"window.__pwned=2;alert(2)\">";
  static final String JS_URL = "javascript:window.__pwned=3;alert(3)";
  static final String SVG = "'><svg onload=window.__pwned=4;alert(4)>";
  static final List<String> PAYLOADS = List.of(SCRIPT, IMG, JS_URL, SVG);

  static final String HOSTILE_KEY = JS_URL;
  static final String HOSTILE_COLUMN = IMG;
  static final String HOSTILE_CATEGORY = SCRIPT;

  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  static String text(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/render/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource /render/" + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Profile profile(String resource) {
    return JsonReport.read(text(resource));
  }

  static ObjectNode tree(String resource) {
    try {
      return (ObjectNode) JSON.readTree(text(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Profile read(JsonNode tree) {
    try {
      return JsonReport.read(JSON.writeValueAsString(tree));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The b8 profile with hostile strings as key, title, a column name (everywhere the column is
   * named), a category and sample cells.
   */
  static Profile hostile() {
    ObjectNode t = tree("profile-b8.json");
    t.put("key", HOSTILE_KEY + SCRIPT);
    ((ObjectNode) t.get("analysis")).put("title", "device " + SVG);
    ((ObjectNode) t.get("analysis")).put("key_column", IMG);
    ((ObjectNode) t.get("analysis").get("settings")).put(SCRIPT, JS_URL);
    renameColumn(t, "co", HOSTILE_COLUMN);
    renameColumn(t, "humidity", SVG);
    ObjectNode device = (ObjectNode) t.get("variables").get("device");
    device.put("top", HOSTILE_CATEGORY);
    ArrayNode counts = (ArrayNode) device.get("value_counts");
    ((ObjectNode) counts.get(0)).put("value", HOSTILE_CATEGORY);
    counts.addObject().put("value", JS_URL).put("count", 1);
    counts.addObject().put("value", IMG).put("count", 1);
    ArrayNode head = (ArrayNode) t.get("sample").get("head");
    ((ArrayNode) head.get(0)).set(1, TextNode.valueOf(SCRIPT));
    ((ArrayNode) head.get(0)).set(2, TextNode.valueOf(IMG));
    ((ArrayNode) head.get(1)).set(1, TextNode.valueOf(JS_URL));
    ((ArrayNode) head.get(1)).set(2, TextNode.valueOf(SVG));
    ArrayNode dups = t.putArray("duplicates");
    ObjectNode dup = dups.addObject();
    ArrayNode row = dup.putArray("row");
    for (String p : PAYLOADS) {
      row.add(p);
    }
    dup.put("count", 2);
    t.withArray("alerts").addObject().put("type", SCRIPT).put("column", IMG).put("value", 1);
    return read(t);
  }

  /**
   * The 00 profile with the optional parts the bundled sample does not exercise: missing values
   * (bars, matrix, heatmap), duplicate rows, binned interactions, a seasonal series, a LATE pane.
   */
  static Profile rich() {
    ObjectNode t = tree("profile-00.json");
    ObjectNode pane = (ObjectNode) t.get("pane");
    pane.put("index", 2).put("timing", "LATE").put("is_last", false).put("late_rows", 7);
    ObjectNode table = (ObjectNode) t.get("table");
    table
        .put("n_cells_missing", 60)
        .put("p_cells_missing", 60 / (273.0 * 9))
        .put("n_vars_with_missing", 2)
        .put("n_duplicates", 2)
        .put("p_duplicates", 2 / 273.0);
    ObjectNode missing = (ObjectNode) t.get("missing");
    ((ObjectNode) missing.get("bar")).put("humidity", 40).put("temp", 20);
    ArrayNode hm = ((ObjectNode) missing.get("matrix")).putArray("humidity");
    hm.addArray().add(10).add(30);
    hm.addArray().add(200).add(220);
    ((ObjectNode) missing.get("matrix")).putArray("temp").addArray().add(15).add(35);
    ObjectNode heat = missing.putObject("heatmap");
    heat.putArray("columns").add("humidity").add("temp");
    ArrayNode m = heat.putArray("matrix");
    m.addArray().add(1.0).add(0.62);
    m.addArray().add(0.62).add(1.0);
    ObjectNode hv = (ObjectNode) t.get("variables").get("humidity");
    hv.put("n_missing", 40).put("p_missing", 40 / 273.0);
    ObjectNode co = (ObjectNode) t.get("variables").get("co");
    co.put("seasonal", true).putArray("seasonal_periods").add(12).add(24);
    co.putNull("skewness");
    ((ObjectNode) co.get("adf")).putNull("pvalue");
    ArrayNode dups = t.putArray("duplicates");
    ArrayNode sampleRow = (ArrayNode) t.get("sample").get("head").get(0);
    dups.addObject().put("count", 2).set("row", sampleRow.deepCopy());
    ArrayNode row2 = sampleRow.deepCopy();
    row2.set(3, JsonNodeFactory.instance.nullNode());
    dups.addObject().put("count", 3).set("row", row2);
    ArrayNode inter = t.putArray("interactions");
    String[][] pairs = {{"co", "humidity"}, {"co", "lpg"}, {"humidity", "smoke"}};
    for (String[] p : pairs) {
      ObjectNode o = inter.addObject().put("x", p[0]).put("y", p[1]);
      ArrayNode xe = o.putArray("x_edges");
      ArrayNode ye = o.putArray("y_edges");
      for (int i = 0; i <= 20; i++) {
        xe.add(i * 0.5);
        ye.add(10 + i);
      }
      ArrayNode counts = o.putArray("counts");
      for (int i = 0; i < 20; i++) {
        ArrayNode r = counts.addArray();
        for (int j = 0; j < 20; j++) {
          r.add(Math.abs(i - j) < 3 ? (i * 7 + j * 3) % 40 : 0);
        }
      }
    }
    t.withArray("alerts")
        .addObject()
        .put("type", "MISSING")
        .put("column", "humidity")
        .put("value", 40 / 273.0)
        .put("threshold", 0.01);
    t.withArray("alerts").addObject().put("type", "DUPLICATES").put("value", 2).put("threshold", 0);
    t.withArray("alerts")
        .addObject()
        .put("type", "SEASONAL")
        .put("column", "co")
        .put("value", 2)
        .put("threshold", 1);
    return read(t);
  }

  /** Renames a column in variables, correlations, missing, sample and alerts, keeping orders. */
  static void renameColumn(ObjectNode t, String from, String to) {
    rename((ObjectNode) t.get("variables"), from, to);
    for (JsonNode c : iterable(t.path("correlations").elements())) {
      replaceText((ArrayNode) c.get("columns"), from, to);
    }
    rename((ObjectNode) t.path("missing").path("bar"), from, to);
    rename((ObjectNode) t.path("missing").path("matrix"), from, to);
    replaceText((ArrayNode) t.path("sample").path("columns"), from, to);
    for (JsonNode a : iterable(t.path("alerts").elements())) {
      ObjectNode o = (ObjectNode) a;
      if (from.equals(o.path("column").asText(null))) {
        o.put("column", to);
      }
      if (o.has("columns")) {
        replaceText((ArrayNode) o.get("columns"), from, to);
      }
    }
  }

  private static void rename(ObjectNode o, String from, String to) {
    if (o == null || !o.has(from)) {
      return;
    }
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : iterable(o.fields())) {
      copy.set(e.getKey().equals(from) ? to : e.getKey(), e.getValue());
    }
    o.removeAll();
    o.setAll(copy);
  }

  private static void replaceText(ArrayNode a, String from, String to) {
    if (a == null) {
      return;
    }
    for (int i = 0; i < a.size(); i++) {
      if (from.equals(a.get(i).asText(null))) {
        a.set(i, TextNode.valueOf(to));
      }
    }
  }

  private static <T> Iterable<T> iterable(Iterator<T> it) {
    return () -> it;
  }
}
