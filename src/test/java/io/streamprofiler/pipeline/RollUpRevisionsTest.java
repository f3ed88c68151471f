package io.streamprofiler.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Late rows revise their window and then every roll-up and fleet profile that holds it: two devices
 * in 5-minute windows with a minute of allowed lateness, rolled up per 30 minutes and per hour,
 * with a fleet profile per window, and a row that arrives after its 30-minute roll-up fired. The
 * newest pane of every roll-up holds exactly the rows of the newest panes of its windows, of every
 * fleet window those of its keys', and the late row made a second pane of its roll-up.
 */
public class RollUpRevisionsTest {
  private static final long FIVE_MINUTES = 300_000_000L;
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NAME =
      Pattern.compile("(\\d{8}T\\d{6}Z)(_[0-9a-z]+)?_pane(\\d+)\\.json");

  /** A report's newest pane: its rows and pane index. */
  private record Newest(long rows, long pane) {}

  @Test
  public void lateRowsReviseTheirWindowThenItsRollUpsAndTheFleet() throws IOException {
    // device a every few minutes to 00:28, one row at 00:31 (the watermark, 30 s behind, passes
    // 00:30: the first 5-minute windows and the 30-minute roll-up fire), then a row of 00:29 that
    // is late but within the minute allowed: it revises window 00:25, its roll-ups and the fleet
    String header = "ts,device,co,humidity,light,lpg,motion,smoke,temp";
    List<String> lines = new ArrayList<>(List.of(header));
    int[][] rows = { // minute, second, device (0 = a, 1 = b)
      {1, 0, 0},
      {3, 0, 1},
      {6, 0, 0},
      {9, 0, 1},
      {12, 0, 0},
      {16, 0, 1},
      {20, 0, 0},
      {24, 0, 1},
      {26, 0, 0},
      {27, 0, 1},
      {28, 0, 0},
      {31, 0, 0},
      {29, 0, 0},
      {45, 0, 1},
      {58, 0, 0}
    };
    Random random = new Random(42);
    for (int[] r : rows) {
      long ts = 1_594_512_000L + r[0] * 60L + r[1];
      lines.add(
          ts
              + ","
              + (r[2] == 0 ? "a" : "b")
              + ","
              + (0.004 + random.nextDouble() / 1000)
              + ","
              + (50 + random.nextInt(10))
              + ",false,0.007,false,0.02,"
              + (20 + random.nextInt(5)));
    }
    File input = tmp.newFile("late.csv");
    Files.write(input.toPath(), lines);

    File out = tmp.newFolder("out");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            new String[] {
              "--input=" + input,
              "--output=" + out,
              "--windowSize=5m",
              "--allowedLateness=1m",
              "--maxOutOfOrderness=30s",
              "--rollups=30m,1h",
              "--fleet",
              "--quiet=true"
            },
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(err.toString(), status, is(Main.OK));

    // folder|start|scope -> newest pane
    Map<String, Newest> newest = new HashMap<>();
    try (Stream<Path> files = Files.walk(out.toPath())) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        String id =
            p.getParent().getFileName()
                + "|"
                + m.group(1)
                + "|"
                + (m.group(2) == null ? "" : m.group(2).substring(1));
        long pane = Long.parseLong(m.group(3));
        Newest seen = newest.get(id);
        if (seen == null || seen.pane() < pane) {
          JsonNode r = JSON.readTree(p.toFile());
          newest.put(id, new Newest(r.get("table").get("n").asLong(), pane));
        }
      }
    }
    Map<String, Long> expected = new HashMap<>(); // the same ids, from the windows' newest panes
    long revisedRollUps = 0;
    for (Map.Entry<String, Newest> e : newest.entrySet()) {
      String[] id = e.getKey().split("\\|", -1);
      if (!id[2].isEmpty()) {
        revisedRollUps += e.getValue().pane() > 0 ? 1 : 0;
        continue;
      }
      if (id[0].equals("_fleet")) {
        continue;
      }
      long start = Instant.parse(stamp(id[1])).toEpochMilli() * 1000L;
      for (long length : new long[] {6 * FIVE_MINUTES, 12 * FIVE_MINUTES}) {
        long rollStart = Math.floorDiv(start, length) * length;
        String tag = length == 6 * FIVE_MINUTES ? "30m" : "1h";
        expected.merge(id[0] + "|" + key(rollStart) + "|" + tag, e.getValue().rows(), Long::sum);
      }
      expected.merge("_fleet|" + id[1] + "|", e.getValue().rows(), Long::sum);
    }
    int checked = 0;
    for (Map.Entry<String, Long> e : expected.entrySet()) {
      Newest got = newest.get(e.getKey());
      assertThat("a report " + e.getKey(), got != null, is(true));
      assertThat(e.getKey(), got.rows(), is(e.getValue()));
      checked++;
    }
    assertThat(checked, greaterThan(10));
    assertThat(
        "the late row revised the 30-minute roll-up",
        newest.get("a|20200712T000000Z|30m").pane(),
        greaterThan(0L));
    assertThat(newest.get("a|20200712T000000Z|30m").rows(), is(7L));
    assertThat(revisedRollUps, greaterThan(0L));
  }

  /** 20200712T000000Z as an ISO instant. */
  private static String stamp(String s) {
    return s.substring(0, 4)
        + "-"
        + s.substring(4, 6)
        + "-"
        + s.substring(6, 11)
        + ":"
        + s.substring(11, 13)
        + ":"
        + s.substring(13);
  }

  private static String key(long micros) {
    return io.streamprofiler.sink.ReportNames.windowStamp(micros);
  }
}
