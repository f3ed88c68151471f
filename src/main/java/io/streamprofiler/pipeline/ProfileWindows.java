package io.streamprofiler.pipeline;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.Profiler;
import io.streamprofiler.profile.WindowContext;
import io.streamprofiler.record.Row;
import io.streamprofiler.record.RowBatch;
import io.streamprofiler.source.Accounting;
import io.streamprofiler.source.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.Trigger;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;

/**
 * Windows keyed rows into fixed event-time windows, groups each key-window and profiles every fired
 * pane. Panes accumulate, so each revision is a complete profile of all rows of its window so far;
 * late rows within the allowed lateness are batched for a second so a burst gives one revision.
 */
public final class ProfileWindows
    extends PTransform<PCollection<KV<String, RowBatch>>, PCollection<Profile>> {
  private static final Duration LATE_BATCHING = Duration.standardSeconds(1);

  private final Duration size;
  private final Duration allowedLateness;
  private final Duration earlyFiringInterval;
  private final Profiler profiler;

  /**
   * @param earlyFiringInterval provisional EARLY panes this often in processing time; zero for none
   */
  public ProfileWindows(
      Duration size, Duration allowedLateness, Duration earlyFiringInterval, Profiler profiler) {
    this.size = size;
    this.allowedLateness = allowedLateness;
    this.earlyFiringInterval = earlyFiringInterval;
    this.profiler = profiler;
  }

  public ProfileWindows(Duration size, Duration allowedLateness, Profiler profiler) {
    this(size, allowedLateness, Duration.ZERO, profiler);
  }

  private Trigger trigger() {
    AfterWatermark.AfterWatermarkEarlyAndLate onTimeAndLate =
        AfterWatermark.pastEndOfWindow()
            .withLateFirings(
                AfterProcessingTime.pastFirstElementInPane().plusDelayOf(LATE_BATCHING));
    return earlyFiringInterval.getMillis() > 0
        ? onTimeAndLate.withEarlyFirings(
            AfterProcessingTime.pastFirstElementInPane().plusDelayOf(earlyFiringInterval))
        : onTimeAndLate;
  }

  @Override
  public PCollection<Profile> expand(PCollection<KV<String, RowBatch>> rows) {
    return rows.apply(
            "WindowIntoFixedWindows",
            Window.<KV<String, RowBatch>>into(FixedWindows.of(size))
                .triggering(trigger())
                .withAllowedLateness(allowedLateness)
                .accumulatingFiredPanes())
        .apply("GroupByKeyAndWindow", GroupByKey.create())
        .apply("ProfileEachPane", ParDo.of(new ProfileFn(profiler)))
        .setCoder(new ProfileCoder());
  }

  static final class ProfileFn extends DoFn<KV<String, Iterable<RowBatch>>, Profile> {
    private static final Comparator<Row> EVENT_ORDER =
        Comparator.comparingLong(Row::eventTimeMicros).thenComparingLong(Row::line);
    private final Profiler profiler;
    private final Counter panes = Metrics.counter(Accounting.NAMESPACE, Accounting.PANES_PROFILED);
    private final Distribution profileMillis =
        Metrics.distribution(Accounting.NAMESPACE, Accounting.PROFILE_MILLIS);

    ProfileFn(Profiler profiler) {
      this.profiler = profiler;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<RowBatch>> group,
        IntervalWindow window,
        PaneInfo pane,
        OutputReceiver<Profile> out) {
      List<Row> rows = new ArrayList<>();
      group.getValue().forEach(batch -> rows.addAll(batch.rows()));
      if (rows.isEmpty()) {
        return; // Flink fires an empty ON_TIME pane for windows that only had late data
      }
      rows.sort(EVENT_ORDER);
      long lateRows = rows.stream().filter(Row::late).count();
      WindowContext context =
          new WindowContext(
              group.getKey(),
              window.start().getMillis() * 1000L,
              window.end().getMillis() * 1000L,
              pane.getIndex(),
              pane.getTiming().name(),
              pane.isLast(),
              lateRows);
      long started = System.nanoTime();
      out.output(profiler.profile(rows, context));
      profileMillis.update((System.nanoTime() - started) / 1_000_000L);
      panes.inc();
      Progress.PANES_PROFILED.incrementAndGet();
    }
  }
}
