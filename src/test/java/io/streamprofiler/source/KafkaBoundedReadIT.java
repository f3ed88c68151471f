package io.streamprofiler.source;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamprofiler.cli.Main;
import io.streamprofiler.testing.Deadline;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.TestRule;

/**
 * A bounded Kafka read takes the records it planned, whatever the fetch order, and always ends: a
 * topic holding the sample twice gives the sample to a new group (not whatever partition was
 * fetched first), the second copy to the group's next run, and nothing, at once, to a third; a
 * broker that is not there, or dies during the read, ends the run with one line and a non-zero
 * status, within {@code --maxReadTime}.
 */
public class KafkaBoundedReadIT {
  @Rule public final TestRule deadline = Deadline.minutes(3);
  private static final String HEADER = BrokerResource.SAMPLE_HEADER;
  private static final Path SAMPLE = Path.of("data/iot_telemetry_data_1000.csv");
  private static final Map<String, Long> SAMPLE_ROWS = BrokerResource.SAMPLE_ROWS;

  @ClassRule public static final BrokerResource BROKER = new BrokerResource();
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private final ObjectMapper json = new ObjectMapper();

  private record Run(int status, String out, String err, long millis) {}

  @Test
  public void aTopicHoldingTheSampleTwiceGivesTheSampleToEachRunOfAGroupThenNothing()
      throws Exception {
    assertThat(PublishCsv.publish(BROKER.bootstrap(), SAMPLE, "twice", "device", 3, 0), is(999L));
    assertThat(PublishCsv.publish(BROKER.bootstrap(), SAMPLE, "twice", "device", 3, 0), is(999L));

    for (int copy = 1; copy <= 2; copy++) {
      File out = tmp.newFolder("copy" + copy);
      Run run = run(BROKER.bootstrap(), "--topic=twice", "--maxRecords=999", "--output=" + out);
      assertThat(run.err(), run.status(), is(Main.OK));
      assertThat(
          run.err(),
          containsString(
              copy == 1
                  ? "reads 999 of the 1998 records waiting in twice; the newest 999 stay"
                  : "reads 999 of the 999 records waiting in twice"));
      assertThat("copy " + copy, rowsByDevice(out), is(SAMPLE_ROWS));
      JsonNode summary = json.readTree(new File(out, "run-summary.json"));
      assertThat(summary.get("rows_read").asLong(), is(999L));
      assertThat(summary.get("rows_profiled").asLong(), is(999L));
      assertThat(summary.get("balanced").asBoolean(), is(true));
    }

    File none = tmp.newFolder("none");
    Run third = run(BROKER.bootstrap(), "--topic=twice", "--maxRecords=999", "--output=" + none);
    assertThat(third.err(), third.status(), is(Main.OK));
    assertThat(third.err(), containsString("kafka: nothing to read: group 'twice-group'"));
    assertThat(third.out(), containsString("summary: rows_read=0 rows_profiled=0"));
    System.out.printf("a read with nothing to read: %d ms%n", third.millis());
  }

  @Test
  public void anUnreachableBrokerEndsTheRunInOneLineWithinMaxReadTime() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    File out = tmp.newFolder("unreachable");
    Run run =
        run(
            "127.0.0.1:" + closed,
            "--topic=any",
            "--maxRecords=10",
            "--maxReadTime=5s",
            "--output=" + out);
    assertThat(run.status(), not(is(Main.OK)));
    assertThat(run.err(), containsString("kafka: no answer from 127.0.0.1:" + closed));
    assertThat(run.err(), errorLines(run.err()), is(1L));
    assertThat(run.err(), not(containsString("\tat ")));
    assertThat("within --maxReadTime, plus start-up", run.millis(), lessThan(15_000L));
  }

  @Test
  public void aBrokerKilledDuringTheReadEndsTheRunInOneLineWithinMaxReadTime() throws Exception {
    Path root = tmp.getRoot().toPath();
    Path stream = root.resolve("stream.csv");
    assertThat(
        Main.run(
            new String[] {
              "generate", "--output=" + stream, "--rows=30000", "--devices=3", "--seed=5"
            },
            System.out,
            System.err),
        is(0));
    try (KafkaBroker doomed = KafkaBroker.start(root.resolve("doomed"))) {
      assertThat(
          PublishCsv.publish(doomed.bootstrap(), stream, "doomed", "device", 3, 0), is(30_000L));
      CountDownLatch planned = new CountDownLatch(1);
      Thread killer =
          new Thread(
              () -> {
                try {
                  if (planned.await(60, TimeUnit.SECONDS)) {
                    doomed.kill();
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      killer.start();
      File out = tmp.newFolder("doomed-out");
      Run run =
          runWatching(
              line -> {
                if (line.startsWith("kafka: group")) {
                  planned.countDown();
                }
              },
              doomed.bootstrap(),
              "--topic=doomed",
              "--maxRecords=30000",
              "--maxReadTime=15s",
              // small fetches, so the read is still going when the broker dies
              "--kafkaProperty=max.poll.records=5,fetch.max.bytes=2048,max.partition.fetch.bytes=2048",
              "--output=" + out);
      killer.join();
      assertThat(run.err(), run.status(), not(is(Main.OK)));
      assertThat(run.err(), containsString("is the broker"));
      assertThat(run.err(), errorLines(run.err()), is(1L));
      assertThat(run.err(), not(containsString("\tat ")));
      assertThat("within --maxReadTime, plus start-up", run.millis(), lessThan(30_000L));
    }
  }

  private static long errorLines(String err) {
    return err.lines().filter(l -> l.startsWith("error:")).count();
  }

  private Run run(String bootstrap, String... args) {
    return runWatching(line -> {}, bootstrap, args);
  }

  /**
   * Runs the command line in this JVM; {@code watch} sees each line written to standard error (the
   * plan is printed there) as it comes.
   */
  private Run runWatching(
      java.util.function.Consumer<String> watch, String bootstrap, String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "--runner=DirectRunner",
                "--source=kafka",
                "--bootstrapServers=" + bootstrap,
                "--csvHeader=" + HEADER,
                "--groupId=" + topicOf(args) + "-group",
                "--quiet=true"));
    all.addAll(List.of(args));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LineTee err = new LineTee(watch);
    PrintStream systemErr = System.err;
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    System.setErr(errStream);
    long start = System.nanoTime();
    int status;
    try {
      status =
          Main.run(
              all.toArray(String[]::new),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              errStream);
    } finally {
      System.setErr(systemErr);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    systemErr.print(err.text());
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.text(), millis);
  }

  private static String topicOf(String[] args) {
    for (String a : args) {
      if (a.startsWith("--topic=")) {
        return a.substring("--topic=".length());
      }
    }
    return "none";
  }

  /** Keeps what is written and hands each finished line to a watcher. */
  private static final class LineTee extends OutputStream {
    private final java.util.function.Consumer<String> watch;
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineTee(java.util.function.Consumer<String> watch) {
      this.watch = watch;
    }

    @Override
    public synchronized void write(int b) {
      all.write(b);
      if (b == '\n') {
        watch.accept(line.toString(StandardCharsets.UTF_8));
        line.reset();
      } else {
        line.write(b);
      }
    }

    synchronized String text() {
      return all.toString(StandardCharsets.UTF_8);
    }
  }

  private Map<String, Long> rowsByDevice(File out) throws IOException {
    Map<String, Long> rows = new HashMap<>();
    try (Stream<Path> files = Files.walk(out.toPath())) {
      for (Path p :
          files
              .filter(
                  p ->
                      p.toString().endsWith(".json")
                          && !p.getFileName().toString().equals("run-summary.json"))
              .toList()) {
        JsonNode r = json.readTree(p.toFile());
        rows.merge(r.get("key").asText(), r.get("table").get("n").asLong(), Long::sum);
      }
    }
    return rows;
  }
}
