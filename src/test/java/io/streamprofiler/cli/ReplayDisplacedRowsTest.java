package io.streamprofiler.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The sample replayed with rows displaced by up to five minutes, in five-minute windows: late rows
 * revise reports, too-late rows land in late/, and every row is accounted for — exactly the rows an
 * offline replay of the source's rule predicts.
 */
public class ReplayDisplacedRowsTest {
  private static final long WINDOW = 300_000;
  private static final long LATENESS = 60_000;
  private static final long OUT_OF_ORDER = 30_000;

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private record Line(long number, String text, String key, long millis) {}

  @Test
  public void lateRowsReviseReportsAndTooLateRowsAreKept() throws IOException {
    List<String> sample = Files.readAllLines(Path.of("data/iot_telemetry_data_1000.csv"));
    Random random = new Random(42);
    List<String[]> shuffled = new ArrayList<>();
    for (String line : sample.subList(1, sample.size())) {
      double ts = Double.parseDouble(line.substring(0, line.indexOf(',')));
      shuffled.add(new String[] {line, Double.toString(ts + random.nextDouble() * 300)});
    }
    shuffled.sort((a, b) -> Double.compare(Double.parseDouble(a[1]), Double.parseDouble(b[1])));
    File input = tmp.newFile("displaced.csv");
    List<String> out = new ArrayList<>(List.of(sample.get(0)));
    shuffled.forEach(s -> out.add(s[0]));
    Files.write(input.toPath(), out);

    // the source's rule, replayed offline
    List<Line> lines = new ArrayList<>();
    for (int i = 1; i < out.size(); i++) {
      String[] f = out.get(i).split(",");
      lines.add(
          new Line(i + 1, out.get(i), f[1], (long) Math.floor(Double.parseDouble(f[0]) * 1000)));
    }
    long maxEvent = Long.MIN_VALUE;
    TreeSet<Long> tooLate = new TreeSet<>();
    Map<String, long[]> expected = new HashMap<>(); // key|window → {profiled rows, late rows}
    for (Line l : lines) {
      long watermark = maxEvent == Long.MIN_VALUE ? Long.MIN_VALUE : maxEvent - OUT_OF_ORDER;
      long start = Math.floorDiv(l.millis, WINDOW) * WINDOW;
      long end = start + WINDOW;
      if (watermark != Long.MIN_VALUE && end + LATENESS <= watermark) {
        tooLate.add(l.number);
      } else {
        long[] counts = expected.computeIfAbsent(l.key + "|" + start, k -> new long[2]);
        counts[0]++;
        if (watermark != Long.MIN_VALUE && end <= watermark) {
          counts[1]++;
        }
      }
      maxEvent = Math.max(maxEvent, l.millis);
    }
    assertThat("the displacement makes some rows too late", tooLate.size(), greaterThan(0));

    File output = tmp.newFolder("out");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            new String[] {
              "--input=" + input,
              "--output=" + output,
              "--windowSize=5m",
              "--allowedLateness=1m",
              "--maxOutOfOrderness=30s",
              "--quiet=true"
            },
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(err.toString(), status, is(Main.OK));

    JsonNode summary = new ObjectMapper().readTree(new File(output, "run-summary.json"));
    assertThat(summary.get("rows_read").asLong(), is(999L));
    assertThat(summary.get("rows_dropped_late").asLong(), is((long) tooLate.size()));
    assertThat(summary.get("rows_profiled").asLong(), is(999L - tooLate.size()));
    assertThat(summary.get("balanced").asBoolean(), is(true));

    TreeSet<Long> lateFile = new TreeSet<>();
    try (Stream<Path> files = Files.walk(new File(output, "late").toPath())) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        for (String json : Files.readAllLines(p)) {
          lateFile.add(new ObjectMapper().readTree(json).get("line").asLong());
        }
      }
    }
    assertThat(lateFile, is(tooLate));

    // the last revision of every key-window holds exactly its expected rows; some windows were
    // revised
    Map<String, JsonNode> lastPane = new HashMap<>();
    int latePanes = 0;
    try (Stream<Path> files = Files.walk(output.toPath())) {
      for (Path p :
          files
              .filter(f -> f.toString().endsWith(".json") && f.toString().contains("_pane"))
              .toList()) {
        JsonNode profile = new ObjectMapper().readTree(p.toFile());
        long start =
            java.time.Instant.parse(profile.get("window").get("start").asText()).toEpochMilli();
        String id = profile.get("key").asText() + "|" + start;
        if (profile.get("pane").get("timing").asText().equals("LATE")) {
          latePanes++;
        }
        JsonNode previous = lastPane.get(id);
        if (previous == null
            || previous.get("pane").get("index").asLong()
                < profile.get("pane").get("index").asLong()) {
          lastPane.put(id, profile);
        }
      }
    }
    assertThat(lastPane.keySet(), is(expected.keySet()));
    for (Map.Entry<String, JsonNode> e : lastPane.entrySet()) {
      assertThat(
          e.getKey(), e.getValue().get("table").get("n").asLong(), is(expected.get(e.getKey())[0]));
      assertThat(
          e.getKey(),
          e.getValue().get("pane").get("late_rows").asLong(),
          is(expected.get(e.getKey())[1]));
    }
    assertThat("late rows produced LATE revisions", latePanes, greaterThan(0));
  }
}
