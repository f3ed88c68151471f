package io.streamprofiler.runners;

import static io.streamprofiler.runners.RunnerTestSupport.SAMPLE;
import static io.streamprofiler.runners.RunnerTestSupport.SAMPLE_ROWS;
import static io.streamprofiler.runners.RunnerTestSupport.assertSameProfiles;
import static io.streamprofiler.runners.RunnerTestSupport.concat;
import static io.streamprofiler.runners.RunnerTestSupport.measured;
import static io.streamprofiler.runners.RunnerTestSupport.mergedReports;
import static io.streamprofiler.runners.RunnerTestSupport.readJson;
import static io.streamprofiler.runners.RunnerTestSupport.rowCounts;
import static io.streamprofiler.runners.RunnerTestSupport.runMain;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprofiler.testing.Deadline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.TestRule;

/**
 * The same options on Beam's embedded Flink ({@code --flinkMaster=[local]}) give the same profiles
 * as on the DirectRunner, in batch and in streaming mode (the latter with checkpointing and the
 * filesystem state backend, as runners/flink/submit.sh runs streaming jobs on a cluster).
 */
public class FlinkLocalIT {
  @Rule public final TestRule deadline = Deadline.minutes(3);
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  private static Path direct;

  @BeforeClass
  public static void profileOnTheDirectRunner() throws IOException {
    direct = TMP.newFolder("direct").toPath();
    long start = System.nanoTime();
    runMain(concat(SAMPLE, new String[] {"--runner=DirectRunner", "--output=" + direct}));
    measured("DirectRunner, sample, in-process", (System.nanoTime() - start) / 1_000_000);
    assertThat(rowCounts(direct), is(SAMPLE_ROWS));
  }

  @Test
  public void batchOnFlinkGivesTheDirectRunnersProfiles() throws IOException {
    Path out = TMP.newFolder("flink-batch").toPath();
    long start = System.nanoTime();
    String printed =
        runMain(
            concat(
                SAMPLE,
                new String[] {
                  "--runner=FlinkRunner",
                  "--flinkMaster=[local]",
                  "--parallelism=2",
                  "--output=" + out
                }));
    measured(
        "FlinkRunner [local] batch, sample, in-process", (System.nanoTime() - start) / 1_000_000);
    assertThat(
        printed,
        containsString(
            "summary: rows_read=999 rows_profiled=999 rows_rejected=0 rows_dropped_late=0 reports_written=3"));
    assertThat("byte-identical profiles", assertSameProfiles(direct, out), is(3));
    assertSameSummary(out);
  }

  @Test
  public void streamingOnFlinkGivesTheDirectRunnersProfiles() throws IOException {
    Path out = TMP.newFolder("flink-streaming").toPath();
    Path state = TMP.newFolder("flink-state").toPath();
    long start = System.nanoTime();
    String printed =
        runMain(
            concat(
                SAMPLE,
                new String[] {
                  "--runner=FlinkRunner",
                  "--flinkMaster=[local]",
                  "--parallelism=2",
                  "--streaming=true",
                  "--checkpointingInterval=1000",
                  "--stateBackend=filesystem",
                  "--stateBackendStoragePath=" + state.toUri(),
                  "--shutdownSourcesAfterIdleMs=1000",
                  "--output=" + out
                }));
    measured(
        "FlinkRunner [local] streaming, sample, in-process",
        (System.nanoTime() - start) / 1_000_000);
    assertThat(printed, containsString("rows_profiled=999"));
    int identical = assertSameProfiles(direct, out);
    System.out.printf(
        "streaming: %d of 3 profiles byte-identical, the rest identical but for pane timing%n",
        identical);
    assertSameSummary(out);
  }

  /**
   * Roll-ups and the fleet on Flink, batch and stream, give the DirectRunner's: the same reports
   * with the same exact statistics, merged from the same windows' states.
   */
  @Test
  public void rollUpsAndTheFleetOnFlinkGiveTheDirectRunnersOnes() throws IOException {
    String[] spec = {"--pipeline=pipelines/iot-rollups.yaml", "--quiet=true"};
    Path onDirect = TMP.newFolder("rollups-direct").toPath();
    runMain(concat(spec, new String[] {"--runner=DirectRunner", "--output=" + onDirect}));
    Map<String, String> expected = mergedReports(onDirect);
    assertThat(expected.size(), is(12)); // 3 keys x (30m, 1h) + 6 fleet windows
    Path batch = TMP.newFolder("rollups-flink-batch").toPath();
    runMain(
        concat(
            spec,
            new String[] {
              "--runner=FlinkRunner",
              "--flinkMaster=[local]",
              "--parallelism=2",
              "--source=file",
              "--output=" + batch
            }));
    assertThat(mergedReports(batch), is(expected));
    Path stream = TMP.newFolder("rollups-flink-stream").toPath();
    runMain(
        concat(
            spec,
            new String[] {
              "--runner=FlinkRunner",
              "--flinkMaster=[local]",
              "--parallelism=2",
              "--streaming=true",
              "--output=" + stream,
              "--metricsTable=" + stream.resolve("table")
            }));
    assertThat(mergedReports(stream), is(expected));
    // the metrics table on a Flink stream: one Parquet file per report pane, in day partitions
    long reports;
    long tables;
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(stream)) {
      reports = files.filter(p -> p.toString().matches(".*_pane\\d+\\.json")).count();
    }
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(stream.resolve("table"))) {
      tables =
          files
              .filter(p -> p.toString().matches(".*/day=\\d{4}-\\d\\d-\\d\\d/[^/]+\\.parquet"))
              .count();
    }
    assertThat(reports > 0, is(true));
    assertThat(tables, is(reports));
  }

  /** The engine's time per pane and the reports' latency differ from run to run; no count may. */
  private static JsonNode withoutTimings(JsonNode summary) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = summary.deepCopy();
    copy.remove(
        java.util.List.of(
            "profile_millis_mean",
            "profile_millis_max",
            "report_latency_millis_mean",
            "report_latency_millis_p50",
            "report_latency_millis_p99",
            "report_latency_millis_max"));
    return copy;
  }

  private static void assertSameSummary(Path out) throws IOException {
    JsonNode want = withoutTimings(readJson(direct.resolve("run-summary.json")));
    JsonNode got = withoutTimings(readJson(out.resolve("run-summary.json")));
    assertThat(got, is(want));
    assertThat(Files.exists(out.resolve("rejected")), is(Files.exists(direct.resolve("rejected"))));
  }
}
