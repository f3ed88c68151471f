package io.streamprofiler.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.streamprofiler.source.ReplaySettings;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Test;

/** How long a replayed late line waits depends on how often the runner publishes watermarks. */
public class ReplayRunnerSettingsTest {
  private static long settle(String... args) {
    return ProfilePipeline.lateSettleMillis(
        Pipeline.create(PipelineOptionsFactory.fromArgs(args).create()));
  }

  @Test
  public void aLateLineWaitsLongerThanFlinkTakesToPublishTheWatermark() {
    // Flink's default interval is 200 ms: the wait stays at its floor
    assertThat(settle("--runner=FlinkRunner"), is(ReplaySettings.LATE_SETTLE_MILLIS));
    assertThat(settle("--runner=FlinkRunner", "--autoWatermarkInterval=150"), is(300L));
    // a slower watermark makes the late line wait longer than one interval
    assertThat(settle("--runner=FlinkRunner", "--autoWatermarkInterval=1000"), is(1100L));
    // the DirectRunner publishes the watermark when the reader's bundle ends
    assertThat(settle("--runner=DirectRunner"), is(ReplaySettings.LATE_SETTLE_MILLIS));
  }
}
