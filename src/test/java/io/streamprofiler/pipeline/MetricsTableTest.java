package io.streamprofiler.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamprofiler.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The Parquet metrics table read back with Parquet's own reader equals the JSON reports, row for
 * row: every column of every report (windows, a roll-up, the fleet) is one row in its day's
 * partition with the report's key, window, pane, type, counts, moments, extremes, quantiles, alerts
 * and drift scores, and nothing else is in the table.
 */
public class MetricsTableTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SAMPLE = Path.of("data/iot_telemetry_data_1000.csv").toString();

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void theTableReadBackEqualsTheJsonReportsRowForRow() throws IOException {
    Path out = tmp.newFolder("out").toPath();
    Path table = tmp.newFolder("table").toPath();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            new String[] {
              "--input=" + SAMPLE,
              "--output=" + out,
              "--metricsTable=" + table,
              "--windowSize=5m",
              "--rollups=30m",
              "--fleet",
              "--quiet=true"
            },
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(err.toString(), status, is(Main.OK));

    Map<String, GenericRecord> rows = new HashMap<>(); // key|scope|start|pane|column -> row
    List<Path> files = files(table, ".parquet");
    for (Path file : files) {
      for (GenericRecord r : read(file)) {
        String day =
            Instant.ofEpochSecond((Long) r.get("window_start") / 1_000_000L)
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .toString();
        assertThat(file.toString(), file.getParent().getFileName().toString(), is("day=" + day));
        String id =
            String.join(
                "|",
                r.get("key").toString(),
                r.get("scope").toString(),
                r.get("window_start").toString(),
                r.get("pane_index").toString(),
                r.get("column").toString());
        assertThat("one row per column of each pane: " + id, rows.put(id, r), nullValue());
      }
    }

    int reports = 0;
    int columns = 0;
    List<String> scopes = new ArrayList<>();
    for (Path json : files(out, ".json")) {
      if (!json.getFileName().toString().matches(".*_pane\\d+\\.json")) {
        continue;
      }
      JsonNode report = JSON.readTree(json.toFile());
      reports++;
      String scope = scope(report);
      scopes.add(scope);
      long start = Instant.parse(report.get("window").get("start").asText()).toEpochMilli() * 1000;
      Iterator<Map.Entry<String, JsonNode>> vars = report.get("variables").fields();
      while (vars.hasNext()) {
        Map.Entry<String, JsonNode> v = vars.next();
        String id =
            String.join(
                "|",
                report.get("key").asText(),
                scope,
                String.valueOf(start),
                report.get("pane").get("index").asText(),
                v.getKey());
        GenericRecord row = rows.get(id);
        assertThat("a row for " + id, row == null, is(false));
        assertRowIs(id, row, report, v.getValue());
        columns++;
      }
    }
    assertThat(scopes.contains("30m"), is(true));
    assertThat(scopes.contains("fleet"), is(true));
    assertThat(scopes.contains("window"), is(true));
    assertThat("one file per report", files.size(), is(reports));
    assertThat("nothing in the table but the reports' columns", rows.size(), is(columns));
    assertThat(columns, greaterThan(200));
  }

  private static void assertRowIs(String id, GenericRecord row, JsonNode report, JsonNode var) {
    JsonNode table = report.get("table");
    assertThat(id, row.get("rows"), is(table.get("n").asLong()));
    assertThat(id, row.get("exact"), is(!table.has("exact") || table.get("exact").asBoolean()));
    assertThat(
        id,
        row.get("window_end"),
        is(Instant.parse(report.get("window").get("end").asText()).toEpochMilli() * 1000));
    assertThat(
        id, row.get("pane_timing").toString(), is(report.get("pane").get("timing").asText()));
    assertThat(id, row.get("type").toString(), is(var.get("type").asText()));
    assertThat(id + " count", row.get("count"), is(longOrNull(var, "count")));
    assertThat(id + " missing", row.get("missing"), is(longOrNull(var, "n_missing")));
    assertThat(id + " distinct", row.get("distinct"), is(longOrNull(var, "n_distinct")));
    String[][] numbers = {
      {"mean", "mean"},
      {"std", "std"},
      {"min", "min"},
      {"max", "max"},
      {"p5", "5%"},
      {"p25", "25%"},
      {"p50", "50%"},
      {"p75", "75%"},
      {"p95", "95%"}
    };
    for (String[] n : numbers) {
      assertThat(id + " " + n[0], row.get(n[0]), is(doubleOrNull(var, n[1])));
    }
    List<String> alerts = new ArrayList<>();
    for (JsonNode a : report.get("alerts")) {
      boolean on =
          a.path("column").asText().equals(id.substring(id.lastIndexOf('|') + 1))
              || contains(a.get("columns"), id.substring(id.lastIndexOf('|') + 1));
      if (on) {
        alerts.add(a.get("type").asText());
      }
    }
    List<String> stored = new ArrayList<>();
    ((List<?>) row.get("alerts")).forEach(a -> stored.add(a.toString()));
    assertThat(id + " alerts", stored, is(alerts));
    JsonNode drift = report.path("drift").path("columns").path(row.get("column").toString());
    if (drift.isObject()) {
      assertThat(id + " drift", row.get("drift_level").toString(), is(drift.get("level").asText()));
      assertThat(id + " psi", row.get("drift_psi"), is(doubleOrNull(drift, "psi")));
      assertThat(id + " ks", row.get("drift_ks"), is(doubleOrNull(drift, "ks")));
      assertThat(
          id + " mean shift", row.get("drift_mean_shift"), is(doubleOrNull(drift, "mean_shift")));
    } else {
      assertThat(id + " no drift", row.get("drift_level"), nullValue());
    }
  }

  private static boolean contains(JsonNode list, String column) {
    if (list == null) {
      return false;
    }
    for (JsonNode c : list) {
      if (c.asText().equals(column)) {
        return true;
      }
    }
    return false;
  }

  private static String scope(JsonNode report) {
    JsonNode s = report.get("scope");
    if (s == null) {
      return "window";
    }
    return s.get("kind").asText().equals("fleet") ? "fleet" : s.get("window").asText();
  }

  private static Long longOrNull(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isNumber() ? null : v.asLong();
  }

  /** As the report writes it: numbers, and "Infinity"/"-Infinity" for infinite ones. */
  private static Double doubleOrNull(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null) {
      return null;
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    return switch (v.asText()) {
      case "Infinity" -> Double.POSITIVE_INFINITY;
      case "-Infinity" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> null;
    };
  }

  private static List<GenericRecord> read(Path file) throws IOException {
    List<GenericRecord> rows = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(
                HadoopInputFile.fromPath(
                    new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))
            .build()) {
      for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
        rows.add(r);
      }
    }
    return rows;
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
