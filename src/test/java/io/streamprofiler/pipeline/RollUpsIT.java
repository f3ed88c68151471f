package io.streamprofiler.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamprofiler.cli.Main;
import io.streamprofiler.render.Html;
import io.streamprofiler.render.IndexPage;
import io.streamprofiler.sink.ReportNames;
import io.streamprofiler.testing.Deadline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.TestRule;

/**
 * The 405,184-row benchmark with {@code --rollups=1d --fleet}: every day of every device and every
 * hour of the fleet is profiled from the merged hourly states, and their exact statistics equal
 * pandas' on the same rows (count, missing, mean, std, min, max, zeros, to 1e-9; fixture from
 * {@code src/test/oracle/rollup_fixtures.py}); their quantiles lie within the KLL sketch's stated
 * rank error of the true ones and their distinct counts within the HyperLogLog bounds they state.
 */
public class RollUpsIT {
  @Rule public final TestRule deadline = Deadline.minutes(5);
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> NUMERIC = List.of("co", "humidity", "lpg", "smoke", "temp");
  private static final double[] QUANTILES = {0.05, 0.25, 0.5, 0.75, 0.95};
  private static final String[] LEVELS = {"5%", "25%", "50%", "75%", "95%"};

  private static Path out;
  private static JsonNode fixture;
  private static String printed;

  /** Column values per device and day, and per hour, from the generated CSV. */
  private static final Map<String, List<double[]>> DAYS = new HashMap<>();

  private static final Map<String, List<double[]>> HOURS = new HashMap<>();

  @BeforeClass
  public static void profileTheBenchmarkWithRollUpsAndAFleet() throws IOException {
    fixture = JSON.readTree(RollUpsIT.class.getResourceAsStream("/fixtures/rollups_405184.json"));
    Path data = TMP.getRoot().toPath().resolve("telemetry.csv");
    assertThat(
        Main.run(
            new String[] {"generate", "--rows=405184", "--devices=3", "--output=" + data},
            System.out,
            System.err),
        is(0));
    out = TMP.newFolder("out").toPath();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long start = System.nanoTime();
    int status =
        Main.run(
            new String[] {
              "--source=file",
              "--input=" + data,
              "--output=" + out,
              "--rollups=1d",
              "--fleet",
              "--quiet"
            },
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    System.out.printf(
        "405,184 rows with roll-ups and fleet: %d ms%n", (System.nanoTime() - start) / 1_000_000);
    printed = stdout.toString(StandardCharsets.UTF_8);
    assertThat(err.toString(StandardCharsets.UTF_8), status, is(Main.OK));
    List<String> lines = Files.readAllLines(data);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      long seconds = (long) Math.floor(Double.parseDouble(f[0]));
      Instant t = Instant.ofEpochSecond(seconds);
      double[] values = new double[NUMERIC.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = Double.parseDouble(f[new int[] {2, 3, 5, 7, 8}[i]]);
      }
      String day = Instant.ofEpochSecond(Math.floorDiv(seconds, 86_400) * 86_400).toString();
      String hour = Instant.ofEpochSecond(Math.floorDiv(seconds, 3_600) * 3_600).toString();
      DAYS.computeIfAbsent(f[1] + "|" + day, k -> new ArrayList<>()).add(values);
      HOURS.computeIfAbsent(hour, k -> new ArrayList<>()).add(values);
      assertThat(t.getEpochSecond() >= 0, is(true));
    }
  }

  @Test
  public void everyRowIsProfiledOnceAndTheIndexHasTheFleetOnTop() throws IOException {
    assertThat(printed, containsString("rows_read=405184 rows_profiled=405184"));
    String index = Files.readString(out.resolve("index.html"));
    int fleet = index.indexOf(Html.escape(IndexPage.FLEET_ROW));
    int firstKey = index.indexOf("00:0f:00:70:91:0a");
    assertThat(fleet > 0 && fleet < firstKey, is(true));
    assertThat(index, containsString(Html.escape("00:0f:00:70:91:0a · 1d")));
  }

  @Test
  public void dailyRollUpsEqualPandas() throws IOException {
    int checked = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = fixture.get("daily").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> day = it.next();
      String[] keyAndDay = day.getKey().split("\\|");
      long start = Instant.parse(keyAndDay[1]).toEpochMilli() * 1000L;
      JsonNode report = newest(ReportNames.report(keyAndDay[0], start, 0, "json", "1d"));
      check(day.getKey(), report, day.getValue(), DAYS.get(day.getKey()));
      assertThat(report.get("scope").get("kind").asText(), is("rollup"));
      checked++;
    }
    assertThat(checked, is(24));
  }

  @Test
  public void fleetProfilesEqualPandas() throws IOException {
    int checked = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = fixture.get("fleet").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> hour = it.next();
      long start = Instant.parse(hour.getKey()).toEpochMilli() * 1000L;
      JsonNode report = newest(ReportNames.report("", start, 0, "json", "fleet"));
      check("fleet " + hour.getKey(), report, hour.getValue(), HOURS.get(hour.getKey()));
      assertThat(report.get("scope").get("keys").size(), is(3));
      checked++;
    }
    assertThat(checked, is(24));
    try (Stream<Path> fleet = Files.list(out.resolve(ReportNames.FLEET))) {
      assertThat(fleet.filter(p -> p.toString().endsWith(".json")).count(), is(192L));
    }
  }

  /** The largest rank error of a checked quantile, as a share of the stated bound. */
  private static final double[] WORST = new double[1];

  @org.junit.AfterClass
  public static void sayHowCloseTheQuantilesCame() {
    System.out.printf("largest quantile rank error: %.2f of the stated bound%n", WORST[0]);
  }

  private static double rankError(double[] sorted, double v, double q) {
    int below = 0;
    while (below < sorted.length && sorted[below] < v) {
      below++;
    }
    int upTo = below;
    while (upTo < sorted.length && sorted[upTo] == v) {
      upTo++;
    }
    double target = q * sorted.length;
    return (target < below ? below - target : target > upTo ? target - upTo : 0) / sorted.length;
  }

  /** The report with the highest pane of the one {@code pane0} names. */
  private static JsonNode newest(String pane0) throws IOException {
    Path first = out.resolve(pane0);
    JsonNode newest = null;
    for (int pane = 0;
        Files.exists(Path.of(first.toString().replace("_pane0.", "_pane" + pane + ".")));
        pane++) {
      newest =
          JSON.readTree(
              Path.of(first.toString().replace("_pane0.", "_pane" + pane + ".")).toFile());
    }
    assertThat("a report at " + first, newest != null, is(true));
    return newest;
  }

  private static void check(String what, JsonNode report, JsonNode expected, List<double[]> rows) {
    assertThat(what, report.get("table").get("exact").asBoolean(), is(false));
    assertThat(what, report.get("table").get("n").asLong(), is(expected.get("rows").asLong()));
    for (int i = 0; i < NUMERIC.size(); i++) {
      String column = NUMERIC.get(i);
      JsonNode v = report.get("variables").get(column);
      JsonNode want = expected.get("columns").get(column);
      String at = what + " " + column;
      assertThat(at, v.get("count").asLong(), is(want.get("count").asLong()));
      assertThat(at, v.get("n_missing").asLong(), is(want.get("n_missing").asLong()));
      assertThat(at, v.get("n_zeros").asLong(), is(want.get("n_zeros").asLong()));
      for (String stat : new String[] {"mean", "std", "min", "max"}) {
        double got = v.get(stat).asDouble();
        double exp = want.get(stat).asDouble();
        assertThat(
            at + " " + stat + " " + got + " vs pandas " + exp,
            Math.abs(got - exp) / Math.max(1e-300, Math.abs(exp)),
            lessThanOrEqualTo(1e-9));
      }
      // quantiles: within the stated rank error of the true ones (numpy's, in the fixture too)
      double eps = v.get("estimates").get("quantile_rank_error").asDouble();
      final int c = i;
      double[] sorted = rows.stream().mapToDouble(r -> r[c]).sorted().toArray();
      for (int q = 0; q < QUANTILES.length; q++) {
        double got = v.get(LEVELS[q]).asDouble();
        double low =
            sorted[(int) Math.max(0, Math.floor((QUANTILES[q] - eps) * (sorted.length - 1)))];
        double high =
            sorted[
                (int)
                    Math.min(
                        sorted.length - 1, Math.ceil((QUANTILES[q] + eps) * (sorted.length - 1)))];
        WORST[0] = Math.max(WORST[0], rankError(sorted, got, QUANTILES[q]) / eps);
        assertThat(at + " " + LEVELS[q], got, greaterThanOrEqualTo(low));
        assertThat(at + " " + LEVELS[q], got, lessThanOrEqualTo(high));
      }
      JsonNode distinct = v.get("estimates").get("n_distinct");
      double truth = want.get("n_distinct").asDouble();
      assertThat(
          at + " distinct " + truth + " in " + distinct,
          truth >= distinct.get("low").asDouble() && truth <= distinct.get("high").asDouble(),
          is(true));
      assertThat(at, Arrays.asList(sorted.length), is(List.of((int) want.get("count").asLong())));
    }
  }
}
