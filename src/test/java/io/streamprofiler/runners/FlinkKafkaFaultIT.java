package io.streamprofiler.runners;

import static io.streamprofiler.runners.RunnerTestSupport.JAR;
import static io.streamprofiler.runners.RunnerTestSupport.PROJECT;
import static io.streamprofiler.runners.RunnerTestSupport.finalPanes;
import static io.streamprofiler.runners.RunnerTestSupport.freePort;
import static io.streamprofiler.runners.RunnerTestSupport.measured;
import static io.streamprofiler.runners.RunnerTestSupport.parseJson;
import static io.streamprofiler.runners.RunnerTestSupport.readJson;
import static io.streamprofiler.runners.RunnerTestSupport.runMain;
import static io.streamprofiler.runners.RunnerTestSupport.script;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprofiler.cli.Main;
import io.streamprofiler.runners.RunnerTestSupport.Result;
import io.streamprofiler.source.KafkaBroker;
import io.streamprofiler.source.PublishCsv;
import io.streamprofiler.testing.Deadline;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.TestRule;

/**
 * A streaming job on a real Flink cluster reads a real Kafka topic of two partitions with
 * checkpointing on (filesystem state backend under the cluster folder). A generated stream of 9,000
 * rows (3 devices, 5.1 s apart: about 4¼ event-time hours) is cut at 60%, so the first part alone
 * closes the windows of its first two hours: reports are written before the fault. Once a
 * checkpoint has completed after them, the TaskManager process is killed with SIGKILL and a new one
 * started; the job restores from its checkpoint; the rest of the stream is published, then one
 * record two days later moves the watermark past every window. The final reports must equal those
 * of a run without the fault (the same topic read by the DirectRunner): same rows and statistics
 * per key-window, so no row was lost or profiled twice.
 */
public class FlinkKafkaFaultIT {
  @Rule public final TestRule deadline = Deadline.minutes(6);
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();
  private static final Path CLUSTER = PROJECT.resolve("target/flink-fault-cluster");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String HEADER = "ts,device,co,humidity,light,lpg,motion,smoke,temp";
  private static final String END_KEY = "zz-end-of-stream";
  private static final long DEADLINE_NANOS = 230_000_000_000L;

  private String rest;
  private final long begun = System.nanoTime();

  @Test
  public void aTaskManagerKilledMidStreamLosesAndRepeatsNoRow() throws Exception {
    assertThat("build the fat jar first (mvn package): " + JAR, Files.exists(JAR), is(true));
    Path root = tmp.getRoot().toPath();
    Path all = root.resolve("stream.csv");
    assertThat(
        Main.run(
            new String[] {"generate", "--output=" + all, "--rows=9000", "--devices=3", "--seed=11"},
            System.out,
            System.err),
        is(0));
    List<String> lines = Files.readAllLines(all, StandardCharsets.UTF_8);
    int cut = 1 + (lines.size() - 1) * 6 / 10;
    Path first = root.resolve("first.csv");
    Path rest2 = root.resolve("rest.csv");
    Files.write(first, lines.subList(0, cut));
    List<String> tail = new ArrayList<>(List.of(lines.get(0)));
    tail.addAll(lines.subList(cut, lines.size()));
    String[] last = lines.get(lines.size() - 1).split(",", -1);
    last[0] =
        Long.toString(
            (long) Double.parseDouble(last[0]) + 2 * 86_400); // two days on: every window closes
    last[1] = END_KEY;
    tail.add(String.join(",", last));
    Files.write(rest2, tail);
    long total = lines.size(); // data rows + the end record

    Map<String, String> env = null;
    try (KafkaBroker broker = KafkaBroker.start(root.resolve("broker"))) {
      int restPort = freePort();
      env =
          Map.of(
              "FLINK_CLUSTER_DIR",
              CLUSTER.toString(),
              "FLINK_REST_PORT",
              Integer.toString(restPort),
              "FLINK_RPC_PORT",
              Integer.toString(freePort()),
              "FLINK_BLOB_PORT",
              Integer.toString(freePort()),
              "FLINK_JAR",
              JAR.toString(),
              "FLINK_CHECKPOINTING_INTERVAL",
              "2000",
              "FLINK_RESTART_DELAY",
              "2 s",
              "FLINK_RESTART_ATTEMPTS",
              "20");
      rest = "http://localhost:" + restPort;
      script(env, 60, "runners/flink/stop-cluster.sh");
      Result started = script(env, 240, "runners/flink/start-cluster.sh", "1");
      assertThat(started.output(), started.status(), is(0));
      measured("fault: cluster up", started.millis());

      assertThat(
          PublishCsv.publish(broker.bootstrap(), first, "fault", "device", 2, 0),
          is((long) cut - 1));
      Path out = root.resolve("flink");
      Result submitted =
          script(
              env,
              240,
              "runners/flink/submit.sh",
              "--detached",
              "--streaming=true",
              "--source=kafka",
              "--bootstrapServers=" + broker.bootstrap(),
              "--topic=fault",
              "--csvHeader=" + HEADER,
              "--groupId=flink",
              "--startFrom=earliest",
              "--output=" + out,
              "--quiet=true");
      assertThat(submitted.output(), submitted.status(), is(0));
      String jid = submitted.find("job id: ([0-9a-f]{32})");

      waitFor(
          "reports written and a checkpoint completed after them",
          () -> reports(out) >= 3 && completedCheckpoints(jid) >= 2);
      long checkpointsBefore = completedCheckpoints(jid);
      int reportsBefore = reports(out);
      Path tmPid = CLUSTER.resolve("pids/taskmanager-1.pid");
      long pid = Long.parseLong(Files.readString(tmPid).trim());
      // The TaskManager's own command line (ProcessHandle.Info may not have it: /proc does).
      List<String> command =
          List.of(
              new String(
                      Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")),
                      StandardCharsets.UTF_8)
                  .split("\0"));
      new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
      long killedAt = System.nanoTime();
      System.out.printf(
          "killed TaskManager %d with %d reports written, %d checkpoints completed%n",
          pid, reportsBefore, checkpointsBefore);

      List<String> relaunch = new ArrayList<>();
      for (String arg : command) {
        relaunch.add(arg.replace("taskmanager-1.log", "taskmanager-2.log"));
      }
      Process tm =
          new ProcessBuilder(relaunch)
              .directory(PROJECT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(CLUSTER.resolve("log/taskmanager-2.out").toFile())
              .start();
      Files.writeString(CLUSTER.resolve("pids/taskmanager-2.pid"), Long.toString(tm.pid()));
      waitFor("the job restored from a checkpoint", () -> restored(jid));
      measured("fault: kill to restored", (System.nanoTime() - killedAt) / 1_000_000);

      assertThat(
          PublishCsv.publish(broker.bootstrap(), rest2, "fault", "device", 2, 0),
          is(total - cut + 1));
      Path direct = root.resolve("direct");
      runMain(
          "--runner=DirectRunner",
          "--source=kafka",
          "--bootstrapServers=" + broker.bootstrap(),
          "--topic=fault",
          "--csvHeader=" + HEADER,
          "--groupId=direct",
          "--startFrom=earliest",
          "--maxRecords=" + (total - 1),
          "--output=" + direct,
          "--quiet=true");
      Map<String, Path> expected = finalPanes(direct);
      expected.keySet().removeIf(k -> k.startsWith(END_KEY));
      waitFor(
          "the Flink job wrote every window",
          () -> finalPanesQuietly(out).size() >= expected.size());
      Thread.sleep(4_000); // let late revisions, if any, land
      Result cancelled = script(env, 60, "runners/flink/cancel.sh", jid);
      System.out.println(cancelled.output());

      Map<String, Path> actual = finalPanes(out);
      actual.keySet().removeIf(k -> k.startsWith(END_KEY));
      assertThat(actual.keySet(), is(expected.keySet()));
      long rows = 0;
      for (Map.Entry<String, Path> e : expected.entrySet()) {
        JsonNode want = readJson(e.getValue());
        JsonNode got = readJson(actual.get(e.getKey()));
        for (String section :
            List.of(
                "key",
                "window",
                "table",
                "variables",
                "correlations",
                "missing",
                "alerts",
                "sample",
                "duplicates")) {
          assertThat(e.getKey() + " " + section, got.get(section), is(want.get(section)));
        }
        rows += got.get("table").get("n").asLong();
      }
      assertThat("every data row profiled exactly once", rows, is(total - 1));
      assertThat(expected.size(), greaterThan(6));
      measured("fault: whole test", (System.nanoTime() - begun) / 1_000_000);
    } finally {
      if (env != null) {
        System.out.println(script(env, 60, "runners/flink/stop-cluster.sh").output());
      }
    }
  }

  private void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
    while (!condition.getAsBoolean()) {
      assertThat(
          "timed out waiting for: " + what, System.nanoTime() - begun < DEADLINE_NANOS, is(true));
      Thread.sleep(500);
    }
  }

  private static int reports(Path out) {
    return finalPanesQuietly(out).size();
  }

  private static Map<String, Path> finalPanesQuietly(Path out) {
    try {
      return Files.isDirectory(out) ? finalPanes(out) : Map.of();
    } catch (IOException | java.io.UncheckedIOException e) {
      return Map.of();
    }
  }

  private long completedCheckpoints(String jid) {
    JsonNode n = json("/jobs/" + jid + "/checkpoints");
    return n == null || n.get("counts") == null ? 0 : n.get("counts").get("completed").asLong();
  }

  private boolean restored(String jid) {
    JsonNode n = json("/jobs/" + jid + "/checkpoints");
    JsonNode job = json("/jobs/" + jid);
    return n != null
        && job != null
        && n.path("latest").path("restored").has("id")
        && job.path("state").asText().equals("RUNNING")
        && allRunning(job);
  }

  private static boolean allRunning(JsonNode job) {
    for (JsonNode v : job.path("vertices")) {
      if (!v.path("status").asText().equals("RUNNING")) {
        return false;
      }
    }
    return true;
  }

  private JsonNode json(String path) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(rest + path))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? parseJson(r.body()) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
