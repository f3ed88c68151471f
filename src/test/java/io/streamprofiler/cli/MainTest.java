package io.streamprofiler.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamprofiler.pipeline.ProfilerOptions;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The command line as users run it: the sample end to end, and every kind of wrong option. */
public class MainTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  public void aFailureIsOneLineAndRunningOutOfMemorySaysWhatToDo() {
    assertThat(
        Main.failure(new IllegalStateException("disk full\n\tat somewhere")),
        is("java.lang.IllegalStateException: disk full"));
    String oom = Main.failure(new OutOfMemoryError("Java heap space"));
    assertThat(oom, containsString("java.lang.OutOfMemoryError: Java heap space; "));
    assertThat(oom, containsString("--source=replay"));
    assertThat(oom, containsString("-Xmx"));
  }

  @Test
  public void flinkBundlesAreSmallUnlessTheCommandLineSetsThem() {
    assertThat(flinkBundle("--runner=FlinkRunner"), is(Main.FLINK_STREAM_BUNDLE));
    assertThat(flinkBundle("--runner=FlinkRunner", "--maxBundleSize=500"), is(500L));
    // other runners keep Flink's default, which they never read
    assertThat(flinkBundle("--runner=DirectRunner"), not(Main.FLINK_STREAM_BUNDLE));
  }

  @Test
  public void flinkReusesObjectsBetweenChainedStepsUnlessTheCommandLineSaysNot() {
    assertThat(flink("--runner=FlinkRunner").getObjectReuse(), is(true));
    assertThat(flink("--runner=FlinkRunner", "--objectReuse=false").getObjectReuse(), is(false));
    assertThat(flink("--runner=DirectRunner").getObjectReuse(), is(false));
  }

  private static long flinkBundle(String... args) {
    return flink(args).getMaxBundleSize();
  }

  private static org.apache.beam.runners.flink.FlinkPipelineOptions flink(String... args) {
    PipelineOptionsFactory.register(ProfilerOptions.class);
    ProfilerOptions options = PipelineOptionsFactory.fromArgs(args).as(ProfilerOptions.class);
    Main.flinkDefaults(options, args);
    return options.as(org.apache.beam.runners.flink.FlinkPipelineOptions.class);
  }

  @Test
  public void optionsInterfaceIsAcceptedByBeam() {
    PipelineOptionsFactory.as(ProfilerOptions.class);
  }

  @Test
  public void theSampleGivesThreeDeviceHourProfilesAndABalancedSummary() throws IOException {
    File output = tmp.newFolder("reports");
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      assertThat(err.toString(), run("--output=" + output), is(Main.OK));
    } finally {
      System.setOut(stdout);
    }
    assertThat(
        printed.toString(),
        containsString("device b8:27:eb:bf:9d:51 profiled at hour 2020-07-12 00:00:00"));
    List<Long> rows = new ArrayList<>();
    try (Stream<Path> files = Files.walk(output.toPath())) {
      for (Path json : files.filter(p -> p.toString().endsWith("_pane0.json")).toList()) {
        assertThat(json.getFileName().toString(), is("20200712T000000Z_pane0.json"));
        assertThat(Files.exists(Path.of(json.toString().replace(".json", ".html"))), is(true));
        JsonNode profile = new ObjectMapper().readTree(json.toFile());
        assertThat(profile.get("window").get("start").asText(), is("2020-07-12T00:00:00Z"));
        assertThat(profile.get("pane").get("timing").asText(), is("ON_TIME"));
        rows.add(profile.get("table").get("n").asLong());
      }
    }
    assertThat(rows, containsInAnyOrder(457L, 273L, 269L));
    String index = Files.readString(new File(output, "index.html").toPath());
    for (String dir :
        new String[] {
          "b8_27_eb_bf_9d_51-bd78baaa13bf4845",
          "00_0f_00_70_91_0a-88b246cd323c0869",
          "1c_bf_ce_15_ec_4d-516a3e56f9f39358"
        }) {
      assertThat(index, containsString("href=\"" + dir + "/20200712T000000Z_pane0.html\""));
    }
    assertThat(new File(output, ".temp-beam").exists(), is(false));
    JsonNode summary = new ObjectMapper().readTree(new File(output, "run-summary.json"));
    assertThat(summary.get("rows_read").asLong(), is(999L));
    assertThat(summary.get("rows_profiled").asLong(), is(999L));
    assertThat(summary.get("rows_rejected").asLong(), is(0L));
    assertThat(summary.get("reports_written").asLong(), is(3L));
    assertThat(
        out.toString(),
        containsString(
            "summary: rows_read=999 rows_profiled=999 rows_rejected=0 rows_dropped_late=0 reports_written=3"));
  }

  @Test
  public void rejectedLinesAreWrittenWithLineAndReasonAndTheRestIsProfiled() throws IOException {
    File input = tmp.newFile("bad.csv");
    Files.writeString(
        input.toPath(),
        "ts,device,temp\n1594512000,a,1\nnot-a-time,a,2\n1594512001,a\n1594512002,a,3\n");
    File output = tmp.newFolder("out");
    assertThat(err.toString(), run("--input=" + input, "--output=" + output), is(Main.OK));
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(new File(output, "rejected").toPath())) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        lines.addAll(Files.readAllLines(p));
      }
    }
    assertThat(lines.size(), is(2));
    JsonNode first =
        new ObjectMapper()
            .readTree(
                lines.stream().filter(l -> l.contains("\"line\":3")).findFirst().orElseThrow());
    assertThat(first.get("reason").asText(), containsString("unparseable timestamp"));
    assertThat(first.get("raw").asText(), is("not-a-time,a,2"));
    JsonNode summary = new ObjectMapper().readTree(new File(output, "run-summary.json"));
    assertThat(summary.get("rows_read").asLong(), is(4L));
    assertThat(summary.get("rows_rejected").asLong(), is(2L));
    assertThat(summary.get("rows_profiled").asLong(), is(2L));
  }

  @Test
  public void unknownColumnIsOneLineAndExitTwo() {
    assertThat(run("--keyColumn=sensor", "--output=" + tmp.getRoot()), is(Main.USAGE));
    assertThat(err.toString(), containsString("error: --keyColumn=sensor: no such column"));
    assertThat(err.toString(), not(containsString("Exception")));
    assertThat(err.toString(), not(containsString("\tat ")));
  }

  @Test
  public void missingInputFileIsOneLineAndExitTwo() {
    assertThat(run("--input=/no/such/file.csv"), is(Main.USAGE));
    assertThat(err.toString(), containsString("error: --input=/no/such/file.csv: no such file"));
  }

  @Test
  public void badPatternZoneDurationAndUnknownOptionAreOneLineEach() {
    assertThat(run("--timestampFormat=yyyy-MM-dd {"), is(Main.USAGE));
    assertThat(err.toString(), containsString("--timestampFormat"));
    err.reset();
    assertThat(run("--timeZone=Nowhere/Land"), is(Main.USAGE));
    assertThat(err.toString(), containsString("--timeZone"));
    err.reset();
    assertThat(run("--timestampFormat=iso"), is(Main.USAGE));
    assertThat(
        err.toString(),
        containsString(
            "--timestampFormat=iso: the first row's unparseable timestamp in column 'ts': '1.5945120943859746E9' does not match iso"));
    err.reset();
    assertThat(run("--windowSize=1 hour"), is(Main.USAGE));
    assertThat(
        err.toString(),
        containsString(
            "--windowSize=1 hour: \"1 hour\" is not a duration; write 30s, 5m, 1h, 1d or ISO-8601 such as PT1H"));
    err.reset();
    assertThat(run("--colour=blue"), is(Main.USAGE));
    assertThat(err.toString().lines().count(), is(2L));
    assertThat(err.toString(), not(containsString("\tat ")));
  }

  @Test
  public void aRollUpThatIsNotAMultipleOfTheWindowOrANegativeRowLimitIsOneLineAndExitTwo() {
    assertThat(run("--rollups=45m"), is(Main.USAGE));
    assertThat(
        err.toString(),
        containsString(
            "error: --rollups=45m: 45m is not a multiple of --windowSize (1h) longer than it; write e.g. 1d,7d"));
    assertThat(err.toString().lines().filter(l -> l.startsWith("error:")).count(), is(1L));
    err.reset();
    assertThat(run("--rollups=1d,soon"), is(Main.USAGE));
    assertThat(
        err.toString(), containsString("error: --rollups=1d,soon: \"soon\" is not a duration"));
    err.reset();
    assertThat(run("--exactMaxRows=-1"), is(Main.USAGE));
    assertThat(
        err.toString(),
        containsString(
            "error: --exactMaxRows=-1: must be 0 (always from the mergeable state) or more"));
    assertThat(err.toString(), not(containsString("\tat ")));
  }
}
