package io.streamprofiler.spec;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.streamprofiler.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A wrong spec fails before any pipeline exists, with exit status 2 and one line naming the file,
 * the line and the field.
 */
public class SpecErrorsTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static final String GOOD =
      String.join(
          "\n",
          "source:", // 1
          "  type: file", // 2
          "  path: data/iot_telemetry_data_1000.csv", // 3
          "columns:", // 4
          "  - name: co", // 5
          "    type: numeric", // 6
          "timestamp:", // 7
          "  column: ts", // 8
          "  format: epoch_seconds", // 9
          "key:", // 10
          "  column: device", // 11
          "window:", // 12
          "  size: 1h", // 13
          "alerts:", // 14
          "  missing: 0.05", // 15
          "");

  /** Runs a spec with one line replaced; returns stderr, after checking exit status 2. */
  private String fails(int line, String replacement) throws IOException {
    String[] lines = GOOD.split("\n", -1);
    lines[line - 1] = replacement;
    return fails(String.join("\n", lines));
  }

  private String fails(String spec) throws IOException {
    File file = tmp.newFile();
    Files.writeString(file.toPath(), spec);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            new String[] {"--pipeline=" + file, "--output=" + tmp.getRoot() + "/out"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String message = err.toString(StandardCharsets.UTF_8);
    assertThat(message, status, is(Main.USAGE));
    assertThat("one line: " + message, message.strip().lines().count(), is(1L));
    return message.strip().replace(file.toString(), "x.yaml");
  }

  @Test
  public void theGoodSpecIsGood() {
    PipelineSpec spec = PipelineSpec.parse("x.yaml", GOOD);
    assertThat(spec.settings().get("windowSize").value(), is("1h"));
    assertThat(spec.settings().get("windowSize").line(), is(13));
    assertThat(spec.settings().get("columnTypes").value(), is("{\"co\": \"numeric\"}"));
  }

  @Test
  public void unknownField() throws IOException {
    assertThat(
        fails(13, "  sise: 1h"),
        is(
            "error: x.yaml:13: window.sise: unknown field; window has size, allowedLateness, maxOutOfOrderness, earlyFiring, rollups, fleet, exactMaxRows"));
  }

  @Test
  public void unknownTopLevelField() throws IOException {
    assertThat(
        fails(12, "windows:"),
        is(
            "error: x.yaml:12: windows: unknown field; the spec has name, description, source, columns, missing, "
                + "timestamp, key, window, statistics, correlations, alerts, output"));
  }

  @Test
  public void wrongType() throws IOException {
    assertThat(
        fails(15, "  missing: [0.05]"),
        is("error: x.yaml:15: alerts.missing: expected a value, found a list"));
    assertThat(
        fails(15, "  missing: lots"),
        is("error: x.yaml:15: alerts.missing: \"lots\" is not a number"));
    assertThat(
        fails(GOOD.replace("  - name: co\n    type: numeric", "  - co\n  - name: co")),
        is(
            "error: x.yaml:5: columns[0]: expected a column as a mapping of name, type, missing, description, found the value \"co\""));
  }

  @Test
  public void unknownColumn() throws IOException {
    assertThat(
        fails(5, "  - name: carbon"),
        is(
            "error: x.yaml:5: columns[0].name: no column \"carbon\" in the header of data/iot_telemetry_data_1000.csv; "
                + "it has [ts, device, co, humidity, light, lpg, motion, smoke, temp]"));
    assertThat(
        fails(11, "  columns: [device, sensor]"),
        is(
            "error: x.yaml:11: key.columns[1]: no column \"sensor\" in the header of data/iot_telemetry_data_1000.csv; "
                + "it has [ts, device, co, humidity, light, lpg, motion, smoke, temp]"));
  }

  @Test
  public void badDuration() throws IOException {
    assertThat(
        fails(13, "  size: 1 hour"),
        is("error: x.yaml:13: window.size: \"1 hour\" is not a duration; write 1h or PT1H"));
    assertThat(
        fails(13, "  size: 0"), is("error: x.yaml:13: window.size: must be longer than zero"));
  }

  @Test
  public void badPattern() throws IOException {
    assertThat(
        fails(9, "  format: yyyy-MM-dd bb"),
        is(
            "error: x.yaml:9: timestamp.format: \"yyyy-MM-dd bb\" is not a timestamp format (Unknown pattern letter: b); "
                + "write epoch_seconds, epoch_millis, iso or a java.time pattern such as yyyy-MM-dd HH:mm:ss"));
  }

  @Test
  public void aValidPatternThatDoesNotReadTheDataIsPlacedInTheSpecToo() throws IOException {
    assertThat(
        fails(9, "  format: yyyy-MM-dd HH:mm:ss"),
        is(
            "error: x.yaml:9: timestamp.format: the first row's unparseable timestamp in column 'ts': "
                + "'1.5945120943859746E9' does not match yyyy-MM-dd HH:mm:ss (format yyyy-MM-dd HH:mm:ss)"));
  }

  @Test
  public void badColumnTypeZoneChoiceAndYaml() throws IOException {
    assertThat(
        fails(6, "    type: float"),
        is(
            "error: x.yaml:6: columns[0].type: \"float\" is not a column type; choose numeric, boolean, categorical, text, datetime or auto"));
    assertThat(
        fails(2, "  type: kafak"),
        is("error: x.yaml:2: source.type: \"kafak\" is not one of replay, file, kafka"));
    assertThat(
        fails(9, "  zone: Mars/Base"),
        is(
            "error: x.yaml:9: timestamp.zone: \"Mars/Base\" is not a time zone; write UTC, +02:00 or a region such as Europe/Paris"));
    assertThat(
        fails(13, "  size: [1h"),
        is("error: x.yaml:14: not valid YAML: expected ',' or ']', but got :"));
    assertThat(
        fails(11, "  column: device\n  column: ts"),
        is("error: x.yaml:12: key.column: given twice"));
  }

  @Test
  public void severalTimestampColumnsNeedAPattern() throws IOException {
    assertThat(
        fails(8, "  columns: [ts, co]"),
        is(
            "error: x.yaml:9: timestamp.format: epoch_seconds reads one column; a timestamp of several columns needs a pattern "
                + "for their values joined with spaces, such as yyyy M d H"));
  }

  @Test
  public void aMissingInputIsPlacedInTheSpec() throws IOException {
    assertThat(
        fails(3, "  path: data/nothing-here.csv"),
        is("error: x.yaml:3: source.path: no such file"));
  }

  @Test
  public void aMissingSpecFile() throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            new String[] {"--pipeline=pipelines/none.yaml"},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status, is(Main.USAGE));
    assertThat(
        err.toString(StandardCharsets.UTF_8).strip(),
        is("error: pipelines/none.yaml: cannot read the pipeline spec: pipelines/none.yaml"));
  }

  @Test
  public void theCommandLineOverridesTheSpecAndSkipsItsChecks() throws IOException {
    // the spec's bad duration is never read: --windowSize on the command line replaces it
    String[] lines = GOOD.split("\n", -1);
    lines[12] = "  size: 2h";
    File file = tmp.newFile();
    Files.writeString(file.toPath(), String.join("\n", lines));
    PipelineSpecs.Resolved r =
        PipelineSpecs.resolve(new String[] {"--pipeline=" + file, "--windowSize=30m", "--quiet"});
    assertThat(String.join(" ", r.args()).contains("--windowSize=2h"), is(false));
    assertThat(String.join(" ", r.args()).contains("--windowSize=30m"), is(true));
    assertThat(
        String.join(" ", r.args()).contains("--input=data/iot_telemetry_data_1000.csv"), is(true));
    // an override of the key skips the spec's key column check, and an error in it is not placed in
    // the spec
    lines[10] = "  column: sensor";
    Files.writeString(file.toPath(), String.join("\n", lines));
    PipelineSpecs.resolve(new String[] {"--pipeline=" + file, "--keyColumn=device"});
    assertThat(
        r.explain("--windowSize=30m: must be longer than zero"),
        is("--windowSize=30m: must be longer than zero"));
  }

  @Test
  public void aKafkaSpecPassesItsOptionsThrough() {
    PipelineSpec spec =
        PipelineSpec.parse(
            "k.yaml",
            String.join(
                "\n",
                "source:",
                "  type: kafka",
                "  kafka:",
                "    bootstrapServers: [k1:9092, k2:9092]",
                "    topics: telemetry",
                "    format: json",
                "    startFrom: latest",
                "    properties: {security.protocol: SASL_SSL, sasl.mechanism: PLAIN}",
                "    maxReadTime: 5m",
                "columns:",
                "  - {name: ts}",
                "  - {name: device}",
                "  - {name: co, type: numeric}",
                "output:",
                "  alertsTopic: profiler-alerts",
                "  metricsTable: lake/profiles",
                ""));
    Map<String, String> options = new java.util.LinkedHashMap<>();
    spec.settings().values().forEach(s -> options.put(s.option(), s.value()));
    assertThat(options.get("source"), is("kafka"));
    assertThat(options.get("bootstrapServers"), is("k1:9092,k2:9092"));
    assertThat(options.get("topic"), is("telemetry"));
    assertThat(options.get("format"), is("json"));
    assertThat(options.get("startFrom"), is("latest"));
    assertThat(options.get("kafkaProperty"), is("security.protocol=SASL_SSL,sasl.mechanism=PLAIN"));
    assertThat(options.get("maxReadTime"), is("5m"));
    assertThat(options.get("csvHeader"), is("ts,device,co"));
    assertThat(options.get("alertsTopic"), is("profiler-alerts"));
    assertThat(options.get("metricsTable"), is("lake/profiles"));
    PipelineSpecs.Resolved r =
        PipelineSpecs.resolve(
            new String[] {"--pipeline=pipelines/iot-telemetry.yaml", "--source=file"});
    assertThat(java.util.Arrays.asList(r.args()).contains("--source=replay"), is(false));
  }
}
