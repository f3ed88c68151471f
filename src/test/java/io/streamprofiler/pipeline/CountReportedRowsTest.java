package io.streamprofiler.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.streamprofiler.render.IndexEntry;
import io.streamprofiler.sink.ReportDestination;
import io.streamprofiler.source.Accounting;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;

/**
 * rows_profiled is counted from the reports written: each key-window's rows once, as many as its
 * newest pane holds, however many revisions, rewrites or other files it has.
 */
public class CountReportedRowsTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static KV<ReportDestination, String> html(String key, String window, long pane, long n) {
    IndexEntry e =
        new IndexEntry(
            key,
            window,
            window,
            pane,
            pane == 0 ? "ON_TIME" : "LATE",
            false,
            0,
            n,
            key + ".html",
            "",
            List.of(),
            "");
    return KV.of(new ReportDestination(key + "/" + window + pane + ".html", e), "written");
  }

  private static KV<ReportDestination, String> json(String key) {
    return KV.of(new ReportDestination(key + ".json", null), "written");
  }

  @Test
  public void aBoundedRunCountsEachKeyWindowsNewestPaneOnce() {
    PCollection<KV<ReportDestination, String>> written =
        pipeline.apply(
            Create.of(
                    html("a", "2020-07-12T00:00:00Z", 0, 10),
                    json("a"),
                    html("a", "2020-07-12T00:00:00Z", 0, 10), // rewritten: drift recomputed
                    html("a", "2020-07-12T01:00:00Z", 0, 7),
                    html("b", "2020-07-12T00:00:00Z", 0, 5))
                .withCoder(coder()));
    written.apply(new CountReportedRows(3));
    assertThat(profiled(pipeline.run()), is(22L));
  }

  @Test
  public void aStreamCountsWhatEachRevisionAddsAndIgnoresAnOlderPaneArrivingLast() {
    TestStream<KV<ReportDestination, String>> stream =
        TestStream.create(coder())
            .addElements(html("a", "2020-07-12T00:00:00Z", 0, 10))
            .addElements(html("a", "2020-07-12T00:00:00Z", 1, 12)) // 2 late rows
            .addElements(html("a", "2020-07-12T00:00:00Z", 1, 12)) // the same pane again
            .addElements(html("a", "2020-07-12T00:00:00Z", 0, 10)) // an older pane, after
            .addElements(html("a", "2020-07-12T01:00:00Z", 0, 4))
            .advanceWatermarkTo(new Instant(0))
            .addElements(html("a", "2020-07-12T02:00:00Z", 0, 1))
            .addElements(html("a", "2020-07-12T03:00:00Z", 0, 1))
            .addElements(html("a", "2020-07-12T02:00:00Z", 1, 3)) // the newest 2 are kept
            .advanceWatermarkToInfinity();
    pipeline.apply(stream).apply(new CountReportedRows(2));
    assertThat(profiled(pipeline.run()), is(12L + 4 + 1 + 1 + 2));
  }

  private static KvCoder<ReportDestination, String> coder() {
    return KvCoder.of(new ReportDestinationCoder(), StringUtf8Coder.of());
  }

  private static long profiled(PipelineResult result) {
    result.waitUntilFinish();
    long n = 0;
    for (MetricResult<Long> c :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(
                        MetricNameFilter.named(Accounting.NAMESPACE, Accounting.ROWS_PROFILED))
                    .build())
            .getCounters()) {
      n += c.getAttempted();
    }
    return n;
  }
}
