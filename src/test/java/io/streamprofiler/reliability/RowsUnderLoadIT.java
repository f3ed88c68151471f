package io.streamprofiler.reliability;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamprofiler.cli.Main;
import io.streamprofiler.source.KafkaBroker;
import io.streamprofiler.source.PublishCsv;
import io.streamprofiler.testing.Deadline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.TestRule;

/**
 * Every row in a report, in late/ or rejected, on every run, with both cores taken by another
 * process: the same reads repeated 12 times on the DirectRunner and 3 times on Flink {@code
 * [local]} (more with {@code -DrowsUnderLoad.directRuns}, {@code -DrowsUnderLoad.flinkRuns}), each
 * checked against what an offline pass over the input predicts — every key-window with its rows,
 * the too-late rows counted, the summary balanced. Kafka: the sample, and 30,000 rows of 30 devices
 * with very uneven keys (one device a quarter of the rows, the last under one percent) on three
 * partitions. Replay and file: the sample with rows displaced by up to five minutes, five-minute
 * windows and one minute of allowed lateness.
 */
public class RowsUnderLoadIT {
  // CI's share; a longer soak: -DrowsUnderLoad.directRuns=100 -DrowsUnderLoad.flinkRuns=25
  static final int DIRECT_RUNS = Integer.getInteger("rowsUnderLoad.directRuns", 12);
  static final int FLINK_RUNS = Integer.getInteger("rowsUnderLoad.flinkRuns", 3);
  private static final String HEADER = "ts,device,co,humidity,light,lpg,motion,smoke,temp";
  private static final long HOUR = 3_600_000;
  private static final long FIVE_MINUTES = 300_000;
  private static final String[] LATENESS = {
    "--windowSize=5m", "--allowedLateness=1m", "--maxOutOfOrderness=30s"
  };
  private static final String[] FLINK = {
    "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"
  };

  @Rule public final TestRule deadline = Deadline.minutes(12);
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Process hog;
  private static KafkaBroker broker;
  private static Expected sample;
  private static Expected uneven;
  private static Path displaced;
  private static Expected displacedReplay;
  private static Expected displacedFile;
  private static int runs;

  /** What a run must give: rows per key-window (its final pane), and rows too late. */
  record Expected(Map<String, Long> rows, long tooLate) {
    long read() {
      return rows.values().stream().mapToLong(Long::longValue).sum() + tooLate;
    }
  }

  @BeforeClass
  public static void setUp() throws Exception {
    Path root = TMP.getRoot().toPath();
    broker = KafkaBroker.start(root.resolve("broker"));
    Path sampleFile = Path.of("data/iot_telemetry_data_1000.csv");
    assertThat(
        PublishCsv.publish(broker.bootstrap(), sampleFile, "sample", "device", 3, 0), is(999L));
    sample = bounded(Files.readAllLines(sampleFile), HOUR);

    Path unevenFile = root.resolve("uneven.csv");
    Files.write(unevenFile, unevenKeys(root));
    assertThat(
        PublishCsv.publish(broker.bootstrap(), unevenFile, "uneven", "device", 3, 0), is(30_000L));
    uneven = bounded(Files.readAllLines(unevenFile), HOUR);

    displaced = root.resolve("displaced.csv");
    Files.write(displaced, displacedSample(sampleFile));
    displacedReplay = replayed(Files.readAllLines(displaced), FIVE_MINUTES, 60_000, 30_000);
    displacedFile = bounded(Files.readAllLines(displaced), FIVE_MINUTES);
    assertThat("some rows are too late", displacedReplay.tooLate(), greaterThan(0L));

    hog = CpuHog.start(2);
  }

  @AfterClass
  public static void tearDown() {
    if (hog != null) {
      hog.destroyForcibly();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  public void kafkaOnTheDirectRunner() throws Exception {
    repeat(DIRECT_RUNS, sample, kafka("sample", 999));
    repeat(DIRECT_RUNS, uneven, kafka("uneven", 30_000));
  }

  @Test
  public void kafkaOnFlink() throws Exception {
    repeat(FLINK_RUNS, sample, concat(kafka("sample", 999), FLINK));
    repeat(FLINK_RUNS, uneven, concat(kafka("uneven", 30_000), FLINK));
  }

  @Test
  public void replayWithLatenessOnTheDirectRunner() throws Exception {
    repeat(DIRECT_RUNS, displacedReplay, concat(file("replay"), LATENESS));
  }

  @Test
  public void replayWithLatenessOnFlink() throws Exception {
    repeat(
        FLINK_RUNS,
        displacedReplay,
        concat(file("replay"), LATENESS, FLINK, new String[] {"--streaming=true"}));
  }

  @Test
  public void fileWithLatenessOnTheDirectRunner() throws Exception {
    repeat(DIRECT_RUNS, displacedFile, concat(file("file"), LATENESS));
  }

  @Test
  public void fileWithLatenessOnFlink() throws Exception {
    repeat(FLINK_RUNS, displacedFile, concat(file("file"), LATENESS, FLINK));
  }

  private static String[] kafka(String topic, long records) {
    return new String[] {
      "--source=kafka",
      "--bootstrapServers=" + broker.bootstrap(),
      "--topic=" + topic,
      "--csvHeader=" + HEADER,
      "--maxRecords=" + records,
      "--maxReadTime=120s" // a record that never comes fails the test, not the build's clock
    };
  }

  private static String[] file(String source) {
    return new String[] {"--source=" + source, "--input=" + displaced};
  }

  /** Runs the same read {@code times} times; each must give exactly what was expected. */
  private static void repeat(int times, Expected expected, String[] args) throws IOException {
    long slowest = 0;
    long total = 0;
    for (int i = 1; i <= times; i++) {
      Path out = TMP.newFolder("run-" + ++runs).toPath();
      List<String> all = new ArrayList<>(List.of(args));
      all.addAll(List.of("--output=" + out, "--quiet=true", "--groupId=run-" + runs));
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      long start = System.nanoTime();
      int status =
          Main.run(
              all.toArray(String[]::new),
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
      long millis = (System.nanoTime() - start) / 1_000_000;
      slowest = Math.max(slowest, millis);
      total += millis;
      String run = "run " + i + " of " + String.join(" ", args) + ": " + err;
      assertThat(run, status, is(Main.OK));
      assertThat(run, finalPanes(out), is(expected.rows()));
      JsonNode summary = JSON.readTree(out.resolve("run-summary.json").toFile());
      assertThat(run, summary.get("rows_read").asLong(), is(expected.read()));
      assertThat(run, summary.get("rows_dropped_late").asLong(), is(expected.tooLate()));
      assertThat(run, summary.get("rows_rejected").asLong(), is(0L));
      assertThat(run, summary.get("balanced").asBoolean(), is(true));
      assertThat(run, tooLateLines(out), is(expected.tooLate()));
    }
    System.out.printf(
        "%d runs of %s under load: every key-window, balanced; mean %d ms, slowest %d ms%n",
        times, String.join(" ", args), total / times, slowest);
  }

  /** Rows of the final pane of every key-window written, by {@code key|window start millis}. */
  private static Map<String, Long> finalPanes(Path out) throws IOException {
    Map<String, long[]> last = new TreeMap<>(); // id -> {pane, rows}
    Pattern name = Pattern.compile(".+_pane(\\d+)\\.json");
    try (Stream<Path> files = Files.walk(out)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Matcher m = name.matcher(p.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        JsonNode r = JSON.readTree(p.toFile());
        String id =
            r.get("key").asText()
                + "|"
                + java.time.Instant.parse(r.get("window").get("start").asText()).toEpochMilli();
        long pane = Long.parseLong(m.group(1));
        long[] seen = last.get(id);
        if (seen == null || seen[0] < pane) {
          last.put(id, new long[] {pane, r.get("table").get("n").asLong()});
        }
      }
    }
    Map<String, Long> rows = new TreeMap<>();
    last.forEach((id, v) -> rows.put(id, v[1]));
    return rows;
  }

  private static long tooLateLines(Path out) throws IOException {
    Path late = out.resolve("late");
    if (!Files.exists(late)) {
      return 0;
    }
    long n = 0;
    try (Stream<Path> files = Files.walk(late)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        n += Files.readAllLines(p).stream().filter(l -> !l.isBlank()).count();
      }
    }
    return n;
  }

  /** A bounded read: every row on time, in the window of its event time. */
  private static Expected bounded(List<String> csv, long window) {
    Map<String, Long> rows = new TreeMap<>();
    for (String line : csv.subList(1, csv.size())) {
      String[] f = line.split(",");
      long millis = (long) Math.floor(Double.parseDouble(f[0]) * 1000);
      rows.merge(f[1] + "|" + Math.floorDiv(millis, window) * window, 1L, Long::sum);
    }
    return new Expected(rows, 0);
  }

  /**
   * The replay source's rule, offline: in file order, a row is too late when its window's end plus
   * the allowed lateness is at or behind the watermark (largest event time so far minus the bound).
   */
  private static Expected replayed(List<String> csv, long window, long lateness, long bound) {
    Map<String, Long> rows = new TreeMap<>();
    long tooLate = 0;
    long maxEvent = Long.MIN_VALUE;
    for (String line : csv.subList(1, csv.size())) {
      String[] f = line.split(",");
      long millis = (long) Math.floor(Double.parseDouble(f[0]) * 1000);
      long start = Math.floorDiv(millis, window) * window;
      if (maxEvent != Long.MIN_VALUE && start + window + lateness <= maxEvent - bound) {
        tooLate++;
      } else {
        rows.merge(f[1] + "|" + start, 1L, Long::sum);
      }
      maxEvent = Math.max(maxEvent, millis);
    }
    return new Expected(rows, tooLate);
  }

  /**
   * 30,000 rows of 30 devices, device {@code d} with a share proportional to {@code 1/(d+1)}: the
   * first device 7,509 rows over two hours, the last 250 over four minutes.
   */
  private static List<String> unevenKeys(Path root) throws IOException {
    Path all = root.resolve("all.csv");
    assertThat(
        Main.run(
            new String[] {
              "generate",
              "--output=" + all,
              "--rows=270000",
              "--devices=30",
              "--period=1.0",
              "--seed=3"
            },
            System.out,
            System.err),
        is(0));
    List<String> lines = Files.readAllLines(all);
    Map<String, Integer> order = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      order.putIfAbsent(line.split(",")[1], order.size());
    }
    double harmonic = 0;
    for (int d = 1; d <= 30; d++) {
      harmonic += 1.0 / d;
    }
    long[] quota = new long[30];
    long assigned = 0;
    for (int d = 0; d < 30; d++) {
      quota[d] = Math.round(30_000 / harmonic / (d + 1));
      assigned += quota[d];
    }
    quota[0] += 30_000 - assigned;
    Map<String, Long> taken = new HashMap<>();
    List<String> kept = new ArrayList<>(List.of(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      String device = line.split(",")[1];
      if (taken.merge(device, 1L, Long::sum) <= quota[order.get(device)]) {
        kept.add(line);
      }
    }
    assertThat(kept.size(), is(30_001));
    return kept;
  }

  /** The sample with each row's time moved up to five minutes later, in the new time order. */
  private static List<String> displacedSample(Path sampleFile) throws IOException {
    List<String> lines = Files.readAllLines(sampleFile);
    Random random = new Random(42);
    List<String[]> moved = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      int comma = line.indexOf(',');
      double ts = Double.parseDouble(line.substring(0, comma));
      moved.add(new String[] {line, Double.toString(ts + random.nextDouble() * 300)});
    }
    moved.sort((a, b) -> Double.compare(Double.parseDouble(a[1]), Double.parseDouble(b[1])));
    List<String> out = new ArrayList<>(List.of(lines.get(0)));
    moved.forEach(m -> out.add(m[0]));
    return out;
  }

  private static String[] concat(String[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }
}
