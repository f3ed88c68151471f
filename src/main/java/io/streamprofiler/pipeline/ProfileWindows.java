package io.streamprofiler.pipeline;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.ProfileSettings;
import io.streamprofiler.profile.Profiler;
import io.streamprofiler.profile.StateProfiler;
import io.streamprofiler.profile.WindowContext;
import io.streamprofiler.profile.state.WindowState;
import io.streamprofiler.record.Row;
import io.streamprofiler.record.RowBatch;
import io.streamprofiler.record.RowBatchCoder;
import io.streamprofiler.record.Schema;
import io.streamprofiler.source.Accounting;
import io.streamprofiler.source.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
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
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Duration;

/**
 * Windows keyed rows into fixed event-time windows, combines each key-window and profiles every
 * fired pane. Panes accumulate, so each revision is a complete profile of all rows of its window so
 * far; late rows within the allowed lateness are batched for a second so a burst gives one
 * revision. A key-window of at most {@code exactMaxRows} rows is profiled from its rows (exact);
 * past that it is held and profiled as its mergeable state ({@link CombineWindowRows}), in bounded
 * memory. With {@code keepStates}, each pane's state is also emitted ({@link #STATES}) for roll-ups
 * and the fleet profile.
 */
public final class ProfileWindows
    extends PTransform<PCollection<KV<String, RowBatch>>, PCollectionTuple> {
  public static final TupleTag<Profile> PROFILES = new TupleTag<>() {};

  /** The state of each profiled pane, by key, in the pane's window. */
  public static final TupleTag<KV<String, PaneState>> STATES = new TupleTag<>() {};

  /** The default of {@code --exactMaxRows}. */
  public static final long EXACT_MAX_ROWS = 1_000_000;

  private static final Duration LATE_BATCHING = Duration.standardSeconds(1);

  private final Duration size;
  private final Duration allowedLateness;
  private final Duration earlyFiringInterval;
  private final Profiler profiler;
  private final StateProfiler stateProfiler;
  private final int columns;
  private final long exactMaxRows;
  private final boolean keepStates;

  /**
   * @param earlyFiringInterval provisional EARLY panes this often in processing time; zero for none
   */
  public ProfileWindows(
      Duration size,
      Duration allowedLateness,
      Duration earlyFiringInterval,
      Schema schema,
      ProfileSettings settings,
      long exactMaxRows,
      boolean keepStates) {
    this.size = size;
    this.allowedLateness = allowedLateness;
    this.earlyFiringInterval = earlyFiringInterval;
    this.profiler = new Profiler(schema, settings);
    this.stateProfiler = new StateProfiler(schema, settings);
    this.columns = schema.size();
    this.exactMaxRows = exactMaxRows;
    this.keepStates = keepStates;
  }

  public ProfileWindows(
      Duration size, Duration allowedLateness, Schema schema, ProfileSettings settings) {
    this(size, allowedLateness, Duration.ZERO, schema, settings, EXACT_MAX_ROWS, false);
  }

  static Trigger trigger(Duration earlyFiringInterval) {
    AfterWatermark.AfterWatermarkEarlyAndLate onTimeAndLate =
        AfterWatermark.pastEndOfWindow()
            .withLateFirings(
                AfterProcessingTime.pastFirstElementInPane().plusDelayOf(LATE_BATCHING));
    return earlyFiringInterval.getMillis() > 0
        ? onTimeAndLate.withEarlyFirings(
            AfterProcessingTime.pastFirstElementInPane().plusDelayOf(earlyFiringInterval))
        : onTimeAndLate;
  }

  /**
   * A bounded input is grouped, and each key-window's rows are taken from the group one batch at a
   * time (Flink's batch grouping reads them from its sorted runs, so past {@code exactMaxRows} only
   * the state is held); a stream is combined, so the runner's window state holds at most {@code
   * exactMaxRows} rows of a key-window and then only its state. A combined accumulator is one
   * element, which a batch runner would have to sort whole (Flink's batch sort takes records of at
   * most a few MB), so batches never combine.
   */
  @Override
  public PCollectionTuple expand(PCollection<KV<String, RowBatch>> rows) {
    PCollection<KV<String, RowBatch>> windowed =
        rows.apply(
            "WindowIntoFixedWindows",
            Window.<KV<String, RowBatch>>into(FixedWindows.of(size))
                .triggering(trigger(earlyFiringInterval))
                .withAllowedLateness(allowedLateness)
                .accumulatingFiredPanes());
    int stateColumns = keepStates ? columns : 0;
    // Only an output that is read is declared: Flink's batch runner gives every declared output a
    // reader (a discarding sink when nothing reads it), and a step with two readers is not chained
    // to either, so each profile was encoded and decoded on its way to the drift step.
    TupleTagList others = keepStates ? TupleTagList.of(STATES) : TupleTagList.empty();
    PCollectionTuple out =
        rows.isBounded() == PCollection.IsBounded.BOUNDED
            ? windowed
                .apply("PackBatches", ParDo.of(new PackBatchesFn()))
                .setCoder(KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of()))
                .apply("GroupByKeyAndWindow", GroupByKey.create())
                .apply(
                    "ProfileEachPane",
                    ParDo.of(
                            new ProfileGroupFn(
                                profiler, stateProfiler, stateColumns, columns, exactMaxRows))
                        .withOutputTags(PROFILES, others))
            : windowed
                .apply(
                    "CombineRowsOfEachKeyWindow",
                    Combine.perKey(new CombineWindowRows(columns, exactMaxRows)))
                .setCoder(KvCoder.of(StringUtf8Coder.of(), new WindowRowsCoder()))
                .apply(
                    "ProfileEachPane",
                    ParDo.of(new ProfileFn(profiler, stateProfiler, stateColumns))
                        .withOutputTags(PROFILES, others));
    out.get(PROFILES).setCoder(new ProfileCoder());
    if (keepStates) {
      out.get(STATES).setCoder(KvCoder.of(StringUtf8Coder.of(), PaneState.CODER));
    }
    return out;
  }

  /**
   * Each batch as its bytes while the group waits: a bounded run holds every row until the
   * watermark passes, and a few hundred thousand rows as objects (several small objects a row) are
   * what the garbage collector traced and copied; as one array a batch, they are a handful.
   */
  static final class PackBatchesFn extends DoFn<KV<String, RowBatch>, KV<String, byte[]>> {
    @ProcessElement
    public void process(
        @Element KV<String, RowBatch> batch, OutputReceiver<KV<String, byte[]>> out) {
      out.output(KV.of(batch.getKey(), RowBatchCoder.toBytes(batch.getValue())));
    }
  }

  /** Profiles a bounded run's key-window from its group, held as {@link WindowRows} holds rows. */
  static final class ProfileGroupFn extends DoFn<KV<String, Iterable<byte[]>>, Profile> {
    private final ProfileFn profile;
    private final int columns;
    private final long exactMaxRows;

    ProfileGroupFn(
        Profiler profiler,
        StateProfiler stateProfiler,
        int stateColumns,
        int columns,
        long exactMaxRows) {
      this.profile = new ProfileFn(profiler, stateProfiler, stateColumns);
      this.columns = columns;
      this.exactMaxRows = exactMaxRows;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<byte[]>> group,
        IntervalWindow window,
        PaneInfo pane,
        MultiOutputReceiver out)
        throws CoderException {
      WindowRows held = new WindowRows(columns, exactMaxRows);
      for (byte[] batch : group.getValue()) {
        held.add(RowBatchCoder.fromBytes(batch));
      }
      profile.process(KV.of(group.getKey(), held), window, pane, out);
    }
  }

  static final class ProfileFn extends DoFn<KV<String, WindowRows>, Profile> {
    private static final Comparator<Row> EVENT_ORDER =
        Comparator.comparingLong(Row::eventTimeMicros).thenComparingLong(Row::line);
    private final Profiler profiler;
    private final StateProfiler stateProfiler;

    /** Columns of the state to emit for each pane; 0 for none. */
    private final int stateColumns;

    private final Counter panes = Metrics.counter(Accounting.NAMESPACE, Accounting.PANES_PROFILED);
    private final Distribution profileMillis =
        Metrics.distribution(Accounting.NAMESPACE, Accounting.PROFILE_MILLIS);

    ProfileFn(Profiler profiler, StateProfiler stateProfiler, int stateColumns) {
      this.profiler = profiler;
      this.stateProfiler = stateProfiler;
      this.stateColumns = stateColumns;
    }

    @ProcessElement
    public void process(
        @Element KV<String, WindowRows> group,
        IntervalWindow window,
        PaneInfo pane,
        MultiOutputReceiver out) {
      WindowRows held = group.getValue();
      if (held.rows == 0) {
        return; // Flink fires an empty ON_TIME pane for windows that only had late data
      }
      long startMicros = window.start().getMillis() * 1000L;
      long endMicros = window.end().getMillis() * 1000L;
      long started = System.nanoTime();
      long fired = System.currentTimeMillis();
      WindowState state = held.state;
      if (held.exact()) {
        List<Row> rows = new ArrayList<>();
        held.batches.forEach(batch -> rows.addAll(batch.rows()));
        rows.sort(EVENT_ORDER);
        long lateRows = rows.stream().filter(Row::late).count();
        out.get(PROFILES)
            .output(profiler.profile(rows, context(group.getKey(), window, pane, lateRows, fired)));
        if (stateColumns > 0) {
          state = WindowState.ofSorted(rows, stateColumns);
        }
      } else {
        // the state counts its late rows itself
        out.get(PROFILES)
            .output(
                stateProfiler.profile(held.state, context(group.getKey(), window, pane, 0, fired)));
      }
      if (stateColumns > 0) {
        out.get(STATES)
            .output(
                KV.of(
                    group.getKey(),
                    new PaneState(
                        String.valueOf(startMicros),
                        startMicros,
                        endMicros,
                        pane.getIndex(),
                        state.toBytes())));
      }
      profileMillis.update((System.nanoTime() - started) / 1_000_000L);
      panes.inc();
      Progress.PANES_PROFILED.incrementAndGet();
    }

    private static WindowContext context(
        String key, IntervalWindow window, PaneInfo pane, long lateRows, long firedAtMillis) {
      return new WindowContext(
          key,
          window.start().getMillis() * 1000L,
          window.end().getMillis() * 1000L,
          pane.getIndex(),
          pane.getTiming().name(),
          pane.isLast(),
          lateRows,
          firedAtMillis);
    }
  }
}
