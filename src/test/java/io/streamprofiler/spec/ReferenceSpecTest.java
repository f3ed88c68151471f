package io.streamprofiler.spec;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamprofiler.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code pipelines/iot-telemetry.yaml} reproduces the reference: run from the spec alone and from
 * command-line options alone, every report file is the same (JSON equal; the run summary's timing
 * metrics aside).
 */
public class ReferenceSpecTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void specOnlyAndCommandLineOnlyGiveIdenticalReports() throws IOException {
    File fromSpec = tmp.newFolder("spec");
    File fromFlags = tmp.newFolder("flags");
    run("--pipeline=pipelines/iot-telemetry.yaml", "--output=" + fromSpec, "--quiet=true");
    run(
        "--source=replay",
        "--input=data/iot_telemetry_data_1000.csv",
        "--keyColumn=device",
        "--timestampColumn=ts",
        "--timestampFormat=epoch_seconds",
        "--timeZone=UTC",
        "--missingValues=,NA,NaN,nan,null,NULL",
        "--windowSize=1h",
        "--allowedLateness=30s",
        "--maxOutOfOrderness=30s",
        "--earlyFiringInterval=0",
        "--replaySpeed=0",
        "--follow=false",
        "--correlations=pearson,spearman,kendall,cramers,auto",
        "--maxLags=100",
        "--significance=0.05",
        "--timeSeriesAutocorrelation=0.7",
        "--categoricalMaxDistinct=5",
        "--missingThreshold=0.01",
        "--zerosThreshold=0.01",
        "--infiniteThreshold=0.01",
        "--skewnessThreshold=20",
        "--imbalanceThreshold=0.5",
        "--highCardinalityThreshold=50",
        "--correlationThreshold=0.9",
        "--uniformThreshold=0.999",
        "--output=" + fromFlags,
        "--quiet=true");

    List<String> specFiles = files(fromSpec.toPath());
    assertEquals(specFiles, files(fromFlags.toPath()));
    assertTrue(
        specFiles.toString(),
        specFiles.stream().filter(f -> f.endsWith("_pane0.json")).count() == 3);
    for (String f : specFiles) {
      Path a = fromSpec.toPath().resolve(f);
      Path b = fromFlags.toPath().resolve(f);
      if (f.endsWith(".json")) {
        assertEquals(
            f, comparable(f, JSON.readTree(a.toFile())), comparable(f, JSON.readTree(b.toFile())));
      } else {
        assertTrue(f + " differs", Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)));
      }
    }
    JsonNode summary = JSON.readTree(new File(fromSpec, "run-summary.json"));
    assertThat(summary.get("rows_profiled").asLong(), is(999L));
    assertThat(summary.get("reports_written").asLong(), is(3L));
  }

  /** The run summary's timings differ from run to run; everything else must not. */
  private static JsonNode comparable(String file, JsonNode json) {
    if (file.equals("run-summary.json") && json instanceof ObjectNode o) {
      List<String> timings = new ArrayList<>();
      o.fieldNames()
          .forEachRemaining(
              n -> {
                if (n.contains("millis") || n.contains("seconds")) {
                  timings.add(n);
                }
              });
      o.remove(timings);
    }
    return json;
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return new ArrayList<>(
          new TreeSet<>(
              walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).toList()));
    }
  }

  private static void run(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            args,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(err.toString(StandardCharsets.UTF_8), status, is(Main.OK));
  }
}
