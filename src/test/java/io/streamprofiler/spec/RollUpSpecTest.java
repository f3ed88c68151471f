package io.streamprofiler.spec;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

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
import java.util.List;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code pipelines/iot-rollups.yaml}: the sample in 5-minute windows with 30-minute and hourly
 * roll-ups and a fleet profile. The hourly roll-up of each device is merged from its six windows'
 * states, and its exact statistics equal those pandas computed over the device's hour of rows
 * ({@code fixtures/iot_sample_expected.json}); every row is counted once.
 */
public class RollUpSpecTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  public void theHourlyRollUpOfFiveMinuteWindowsEqualsPandasOverTheHour() throws IOException {
    File output = tmp.newFolder("rollups");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            new String[] {
              "--pipeline=pipelines/iot-rollups.yaml", "--output=" + output, "--quiet=true"
            },
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(err.toString(), status, is(Main.OK));
    JsonNode summary = JSON.readTree(new File(output, "run-summary.json"));
    assertThat(summary.get("rows_profiled").asLong(), is(999L));
    assertThat(summary.get("balanced").asBoolean(), is(true));

    List<Path> json;
    try (Stream<Path> files = Files.walk(output.toPath())) {
      json = files.filter(p -> p.toString().endsWith("_pane0.json")).toList();
    }
    assertThat(
        "6 windows x 3 devices",
        count(json, p -> !p.contains("_30m_") && !p.contains("_1h_") && !p.contains("_fleet")),
        is(18L));
    assertThat(count(json, p -> p.contains("_30m_")), is(3L));
    assertThat(count(json, p -> p.contains("_1h_")), is(3L));
    assertThat(count(json, p -> p.contains("/_fleet/")), is(6L));

    JsonNode fixture =
        JSON.readTree(new File("src/test/resources/fixtures/iot_sample_expected.json"));
    int checked = 0;
    for (JsonNode expected : fixture.get("profiles")) {
      String key = expected.get("key").asText();
      JsonNode hour = null;
      for (Path p : json) {
        JsonNode r = JSON.readTree(p.toFile());
        if (p.toString().contains("_1h_") && r.get("key").asText().equals(key)) {
          hour = r;
        }
      }
      assertThat(key, hour != null, is(true));
      assertThat(hour.get("scope").get("windows").asLong(), is(6L));
      assertThat(hour.get("table").get("n").asLong(), is(expected.get("table").get("n").asLong()));
      for (String column : List.of("co", "humidity", "lpg", "smoke", "temp")) {
        JsonNode want = expected.get("variables").get(column);
        JsonNode got = hour.get("variables").get(column);
        for (String stat : List.of("n", "count", "n_missing", "n_zeros")) {
          assertThat(
              key + " " + column + " " + stat, got.get(stat).asLong(), is(want.get(stat).asLong()));
        }
        for (String stat : List.of("mean", "std", "min", "max")) {
          double g = got.get(stat).asDouble();
          double w = want.get(stat).asDouble();
          assertThat(
              key + " " + column + " " + stat + " " + g + " vs " + w,
              Math.abs(g - w) / Math.abs(w),
              lessThanOrEqualTo(1e-9));
        }
      }
      checked++;
    }
    assertThat(checked, is(3));
  }

  private static long count(List<Path> files, java.util.function.Predicate<String> which) {
    return files.stream().map(Path::toString).filter(which).count();
  }
}
