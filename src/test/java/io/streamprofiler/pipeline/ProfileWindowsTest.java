package io.streamprofiler.pipeline;

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
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;

/** Keyed rows land in the right fixed window and every key-window becomes one profile. */
public class ProfileWindowsTest {
  private static final Schema SCHEMA = Schema.of(List.of("ts", "device", "temp"), "device", "ts");
  private static final long HOUR = 3_600_000L;

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static TimestampedValue<KV<String, Row>> row(String key, long millis, double temp) {
    Row r =
        new Row(
            0, millis * 1000, key, new String[3], new double[] {millis / 1000.0, Double.NaN, temp});
    return TimestampedValue.of(KV.of(key, r), new Instant(millis));
  }

  @Test
  public void groupsByKeyAndHourAlignedToTheEpoch() {
    PCollection<KV<String, Row>> rows =
        pipeline.apply(
            Create.timestamped(
                    row("a", 0, 1),
                    row("a", HOUR - 1, 2),
                    row("a", HOUR, 3),
                    row("b", 10, 4),
                    row("b", 20, 5),
                    row("b", 30, 6))
                .withCoder(KvCoder.of(StringUtf8Coder.of(), RowCoder.of())));
    PCollection<String> summaries =
        rows.apply("AsBatches", asBatches())
            .setCoder(KvCoder.of(StringUtf8Coder.of(), io.streamprofiler.record.RowBatchCoder.of()))
            .apply(
                new ProfileWindows(
                    Duration.standardHours(1),
                    Duration.standardSeconds(30),
                    SCHEMA,
                    ProfileSettings.defaults()))
            .get(ProfileWindows.PROFILES)
            .apply(
                MapElements.into(TypeDescriptors.strings())
                    .via(
                        p ->
                            p.context().key()
                                + " "
                                + p.section("window").get("start")
                                + " n="
                                + (long) Tree.number(p.section("table"), "n")
                                + " "
                                + p.context().timing()));
    PAssert.that(summaries)
        .containsInAnyOrder(
            "a 1970-01-01T00:00:00Z n=2 ON_TIME",
            "a 1970-01-01T01:00:00Z n=1 ON_TIME",
            "b 1970-01-01T00:00:00Z n=3 ON_TIME");
    pipeline.run().waitUntilFinish();
  }

  /** Each keyed row as a batch of one, as ParseRecords would hand it on. */
  static org.apache.beam.sdk.transforms.MapElements<
          KV<String, Row>, KV<String, io.streamprofiler.record.RowBatch>>
      asBatches() {
    return org.apache.beam.sdk.transforms.MapElements.into(
            org.apache.beam.sdk.values.TypeDescriptors.kvs(
                org.apache.beam.sdk.values.TypeDescriptors.strings(),
                org.apache.beam.sdk.values.TypeDescriptor.of(
                    io.streamprofiler.record.RowBatch.class)))
        .via(
            (KV<String, Row> kv) ->
                KV.of(kv.getKey(), io.streamprofiler.record.RowBatch.of(kv.getValue())));
  }
}
