package io.streamprofiler.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamprofiler.cli.Main;
import io.streamprofiler.compare.SchemaChanges;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

/**
 * A glob of files whose headers differ, end to end through the command line, as a batch and as a
 * replayed stream: the second file drops humidity and adds pressure, and has one row of the wrong
 * width; a third file has no key column. Both files' rows are profiled under their own headers, the
 * key's first window from the second file alerts the two columns, the run warns of both files and
 * records them in run-summary.json, and every row read is accounted for.
 */
@RunWith(Parameterized.class)
public class HeaderChangesPipelineTest {
  @Parameterized.Parameters(name = "{0}")
  public static List<Object[]> sources() {
    return List.of(new Object[] {"replay"}, new Object[] {"file"});
  }

  @Parameterized.Parameter public String source;
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long START = 1_594_512_000L; // 2020-07-12T00:00:00Z
  private static final String NO_KEY = "the file's header lacks the key column 'device'";

  /** One row a minute of device d from {@code fromMinute} for two hours; the third field varies. */
  private static List<String> hours(String header, int fromMinute, double third, Random random) {
    List<String> lines = new ArrayList<>(List.of(header));
    for (int minute = fromMinute; minute < fromMinute + 120; minute++) {
      lines.add(
          String.join(
              ",",
              String.valueOf(START + minute * 60L),
              "d",
              String.format(Locale.ROOT, "%.2f", 20 + random.nextGaussian()),
              String.format(Locale.ROOT, "%.1f", third + 5 * random.nextDouble())));
    }
    return lines;
  }

  @Test
  public void bothFilesAreProfiledTheChangeIsAlertedAndTheAccountingBalances() throws IOException {
    Path in = tmp.newFolder("in").toPath();
    Random random = new Random(11);
    Path first = in.resolve("part-1.csv");
    Files.write(first, hours("ts,device,temp,humidity", 0, 50, random));
    Path second = in.resolve("part-2.csv");
    List<String> secondLines = hours("ts,device,temp,pressure", 120, 1000, random);
    secondLines.add(START + 200 * 60L + ",d,21.0"); // line 122: three fields under a header of four
    Files.write(second, secondLines);
    Path third = in.resolve("part-3.csv");
    Files.write(
        third, List.of("ts,temp,pressure", START + ",20.5,1001", START + 60 + ",20.7,1002"));
    Path out = tmp.newFolder("out").toPath();

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            new String[] {
              "--source=" + source, "--input=" + in + "/part-*.csv", "--output=" + out, "--quiet"
            },
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(stderr, status, is(Main.OK));

    // the run warns of both files, one line each
    assertThat(
        stderr,
        containsString(
            "warning: input: "
                + second
                + " has a different header from "
                + first
                + ": adds [pressure], lacks [humidity]; its rows are read under its own header\n"));
    assertThat(
        stderr,
        containsString("warning: input: every row of " + third + " is rejected: " + NO_KEY + "\n"));

    // both files' rows are profiled: two hours each, 60 rows an hour, under the run's columns
    TreeMap<String, JsonNode> reports = newestReports(out);
    assertThat(
        reports.keySet().toString(),
        new ArrayList<>(reports.keySet()),
        is(List.of("d@00", "d@01", "d@02", "d@03")));
    for (JsonNode r : reports.values()) {
      assertThat(r.get("table").get("n").asLong(), is(60L));
    }
    JsonNode fromFirst = reports.get("d@01").get("variables");
    assertThat(fromFirst.get("humidity").get("count").asLong(), is(60L));
    assertThat(fromFirst.get("pressure").get("n_missing").asLong(), is(60L));
    JsonNode fromSecond = reports.get("d@02").get("variables");
    assertThat(fromSecond.get("humidity").get("n_missing").asLong(), is(60L));
    assertThat(fromSecond.get("pressure").get("count").asLong(), is(60L));
    assertThat(fromSecond.get("pressure").get("min").asDouble() >= 1000, is(true));
    assertThat(fromSecond.get("temp").get("count").asLong(), is(60L));

    // the key's first window from the second file alerts both columns; no other window does
    Map<String, List<String>> alerts = new TreeMap<>();
    reports.forEach((window, r) -> alerts.put(window, schemaAlerts(r)));
    assertThat(
        alerts,
        is(
            Map.of(
                "d@00", List.of(),
                "d@01", List.of(),
                "d@02", List.of("humidity SCHEMA_COLUMN_REMOVED", "pressure SCHEMA_COLUMN_ADDED"),
                "d@03", List.of())));

    // the row of the wrong width and the file without a key column are rejected, with reasons
    TreeMap<String, String> rejected = rejected(out);
    assertThat(
        rejected,
        is(
            new TreeMap<>(
                Map.of(
                    "part-2.csv:122", "expected 4 fields, found 3",
                    "part-3.csv:2", NO_KEY,
                    "part-3.csv:3", NO_KEY))));

    // every row read is in a report or rejected
    JsonNode summary = JSON.readTree(out.resolve("run-summary.json").toFile());
    assertThat(summary.get("rows_read").asLong(), is(243L));
    assertThat(summary.get("rows_profiled").asLong(), is(240L));
    assertThat(summary.get("rows_rejected").asLong(), is(3L));
    assertThat(summary.get("rows_dropped_late").asLong(), is(0L));
    assertThat(summary.get("balanced").asBoolean(), is(true));

    // and the run records the header changes
    JsonNode changes = summary.get("header_changes");
    assertThat(changes.size(), is(2));
    assertThat(changes.get(0).get("file").asText(), is(second.toString()));
    assertThat(changes.get(0).get("against").asText(), is(first.toString()));
    assertThat(changes.get(0).get("adds").toString(), is("[\"pressure\"]"));
    assertThat(changes.get(0).get("lacks").toString(), is("[\"humidity\"]"));
    assertThat(changes.get(0).has("rejected"), is(false));
    assertThat(changes.get(1).get("file").asText(), is(third.toString()));
    assertThat(changes.get(1).get("lacks").toString(), is("[\"device\",\"humidity\"]"));
    assertThat(changes.get(1).get("rejected").asText(), is(NO_KEY));
  }

  /** The schema alerts of a report, as "column TYPE". */
  private static List<String> schemaAlerts(JsonNode report) {
    List<String> found = new ArrayList<>();
    for (JsonNode a : report.get("alerts")) {
      if (SchemaChanges.TYPES.contains(a.get("type").asText())) {
        found.add(a.get("column").asText() + " " + a.get("type").asText());
      }
    }
    return found;
  }

  /** The newest pane's JSON report of each key-window, as "key@hour". */
  private static TreeMap<String, JsonNode> newestReports(Path out) throws IOException {
    TreeMap<String, JsonNode> newest = new TreeMap<>();
    TreeMap<String, Long> panes = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(out)) {
      files = walk.filter(p -> p.getFileName().toString().matches(".*_pane\\d+\\.json")).toList();
    }
    for (Path f : files) {
      JsonNode r = JSON.readTree(f.toFile());
      String window =
          r.get("key").asText() + "@" + r.get("window").get("start").asText().substring(11, 13);
      long pane = r.get("pane").get("index").asLong();
      if (panes.getOrDefault(window, -1L) < pane) {
        panes.put(window, pane);
        newest.put(window, r);
      }
    }
    return newest;
  }

  /** Each rejected line, as "file:line", with its reason. */
  private static TreeMap<String, String> rejected(Path out) throws IOException {
    TreeMap<String, String> byLine = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(out.resolve("rejected"))) {
      files = walk.filter(p -> p.toString().endsWith(".jsonl")).toList();
    }
    for (Path f : files) {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          JsonNode n = JSON.readTree(line);
          String source = Path.of(n.get("source").asText()).getFileName().toString();
          byLine.put(source + ":" + n.get("line").asLong(), n.get("reason").asText());
        }
      }
    }
    return byLine;
  }
}
