package io.streamprofiler.source;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamprofiler.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The report latency: bucket percentiles as documented, and on a real run one latency per report,
 * each no longer than the run itself, in run-summary.json.
 */
public class ReportLatencyTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void aPercentileIsTheUpperEdgeOfTheBucketItFallsIn() {
    long[] counts = new long[ReportLatency.buckets()];
    assertThat(ReportLatency.quantile(counts, 0.5), is(-1L));
    counts[ReportLatency.bucket(7)] += 98; // <= 10 ms
    counts[ReportLatency.bucket(400)] += 1; // <= 500 ms
    counts[ReportLatency.bucket(3_600_000)] += 1; // over 300 s
    assertThat(ReportLatency.quantile(counts, 0.5), is(10L));
    assertThat(ReportLatency.quantile(counts, 0.98), is(10L));
    assertThat(ReportLatency.quantile(counts, 0.99), is(500L));
    assertThat(ReportLatency.quantile(counts, 1.0), is(Long.MAX_VALUE));
    assertThat(ReportLatency.bucket(10), is(0));
    assertThat(ReportLatency.bucket(11), is(1));
    assertThat(ReportLatency.counterName(6), is("report_latency_le_1000ms"));
    assertThat(
        ReportLatency.counterName(ReportLatency.buckets() - 1), is("report_latency_over_300000ms"));
  }

  @Test
  public void everyReportOfAStreamHasALatencyNoLongerThanTheRun() throws IOException {
    Path out = tmp.newFolder("out").toPath();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    long started = System.currentTimeMillis();
    int status =
        Main.run(
            new String[] {
              "--input=data/iot_telemetry_data_1000.csv",
              "--output=" + out,
              "--source=replay",
              "--windowSize=5m",
              "--quiet=true"
            },
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream()));
    long run = System.currentTimeMillis() - started;
    assertThat(status, is(Main.OK));
    JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
    long html;
    try (Stream<Path> files = Files.walk(out)) {
      html = files.filter(p -> p.toString().matches(".*_pane\\d+\\.html")).count();
    }
    assertThat(html, greaterThan(0L));
    assertThat(summary.toString(), summary.get("report_latency_reports").asLong(), is(html));
    long p50 = summary.get("report_latency_millis_p50").asLong();
    long p99 = summary.get("report_latency_millis_p99").asLong();
    long max = summary.get("report_latency_millis_max").asLong();
    assertThat(summary.toString(), p50, lessThanOrEqualTo(p99));
    assertThat(summary.toString(), p99, lessThanOrEqualTo(max));
    assertThat(summary.toString(), max, lessThanOrEqualTo(run));
    assertThat(
        stdout.toString(), stdout.toString().contains("report_latency_millis_p99="), is(true));
  }
}
