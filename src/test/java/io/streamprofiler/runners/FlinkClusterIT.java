package io.streamprofiler.runners;

import static io.streamprofiler.runners.RunnerTestSupport.JAR;
import static io.streamprofiler.runners.RunnerTestSupport.LONG_RUNNING;
import static io.streamprofiler.runners.RunnerTestSupport.PROJECT;
import static io.streamprofiler.runners.RunnerTestSupport.SAMPLE;
import static io.streamprofiler.runners.RunnerTestSupport.SAMPLE_ROWS;
import static io.streamprofiler.runners.RunnerTestSupport.assertSameProfiles;
import static io.streamprofiler.runners.RunnerTestSupport.concat;
import static io.streamprofiler.runners.RunnerTestSupport.finalPanes;
import static io.streamprofiler.runners.RunnerTestSupport.freePort;
import static io.streamprofiler.runners.RunnerTestSupport.measured;
import static io.streamprofiler.runners.RunnerTestSupport.mergedReports;
import static io.streamprofiler.runners.RunnerTestSupport.parseJson;
import static io.streamprofiler.runners.RunnerTestSupport.readJson;
import static io.streamprofiler.runners.RunnerTestSupport.rowCounts;
import static io.streamprofiler.runners.RunnerTestSupport.runMain;
import static io.streamprofiler.runners.RunnerTestSupport.script;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprofiler.runners.RunnerTestSupport.Result;
import io.streamprofiler.testing.Deadline;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.TestRule;

/**
 * A real Flink 1.19 session cluster — a JobManager and two TaskManagers, each its own JVM, started
 * by runners/flink/start-cluster.sh on free loopback ports, in its own folder under target/ — runs
 * the fat jar submitted by runners/flink/submit.sh; status.sh and cancel.sh follow and stop jobs
 * through the REST API. The cluster is stopped after the tests in every outcome (and by a shutdown
 * hook if the JVM is ended first).
 */
public class FlinkClusterIT {
  @Rule public final TestRule deadline = Deadline.minutes(5);
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  private static final Path CLUSTER = PROJECT.resolve("target/flink-it-cluster");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Map<String, String> env;
  private static String rest;
  private static Thread stopOnExit;
  private static Path direct;

  @BeforeClass
  public static void startCluster() throws IOException {
    assertThat("build the fat jar first (mvn package): " + JAR, Files.exists(JAR), is(true));
    int restPort = freePort();
    env =
        Map.of(
            "FLINK_CLUSTER_DIR", CLUSTER.toString(),
            "FLINK_REST_PORT", Integer.toString(restPort),
            "FLINK_RPC_PORT", Integer.toString(freePort()),
            "FLINK_BLOB_PORT", Integer.toString(freePort()),
            "FLINK_JAR", JAR.toString());
    rest = "http://localhost:" + restPort;
    stopCluster(); // a cluster left behind by an earlier run that was killed
    stopOnExit = new Thread(FlinkClusterIT::stopCluster, "stop the Flink cluster");
    Runtime.getRuntime().addShutdownHook(stopOnExit);

    Result started = script(env, 240, "runners/flink/start-cluster.sh", "2");
    assertThat(started.output(), started.status(), is(0));
    assertThat(started.output(), containsString("web UI: " + rest));
    measured("start-cluster.sh 2 (whole script)", started.millis());
    JsonNode overview = parseJson(get("/overview"));
    assertThat(overview.get("taskmanagers").asInt(), is(2));
    assertThat(overview.get("slots-total").asInt(), is(4));

    direct = TMP.newFolder("direct").toPath();
    runMain(concat(SAMPLE, new String[] {"--runner=DirectRunner", "--output=" + direct}));
  }

  @AfterClass
  public static void stopClusterAfterTests() {
    stopCluster();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException | NullPointerException e) {
      // already shutting down, or never registered
    }
  }

  private static void stopCluster() {
    if (env == null) {
      return;
    }
    Result stopped = script(env, 60, "runners/flink/stop-cluster.sh");
    System.out.println(stopped.output());
    measured("stop-cluster.sh", stopped.millis());
  }

  /**
   * Submitted detached in streaming mode: the job id at once, RUNNING, then FINISHED with the three
   * profiles.
   */
  @Test
  public void detachedStreamingSampleRunsThenFinishesWithTheThreeProfiles() throws Exception {
    Path out = TMP.newFolder("cluster-streaming").toPath();
    Result submitted =
        script(
            env,
            240,
            "runners/flink/submit.sh",
            concat(new String[] {"--detached", "--streaming=true", "--output=" + out}, SAMPLE));
    assertThat(submitted.output(), submitted.status(), is(0));
    String jid = submitted.find("job id: ([0-9a-f]{32})");
    assertThat(submitted.output(), containsString("web UI: " + rest + "/#/job/running/" + jid));
    measured("submit.sh --detached (until the cluster lists the job)", submitted.millis());

    long start = System.nanoTime();
    List<String> states = new ArrayList<>();
    String state = "";
    while (!terminal(state)) {
      assertThat(
          "job still " + state + " after 120 s",
          System.nanoTime() - start,
          lessThan(120_000_000_000L));
      Result status = script(env, 30, "runners/flink/status.sh", jid);
      assertThat(status.output(), status.status(), is(0));
      state = status.output().lines().findFirst().orElse("");
      if (states.isEmpty() || !states.get(states.size() - 1).equals(state)) {
        states.add(state);
      }
      Thread.sleep(200);
    }
    measured(
        "streaming sample job, from listed to FINISHED", (System.nanoTime() - start) / 1_000_000);
    System.out.println("states seen by status.sh: " + states);
    assertThat(states, hasItem("RUNNING"));
    assertThat(states.get(states.size() - 1), is("FINISHED"));
    assertThat(states.indexOf("RUNNING"), lessThan(states.indexOf("FINISHED")));

    JsonNode job = parseJson(get("/jobs/" + jid));
    assertThat(job.get("state").asText(), is("FINISHED"));
    assertThat(job.get("name").asText(), containsString("stream-profiler-"));
    measured("streaming sample job, duration reported by Flink", job.get("duration").asLong());

    assertThat(rowCounts(out), is(SAMPLE_ROWS));
    assertSameProfiles(direct, out);
    // The detached client waits for the end in the background and then writes the run's summary.
    Path summary = out.resolve("run-summary.json");
    waitFor(
        "run-summary.json of the detached client",
        60,
        () -> {
          try {
            return Files.exists(summary) && readJson(summary).has("balanced");
          } catch (IOException e) {
            return false; // still being written
          }
        });
    JsonNode counts = readJson(summary);
    assertThat(counts.toString(), counts.get("rows_read").asLong(), is(999L));
    assertThat(counts.toString(), counts.get("rows_profiled").asLong(), is(999L));
    assertThat(counts.toString(), counts.get("reports_written").asLong(), is(3L));
  }

  /**
   * Submitted attached in batch mode: waits for the end, prints the summary, byte-identical
   * profiles.
   */
  @Test
  public void attachedBatchSubmissionWaitsAndGivesTheDirectRunnersProfiles() throws Exception {
    Path out = TMP.newFolder("cluster-batch").toPath();
    Result submitted =
        script(
            env, 240, "runners/flink/submit.sh", concat(new String[] {"--output=" + out}, SAMPLE));
    assertThat(submitted.output(), submitted.status(), is(0));
    String jid = submitted.find("job id: ([0-9a-f]{32})");
    assertThat(
        submitted.output(),
        containsString(
            "summary: rows_read=999 rows_profiled=999 rows_rejected=0 rows_dropped_late=0 reports_written=3"));
    assertThat(submitted.output(), containsString("job " + jid + ": FINISHED"));
    measured("submit.sh attached batch sample (submit + run + summary)", submitted.millis());
    assertThat(parseJson(get("/jobs/" + jid)).get("state").asText(), is("FINISHED"));
    assertThat("byte-identical profiles", assertSameProfiles(direct, out), is(3));
  }

  /** Roll-ups and the fleet of a spec, on the cluster, give the DirectRunner's. */
  @Test
  public void aSpecWithRollUpsAndAFleetGivesTheDirectRunnersMergedProfiles() throws Exception {
    String[] spec = {"--pipeline=" + PROJECT.resolve("pipelines/iot-rollups.yaml"), "--quiet=true"};
    Path onDirect = TMP.newFolder("rollups-direct").toPath();
    runMain(concat(spec, new String[] {"--runner=DirectRunner", "--output=" + onDirect}));
    Path out = TMP.newFolder("rollups-cluster").toPath();
    Result submitted =
        script(
            env,
            240,
            "runners/flink/submit.sh",
            concat(
                spec,
                new String[] {
                  "--input=" + PROJECT.resolve("data/iot_telemetry_data_1000.csv"),
                  "--source=file",
                  "--output=" + out
                }));
    assertThat(submitted.output(), submitted.status(), is(0));
    assertThat(submitted.output(), containsString("rows_read=999 rows_profiled=999"));
    assertThat(mergedReports(out), is(mergedReports(onDirect)));
  }

  /**
   * The pipeline's metrics of a job from Flink's REST API, by name, summed over vertices and
   * subtasks. Flink lists a Beam metric of namespace {@code stream-profiler} as {@code
   * <subtask>.<step>.stream-profiler_<name>}; a counter's value is a number, a distribution's a
   * text. Beam registers a metric when it is first updated, so a counter still at zero is absent.
   */
  private static java.util.Map<String, String> profilerMetrics(String jid) throws Exception {
    String prefix = io.streamprofiler.source.Accounting.NAMESPACE + "_";
    java.util.Map<String, String> metrics = new java.util.TreeMap<>();
    for (JsonNode vertex : parseJson(get("/jobs/" + jid)).get("vertices")) {
      String base = "/jobs/" + jid + "/vertices/" + vertex.get("id").asText() + "/metrics";
      List<String> ids = new ArrayList<>();
      for (JsonNode m : parseJson(get(base))) {
        String id = m.get("id").asText();
        if (id.contains("." + prefix)) {
          ids.add(id);
        }
      }
      if (ids.isEmpty()) {
        continue;
      }
      String query =
          ids.stream()
              .map(i -> java.net.URLEncoder.encode(i, java.nio.charset.StandardCharsets.UTF_8))
              .collect(java.util.stream.Collectors.joining(","));
      for (JsonNode m : parseJson(get(base + "?get=" + query))) {
        String id = m.get("id").asText();
        String name = id.substring(id.lastIndexOf("." + prefix) + 1 + prefix.length());
        String value = m.get("value").asText();
        metrics.merge(
            name,
            value,
            (x, y) ->
                isCount(x) && isCount(y)
                    ? Long.toString(Long.parseLong(x) + Long.parseLong(y))
                    : x);
      }
    }
    return metrics;
  }

  private static boolean isCount(String value) {
    return value.matches("-?[0-9]+");
  }

  /**
   * A job that does not end by itself is RUNNING, writes its reports, and is cancelled by
   * cancel.sh.
   */
  @Test
  public void cancelStopsALongRunningStreamingJob() throws Exception {
    Path out = TMP.newFolder("cluster-long").toPath();
    Result submitted =
        script(
            env,
            240,
            "runners/flink/submit.sh",
            concat(new String[] {"--detached", "--output=" + out}, LONG_RUNNING));
    assertThat(submitted.output(), submitted.status(), is(0));
    String jid = submitted.find("job id: ([0-9a-f]{32})");

    waitFor("job RUNNING", 60, () -> "RUNNING".equals(stateOf(jid)));
    // A streaming job writes its reports while it runs: the sample's windows close when its source
    // is done.
    waitFor(
        "three reports of the running job",
        90,
        () -> {
          try {
            return finalPanes(out).size() == 3;
          } catch (IOException e) {
            return false;
          }
        });
    assertThat(rowCounts(out), is(SAMPLE_ROWS));
    Thread.sleep(2_000);
    assertThat("a long-running job keeps running", stateOf(jid), is("RUNNING"));
    // The pipeline's metrics, as Flink's REST API lists them for the running job. Flink's
    // JobManager fetches them from the TaskManagers every few seconds, hence the wait.
    java.util.concurrent.atomic.AtomicReference<java.util.Map<String, String>> seen =
        new java.util.concurrent.atomic.AtomicReference<>(java.util.Map.of());
    waitFor(
        "the job's counters in Flink's REST API",
        60,
        () -> {
          try {
            seen.set(profilerMetrics(jid));
            // each step's counters reach the REST API on their own schedule: wait for all
            return "999".equals(seen.get().get("rows_profiled"))
                && "3".equals(seen.get().get("reports_written"))
                && "999".equals(seen.get().get("rows_read"))
                && "3".equals(seen.get().get("panes_profiled"));
          } catch (Exception e) {
            return false;
          }
        });
    System.out.println("stream-profiler metrics via REST: " + seen.get());
    assertThat(seen.get().get("rows_read"), is("999"));
    assertThat(seen.get().get("panes_profiled"), is("3"));
    assertThat(Long.parseLong(seen.get().get("report_bytes")), greaterThan(100_000L));
    assertThat("a distribution per pane", seen.get().containsKey("profile_millis"), is(true));

    Result cancelled = script(env, 90, "runners/flink/cancel.sh", jid);
    assertThat(cancelled.output(), cancelled.status(), is(0));
    assertThat(cancelled.output(), containsString("CANCELED"));
    measured("cancel.sh (until CANCELED)", cancelled.millis());
    assertThat(parseJson(get("/jobs/" + jid)).get("state").asText(), is("CANCELED"));

    Result again = script(env, 30, "runners/flink/cancel.sh", jid);
    assertThat(again.output(), again.status(), is(0));
    Result unknown = script(env, 30, "runners/flink/status.sh", "0123456789abcdef0123456789abcdef");
    assertThat(unknown.output(), unknown.status(), is(1));
  }

  private static boolean terminal(String state) {
    return List.of("FINISHED", "FAILED", "CANCELED").contains(state);
  }

  private static String stateOf(String jid) {
    try {
      return parseJson(get("/jobs/" + jid)).get("state").asText();
    } catch (IOException e) {
      return "";
    }
  }

  private static String get(String path) throws IOException {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(rest + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException(
            "GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void waitFor(String what, int seconds, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + what + " within " + seconds + " s");
      }
      Thread.sleep(200);
    }
  }
}
