package io.streamprofiler.spec;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamprofiler.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Each shipped spec runs end to end through the command line ({@code --pipeline=...}), and its
 * profiles agree with the numbers pandas 1.5 computes independently from the same CSV
 * (src/test/oracle/spec_fixtures.py → src/test/resources/fixtures/spec/*.json).
 */
public class ShippedSpecsTest {
  private static final double EXACT = 1e-9;
  private static final double LOOSE = 1e-6;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void greenhouseLocalTimeAcrossDstWithNaAndKeysWithSpacesNewestFirst() throws IOException {
    Map<String, JsonNode> reports = run("greenhouse-local-time", 630);
    JsonNode north = reports.get("North House|2021-03-28T00:00:00Z");
    assertNotNull(reports.keySet().toString(), north);
    // 01:00-01:58 CET and 03:00-03:58 CEST are one UTC window, no gap where local 02:xx does not
    // exist
    assertThat(north.get("table").get("first_event").asText(), is("2021-03-28T00:00:00Z"));
    assertThat(north.get("table").get("last_event").asText(), is("2021-03-28T01:58:00Z"));
    assertThat(north.get("table").get("n").asLong(), is(60L));
  }

  @Test
  public void riverGaugesWithSplitTimestampAndTwoColumnKey() throws IOException {
    Map<String, JsonNode> reports = run("river-gauges", 1152);
    JsonNode r = reports.get("dresden/A|2021-06-14T06:00:00Z");
    assertNotNull(reports.keySet().toString(), r);
    assertThat(r.get("analysis").get("key_column").asText(), is("site+sensor"));
    for (JsonNode alert : r.get("alerts")) {
      String column = alert.path("column").asText();
      assertTrue(
          "key columns are constant by construction, never CONSTANT: " + alert,
          !alert.get("type").asText().equals("CONSTANT")
              || !(column.equals("site") || column.equals("sensor")));
    }
  }

  /**
   * Runs the spec, checks every key-window against the fixture, returns the reports by key|window
   * start.
   */
  private Map<String, JsonNode> run(String name, long rows) throws IOException {
    File output = tmp.newFolder(name);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            new String[] {
              "--pipeline=pipelines/" + name + ".yaml", "--output=" + output, "--quiet=true"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(err.toString(), status, is(Main.OK));
    JsonNode summary = JSON.readTree(new File(output, "run-summary.json"));
    assertThat(summary.get("rows_read").asLong(), is(rows));
    assertThat(summary.get("rows_profiled").asLong(), is(rows));

    Map<String, JsonNode> reports = lastPanes(output.toPath());
    JsonNode fixture =
        JSON.readTree(new File("src/test/resources/fixtures/spec/" + name + ".json"));
    assertThat(fixture.get("rows").asLong(), is(rows));
    TreeSet<String> expectedWindows = new TreeSet<>();
    for (JsonNode w : fixture.get("windows")) {
      String id = w.get("key").asText() + "|" + w.get("window_start").asText();
      expectedWindows.add(id);
      JsonNode report = reports.get(id);
      assertNotNull("no report for " + id + " among " + reports.keySet(), report);
      check(id, w, report);
    }
    assertEquals(expectedWindows, new TreeSet<>(reports.keySet()));
    return reports;
  }

  private static void check(String id, JsonNode expected, JsonNode report) {
    assertThat(id + " n", report.get("table").get("n").asLong(), is(expected.get("n").asLong()));
    assertThat(
        id + " first_event",
        report.get("table").get("first_event").asText(),
        is(expected.get("first_event").asText()));
    assertThat(
        id + " last_event",
        report.get("table").get("last_event").asText(),
        is(expected.get("last_event").asText()));
    Iterator<Map.Entry<String, JsonNode>> vars = expected.get("variables").fields();
    while (vars.hasNext()) {
      Map.Entry<String, JsonNode> e = vars.next();
      if (e.getKey().equals("_pearson")) {
        pearson(id, e.getValue(), report.get("correlations").get("pearson"));
        continue;
      }
      String at = id + " " + e.getKey();
      JsonNode want = e.getValue();
      JsonNode got = report.get("variables").get(e.getKey());
      assertNotNull(at, got);
      assertThat(at + " type", got.get("type").asText(), is(want.get("type").asText()));
      for (String f : List.of("n", "count", "n_missing", "n_distinct")) {
        if (want.has(f)) {
          assertThat(at + " " + f, got.get(f).asLong(), is(want.get(f).asLong()));
        }
      }
      for (String f :
          List.of("mean", "std", "min", "max", "sum", "5%", "25%", "50%", "75%", "95%")) {
        if (want.has(f) && !want.get("type").asText().equals("DateTime")) {
          close(at + " " + f, want.get(f), got.get(f), EXACT);
        }
      }
      for (String f : List.of("skewness", "kurtosis")) {
        if (want.has(f)) {
          close(at + " " + f, want.get(f), got.get(f), LOOSE);
        }
      }
      if (want.get("type").asText().equals("DateTime")) {
        assertThat(at + " min", got.get("min").asText(), is(want.get("min").asText()));
        assertThat(at + " max", got.get("max").asText(), is(want.get("max").asText()));
      }
      if (want.has("counts")) {
        Map<String, Long> counts = new HashMap<>();
        want.get("counts")
            .fields()
            .forEachRemaining(c -> counts.put(normal(c.getKey()), c.getValue().asLong()));
        JsonNode top = got.get("value_counts");
        assertThat(at + " value_counts size", top.size(), is(Math.min(10, counts.size())));
        for (JsonNode vc : top) {
          assertThat(
              at + " count of " + vc.get("value"),
              vc.get("count").asLong(),
              is(counts.get(normal(vc.get("value").asText()))));
        }
      }
    }
  }

  private static void pearson(String id, JsonNode want, JsonNode got) {
    assertNotNull(id + " pearson", got);
    List<String> gotColumns = JSON.convertValue(got.get("columns"), List.class);
    List<String> wantColumns = JSON.convertValue(want.get("columns"), List.class);
    for (int a = 0; a < wantColumns.size(); a++) {
      for (int b = 0; b < wantColumns.size(); b++) {
        int ga = gotColumns.indexOf(wantColumns.get(a));
        int gb = gotColumns.indexOf(wantColumns.get(b));
        assertTrue(id + " pearson has " + wantColumns.get(a), ga >= 0 && gb >= 0);
        close(
            id + " pearson " + wantColumns.get(a) + "~" + wantColumns.get(b),
            want.get("matrix").get(a).get(b),
            got.get("matrix").get(ga).get(gb),
            EXACT);
      }
    }
  }

  /** Numbers compared as numbers ("6" and "6.0" are one category), anything else as text. */
  private static String normal(String value) {
    try {
      return Double.toString(Double.parseDouble(value));
    } catch (NumberFormatException e) {
      return value;
    }
  }

  private static void close(String what, JsonNode want, JsonNode got, double tolerance) {
    if (want == null || want.isNull()) {
      assertTrue(what + ": expected null, got " + got, got == null || got.isNull());
      return;
    }
    assertTrue(what + ": expected " + want + ", got null", got != null && got.isNumber());
    double w = want.asDouble();
    double g = got.asDouble();
    assertEquals(what, w, g, tolerance * Math.max(1, Math.abs(w)));
  }

  /** The last pane of each key-window, by key|window start. */
  static Map<String, JsonNode> lastPanes(Path output) throws IOException {
    Map<String, JsonNode> byWindow = new HashMap<>();
    try (Stream<Path> files = Files.walk(output)) {
      for (Path p :
          files.filter(f -> f.getFileName().toString().matches(".*_pane\\d+\\.json")).toList()) {
        JsonNode r = JSON.readTree(p.toFile());
        String id = r.get("key").asText() + "|" + r.get("window").get("start").asText();
        JsonNode before = byWindow.get(id);
        if (before == null
            || before.get("pane").get("index").asLong() < r.get("pane").get("index").asLong()) {
          byWindow.put(id, r);
        }
      }
    }
    return byWindow;
  }
}
