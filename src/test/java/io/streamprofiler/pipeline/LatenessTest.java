package io.streamprofiler.pipeline;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.ProfileSettings;
import io.streamprofiler.profile.Tree;
import io.streamprofiler.record.Row;
import io.streamprofiler.record.RowCoder;
import io.streamprofiler.record.Schema;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;

/**
 * The four cases of lateness, as Beam's LeaderBoardTest names them: on time, unobservably late (in
 * the on-time pane), observably late (a LATE revision that includes every earlier row), and
 * droppably late (past the allowed lateness: in no pane; the source sets those rows aside before).
 */
public class LatenessTest {
  private static final Schema SCHEMA = Schema.of(List.of("ts", "device", "v"), "device", "ts");
  private static final Instant HOUR0 = new Instant(0);
  private static final IntervalWindow WINDOW = new IntervalWindow(HOUR0, Duration.standardHours(1));

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static TimestampedValue<KV<String, Row>> at(Duration offset, double v, boolean late) {
    long millis = offset.getMillis();
    Row row =
        new Row(
            0,
            millis * 1000,
            "a",
            new String[3],
            new double[] {millis / 1000.0, Double.NaN, v},
            late);
    return TimestampedValue.of(KV.of("a", row), HOUR0.plus(offset));
  }

  private PCollection<String> profile(TestStream<KV<String, Row>> stream) {
    return pipeline
        .apply(stream)
        .apply("AsBatches", ProfileWindowsTest.asBatches())
        .setCoder(KvCoder.of(StringUtf8Coder.of(), io.streamprofiler.record.RowBatchCoder.of()))
        .apply(
            new ProfileWindows(
                Duration.standardHours(1),
                Duration.standardMinutes(10),
                SCHEMA,
                ProfileSettings.defaults()))
        .get(ProfileWindows.PROFILES)
        .apply(MapElements.into(TypeDescriptors.strings()).via(LatenessTest::summary));
  }

  private static String summary(Profile p) {
    return p.context().timing()
        + " pane="
        + p.context().paneIndex()
        + " n="
        + (long) Tree.number(p.section("table"), "n")
        + " late_rows="
        + p.context().lateRows()
        + " sum="
        + Tree.number(p.variables().get("v"), "sum");
  }

  @Test
  public void onTimeUnobservablyLateObservablyLateAndDroppablyLate() {
    TestStream<KV<String, Row>> stream =
        TestStream.create(KvCoder.of(StringUtf8Coder.of(), RowCoder.of()))
            .advanceWatermarkTo(HOUR0)
            .addElements(at(Duration.standardMinutes(10), 1, false))
            .advanceWatermarkTo(HOUR0.plus(Duration.standardMinutes(30)))
            // behind the watermark, but the window is still open: unobservably late
            .addElements(at(Duration.standardMinutes(20), 2, false))
            .advanceWatermarkTo(HOUR0.plus(Duration.standardMinutes(65)))
            // the window has fired ON_TIME; within the allowed lateness: observably late
            .addElements(at(Duration.standardMinutes(40), 4, true))
            .advanceProcessingTime(Duration.standardSeconds(5))
            .advanceWatermarkTo(HOUR0.plus(Duration.standardMinutes(80)))
            // past the end of the window plus 10 minutes: droppably late
            .addElements(at(Duration.standardMinutes(50), 8, true))
            .advanceProcessingTime(Duration.standardSeconds(5))
            .advanceWatermarkToInfinity();
    PCollection<String> panes = profile(stream);
    PAssert.that(panes)
        .inOnTimePane(WINDOW)
        .containsInAnyOrder("ON_TIME pane=0 n=2 late_rows=0 sum=3.0");
    PAssert.that(panes)
        .inLatePane(WINDOW)
        .containsInAnyOrder("LATE pane=1 n=3 late_rows=1 sum=7.0");
    PAssert.that(panes)
        .inWindow(WINDOW)
        .containsInAnyOrder(
            "ON_TIME pane=0 n=2 late_rows=0 sum=3.0", "LATE pane=1 n=3 late_rows=1 sum=7.0");
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void earlyFiringsGiveProvisionalPanesBeforeTheWatermark() {
    TestStream<KV<String, Row>> stream =
        TestStream.create(KvCoder.of(StringUtf8Coder.of(), RowCoder.of()))
            .advanceWatermarkTo(HOUR0)
            .addElements(at(Duration.standardMinutes(10), 1, false))
            .advanceProcessingTime(Duration.standardMinutes(2))
            .addElements(at(Duration.standardMinutes(20), 2, false))
            .advanceWatermarkToInfinity();
    PCollection<String> panes =
        pipeline
            .apply(stream)
            .apply("AsBatches", ProfileWindowsTest.asBatches())
            .setCoder(KvCoder.of(StringUtf8Coder.of(), io.streamprofiler.record.RowBatchCoder.of()))
            .apply(
                new ProfileWindows(
                    Duration.standardHours(1),
                    Duration.ZERO,
                    Duration.standardMinutes(1),
                    SCHEMA,
                    ProfileSettings.defaults(),
                    ProfileWindows.EXACT_MAX_ROWS,
                    false))
            .get(ProfileWindows.PROFILES)
            .apply(MapElements.into(TypeDescriptors.strings()).via(LatenessTest::summary));
    PAssert.that(panes)
        .containsInAnyOrder(
            "EARLY pane=0 n=1 late_rows=0 sum=1.0", "ON_TIME pane=1 n=2 late_rows=0 sum=3.0");
    pipeline.run().waitUntilFinish();
  }
}
