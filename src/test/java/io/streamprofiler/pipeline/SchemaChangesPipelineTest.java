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
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A stream that changes under the profiler: device a's temperature arrives as text ("21,5 C") for
 * its third hour, device b's light column starts carrying values in its third hour, device c does
 * not change. Exactly these schema alerts, in those windows, in the JSON reports, the HTML report
 * and the dashboard; none on device c or in the other windows.
 */
public class SchemaChangesPipelineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long START = 1_594_512_000L; // 2020-07-12T00:00:00Z

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  /**
   * Four hours of three devices a minute apart: device a's temp is text ("21,5 C") in its third
   * hour, device b's light is empty in its first two, device c never changes.
   */
  public static List<String> changingStream() {
    Random random = new Random(7);
    List<String> lines =
        new ArrayList<>(List.of("ts,device,co,humidity,light,lpg,motion,smoke,temp"));
    for (int minute = 0; minute < 4 * 60; minute++) {
      int hour = minute / 60;
      for (String device : List.of("a", "b", "c")) {
        double temp = 20 + random.nextGaussian();
        String t =
            device.equals("a") && hour == 2
                ? "\"" + String.format(Locale.ROOT, "%.1f C", temp).replace('.', ',') + "\""
                : String.format(Locale.ROOT, "%.2f", temp);
        String light = device.equals("b") && hour < 2 ? "" : String.valueOf(random.nextBoolean());
        lines.add(
            String.join(
                ",",
                String.valueOf(START + minute * 60L + (device.charAt(0) - 'a')),
                device,
                String.format(Locale.ROOT, "%.5f", 0.004 + random.nextDouble() / 1000),
                String.format(Locale.ROOT, "%.1f", 50 + 5 * random.nextDouble()),
                light,
                String.format(Locale.ROOT, "%.5f", 0.007 + random.nextDouble() / 1000),
                "false",
                String.format(Locale.ROOT, "%.5f", 0.02 + random.nextDouble() / 100),
                t));
      }
    }
    return lines;
  }

  @Test
  public void aColumnTurningIntoTextAndAColumnAppearingAreAlertedWhereTheyHappen()
      throws IOException {
    List<String> lines = changingStream();
    Path input = tmp.newFile("changes.csv").toPath();
    Files.write(input, lines);
    Path out = tmp.newFolder("out").toPath();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            new String[] {"--input=" + input, "--output=" + out, "--quiet=true"},
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(err.toString(), status, is(Main.OK));

    // device|window -> the schema alerts of its report, as "column TYPE"
    TreeMap<String, List<String>> found = new TreeMap<>();
    List<Path> reports;
    try (Stream<Path> files = Files.walk(out)) {
      reports = files.filter(p -> p.toString().endsWith("_pane0.json")).sorted().toList();
    }
    assertThat(reports.size(), is(12));
    for (Path p : reports) {
      JsonNode r = JSON.readTree(p.toFile());
      List<String> alerts = new ArrayList<>();
      for (JsonNode a : r.get("alerts")) {
        if (SchemaChanges.TYPES.contains(a.get("type").asText())) {
          alerts.add(a.get("column").asText() + " " + a.get("type").asText());
          if (a.get("type").asText().equals(SchemaChanges.TYPE_CHANGED)) {
            assertThat(
                a.toString(),
                a.get("from_kind").asText().equals(a.get("to_kind").asText()),
                is(false));
          }
        }
      }
      found.put(r.get("key").asText() + "|" + r.get("window").get("start").asText(), alerts);
    }
    TreeMap<String, List<String>> expected = new TreeMap<>();
    for (String device : List.of("a", "b", "c")) {
      for (int hour = 0; hour < 4; hour++) {
        expected.put(device + "|2020-07-12T0" + hour + ":00:00Z", List.of());
      }
    }
    expected.put("a|2020-07-12T02:00:00Z", List.of("temp TYPE_CHANGED"));
    expected.put("a|2020-07-12T03:00:00Z", List.of("temp TYPE_CHANGED"));
    expected.put("b|2020-07-12T02:00:00Z", List.of("light SCHEMA_COLUMN_ADDED"));
    assertThat(found, is(expected));

    JsonNode change = null;
    Path aHour2 = null;
    for (Path p : reports) {
      JsonNode r = JSON.readTree(p.toFile());
      if (r.get("key").asText().equals("a")
          && r.get("window").get("start").asText().contains("T02")) {
        aHour2 = p;
        for (JsonNode a : r.get("alerts")) {
          if (a.get("type").asText().equals(SchemaChanges.TYPE_CHANGED)) {
            change = a;
          }
        }
      }
    }
    assertThat(change.get("from_kind").asText(), is("numbers"));
    assertThat(change.get("to_kind").asText(), is("text"));
    assertThat(change.get("format").asText(), is("\"9,9 A\" length 5-8"));
    String html =
        Files.readString(
            aHour2.resolveSibling(aHour2.getFileName().toString().replace(".json", ".html")));
    assertThat(html, containsString("changed type since the previous window"));
    String index = Files.readString(out.resolve("index.html"));
    assertThat(index, containsString("temp TYPE_CHANGED"));
    assertThat(index, containsString("light SCHEMA_COLUMN_ADDED"));
  }
}
