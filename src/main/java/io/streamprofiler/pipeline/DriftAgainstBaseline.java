package io.streamprofiler.pipeline;

import io.streamprofiler.compare.Drift;
import io.streamprofiler.compare.DriftThresholds;
import io.streamprofiler.compare.RecentMoves;
import io.streamprofiler.compare.SchemaChanges;
import io.streamprofiler.compare.WindowLevels;
import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.ProfileAdditions;
import io.streamprofiler.profile.Tree;
import io.streamprofiler.profile.WindowContext;
import io.streamprofiler.sink.ReportNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.state.BagState;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollection.IsBounded;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Instant;

/**
 * Adds a {@code drift} section and DRIFT alerts to every profile, before it is rendered.
 *
 * <ul>
 *   <li>{@code previous}: each profile is compared with the latest revision of the same key's
 *       previous window (the nearest earlier window seen), kept in per-key state in the global
 *       window; a revision (late pane) of a window is compared with the previous window, never with
 *       its own earlier pane. Only the last few windows of a key are kept ({@link #keptWindows}).
 *       In a bounded run, which fires every window at the end in any order, profiles wait for the
 *       end of the input (one event-time timer per key) and are compared in event-time order: each
 *       window once, with its true predecessor. A stream's profiles are compared as they come
 *       (windows fire in order); when rows of a window nobody had seen arrive late, the next window
 *       is emitted again, compared with it. Each profile that has a baseline travels with it, and
 *       the rendering step draws the comparison page ({@code <window>_pane<N>.previous.html}).
 *   <li>{@code fleet}: each key is compared with every other key of the same window, pooled (the
 *       count-weighted mixture of their distributions); every firing of a window re-emits its keys.
 *   <li>{@code none}: profiles pass unchanged.
 * </ul>
 */
public final class DriftAgainstBaseline
    extends PTransform<PCollection<Profile>, PCollection<Drifted>> {
  static final int KEPT_WINDOWS = 4;

  private final DriftConfig config;
  private final int keptWindows;

  public DriftAgainstBaseline(DriftConfig config) {
    this(config, KEPT_WINDOWS);
  }

  /** Keeping {@code keptWindows} windows per key as baselines: see {@link #keptWindows}. */
  public DriftAgainstBaseline(DriftConfig config, int keptWindows) {
    this.config = config;
    this.keptWindows = keptWindows;
  }

  /**
   * Windows a key must keep: the newest, the one before it, and, while late rows may still revise
   * older windows, those and their predecessors. Kept windows are the largest part of a stream's
   * per-key state, even encoded ({@link KeptWindows}).
   */
  static int keptWindows(org.joda.time.Duration windowSize, org.joda.time.Duration lateness) {
    long revisable = (lateness.getMillis() + windowSize.getMillis() - 1) / windowSize.getMillis();
    return (int) Math.min(KEPT_WINDOWS + 8, 2 + revisable);
  }

  @Override
  public PCollection<Drifted> expand(PCollection<Profile> profiles) {
    return switch (config.baseline()) {
      case "previous" ->
          profiles
              // Encoded here rather than by the shuffle's coder (the same work): the step holds a
              // bounded run's profiles until the input ends, and as bytes they are a fraction of
              // their size as trees (see PreviousWindowFn).
              .apply(
                  "KeyByProfileKey",
                  MapElements.into(
                          TypeDescriptors.kvs(
                              TypeDescriptors.strings(), TypeDescriptor.of(byte[].class)))
                      .via((Profile p) -> KV.of(p.context().key(), ProfileCoder.toBytes(p))))
              .setCoder(KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of()))
              .apply("IntoGlobalWindow", Window.<KV<String, byte[]>>into(new GlobalWindows()))
              .apply(
                  "CompareWithPreviousWindow",
                  ParDo.of(
                      new PreviousWindowFn(
                          config.thresholds(),
                          profiles.isBounded() == IsBounded.BOUNDED,
                          keptWindows)))
              .setCoder(new DriftedCoder());
      case "fleet" ->
          profiles
              .apply(
                  "KeyByWindow",
                  WithKeys.of((Profile p) -> "fleet").withKeyType(TypeDescriptors.strings()))
              .setCoder(KvCoder.of(StringUtf8Coder.of(), new ProfileCoder()))
              .apply("GroupFleetOfWindow", GroupByKey.create())
              .apply("CompareWithFleet", ParDo.of(new FleetFn(config.thresholds())))
              .setCoder(new DriftedCoder());
      default ->
          profiles
              .apply(
                  "NoDrift", MapElements.into(TypeDescriptor.of(Drifted.class)).via(Drifted::alone))
              .setCoder(new DriftedCoder());
    };
  }

  static Map<String, Object> window(WindowContext w) {
    return Tree.object().put("start", iso(w.startMicros())).put("end", iso(w.endMicros())).build();
  }

  private static String iso(long micros) {
    return java.time.Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L)
        .toString();
  }

  /**
   * The baseline entry of a previous-window comparison; paths are relative to the output directory.
   */
  static Map<String, Object> previousBaseline(Profile reference, Profile current) {
    WindowContext r = reference.context();
    WindowContext c = current.context();
    return Tree.object()
        .put("mode", "previous")
        .put("key", r.key())
        .put("window", window(r))
        .put("pane", r.paneIndex())
        .put("report", ReportNames.report(r.key(), r.startMicros(), r.paneIndex(), "html"))
        .put("comparison", comparisonPath(c))
        .build();
  }

  static String comparisonPath(WindowContext c) {
    return ReportNames.report(c.key(), c.startMicros(), c.paneIndex(), "previous.html");
  }

  /**
   * Per key: in a bounded run, the profiles waiting for the end of the input; and the latest
   * revision of each of the last windows, raw (without drift).
   */
  static final class PreviousWindowFn extends DoFn<KV<String, byte[]>, Drifted> {
    /** Windows first, then panes: the order in which a stream would have produced them. */
    private static final Comparator<WindowContext> EVENT_ORDER =
        Comparator.comparingLong(WindowContext::startMicros)
            .thenComparingLong(WindowContext::paneIndex);

    private final DriftThresholds thresholds;

    /** The last windows of the key, encoded: see {@link KeptWindows}. */
    @StateId("windows")
    private final StateSpec<ValueState<Map<Long, byte[]>>> windowsSpec =
        StateSpecs.value(MapCoder.of(VarLongCoder.of(), ByteArrayCoder.of()));

    /**
     * The levels of the key's last windows ({@link RecentMoves}): how far its windows have moved
     * lately, a few numbers per column and window.
     */
    @StateId("levels")
    private final StateSpec<ValueState<Map<Long, byte[]>>> levelsSpec =
        StateSpecs.value(MapCoder.of(VarLongCoder.of(), ByteArrayCoder.of()));

    /**
     * A bounded run's profiles of the key, as they arrived ({@link ProfileCoder} bytes): a key's
     * week of hourly windows decoded was ~100 MB of live heap per worker, copied by every young
     * collection and promoted into full ones (BENCHMARKS.md).
     */
    @StateId("waiting")
    private final StateSpec<BagState<byte[]>> waitingSpec = StateSpecs.bag(ByteArrayCoder.of());

    /** Whether the key's one flush timer is set: its output timestamp is the first profile's. */
    @StateId("flushSet")
    private final StateSpec<ValueState<Boolean>> flushSetSpec = StateSpecs.value(BooleanCoder.of());

    @TimerId("flush")
    private final TimerSpec flushSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    /**
     * Whether profiles wait for the end of the input: in a bounded run, where every window fires at
     * the end in any order. A stream's windows fire in order, and holding its profiles until the
     * watermark passes them held hundreds of them in state on a fast replay.
     */
    private final boolean inEventTimeOrder;

    private final int keptWindows;

    PreviousWindowFn(DriftThresholds thresholds, boolean inEventTimeOrder, int keptWindows) {
      this.thresholds = thresholds;
      this.inEventTimeOrder = inEventTimeOrder;
      this.keptWindows = keptWindows;
    }

    @ProcessElement
    public void process(
        @Element KV<String, byte[]> element,
        @Timestamp Instant timestamp,
        @StateId("windows") ValueState<Map<Long, byte[]>> windows,
        @StateId("levels") ValueState<Map<Long, byte[]>> levels,
        @StateId("waiting") BagState<byte[]> waiting,
        @StateId("flushSet") ValueState<Boolean> flushSet,
        @TimerId("flush") Timer flush,
        OutputReceiver<Drifted> out) {
      byte[] encoded = element.getValue();
      if (!inEventTimeOrder || "EARLY".equals(ProfileCoder.contextOf(encoded).timing())) {
        compareInOrder(List.of(encoded), windows, levels, out);
        return;
      }
      waiting.add(encoded);
      // One firing per key, once the input has ended (the end of the global window); what it
      // emits carries the first waiting profile's timestamp, not the end of time.
      if (flushSet.read() == null) {
        flush.withOutputTimestamp(timestamp).set(GlobalWindow.INSTANCE.maxTimestamp());
        flushSet.write(true);
      }
    }

    /** A waiting profile's bytes and the window they are of. */
    private record Waiting(WindowContext context, byte[] encoded) {}

    /**
     * The input has ended: every window of the key is here. Compare them in event-time order, each
     * with its true predecessor.
     */
    @OnTimer("flush")
    public void flush(
        @StateId("windows") ValueState<Map<Long, byte[]>> windows,
        @StateId("levels") ValueState<Map<Long, byte[]>> levels,
        @StateId("waiting") BagState<byte[]> waiting,
        @StateId("flushSet") ValueState<Boolean> flushSet,
        OutputReceiver<Drifted> out) {
      List<Waiting> ready = new ArrayList<>();
      for (byte[] encoded : waiting.read()) {
        ready.add(new Waiting(ProfileCoder.contextOf(encoded), encoded));
      }
      ready.sort(Comparator.comparing(Waiting::context, EVENT_ORDER)); // stable: arrival order next
      compareInOrder(ready.stream().map(Waiting::encoded).toList(), windows, levels, out);
      waiting.clear();
      flushSet.clear();
    }

    /** Decodes each profile only when its turn comes, so few are held as trees at once. */
    private void compareInOrder(
        List<byte[]> encodedProfiles,
        ValueState<Map<Long, byte[]>> state,
        ValueState<Map<Long, byte[]>> levelsState,
        OutputReceiver<Drifted> out) {
      KeptWindows windows = new KeptWindows(state.read());
      RecentMoves levels = new RecentMoves(levelsState.read());
      for (byte[] encoded : encodedProfiles) {
        Profile current = ProfileCoder.fromBytes(encoded);
        long start = current.context().startMicros();
        emit(windows.before(start), current, levels.before(start), out);
        Profile same = windows.get(start);
        boolean isNew = same == null;
        if (isNew || same.context().paneIndex() <= current.context().paneIndex()) {
          windows.put(start, current, encoded);
          levels.put(start, WindowLevels.of(current));
        }
        Profile next = windows.after(start);
        if (isNew && next != null) {
          // a window nobody had seen, before one already compared: late rows opened it
          emit(current, next, levels.before(next.context().startMicros()), out);
        }
        windows.keepNewest(keptWindows);
        levels.keepNewest();
      }
      state.write(windows.toState());
      levelsState.write(levels.toState());
    }

    private void emit(
        Profile reference,
        Profile current,
        Map<String, RecentMoves.Column> moves,
        OutputReceiver<Drifted> out) {
      if (reference == null) {
        Map<String, Object> baseline =
            Tree.object()
                .put("mode", "previous")
                .put("note", "no earlier window of this key has been profiled")
                .build();
        Drift.Result none = Drift.noBaseline(baseline, thresholds);
        out.output(
            Drifted.alone(
                ProfileAdditions.withSection(
                    current, "drift", none.section(), Drift.ALERT, none.alerts())));
        return;
      }
      Drift.Result result =
          Drift.compare(
              reference, current, thresholds, previousBaseline(reference, current), moves);
      // the stream's shape against the key's previous window too: columns, kinds, formats
      List<Map<String, Object>> alerts = new ArrayList<>(result.alerts());
      alerts.addAll(SchemaChanges.of(reference, current, "previous"));
      out.output(
          new Drifted(
              ProfileAdditions.withSection(current, "drift", result.section(), Drift.ALERT, alerts),
              reference));
    }
  }

  /** Every key of a window against the pooled others. */
  static final class FleetFn extends DoFn<KV<String, Iterable<Profile>>, Drifted> {
    private final DriftThresholds thresholds;

    FleetFn(DriftThresholds thresholds) {
      this.thresholds = thresholds;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Profile>> fleet, OutputReceiver<Drifted> out) {
      Map<String, Profile> latest = new TreeMap<>();
      for (Profile p : fleet.getValue()) {
        latest.merge(
            p.context().key(),
            p,
            (a, b) -> a.context().paneIndex() >= b.context().paneIndex() ? a : b);
      }
      for (Profile current : latest.values()) {
        List<Profile> others = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        for (Profile p : latest.values()) {
          if (p != current) {
            others.add(p);
            keys.add(p.context().key());
          }
        }
        Map<String, Object> baseline =
            Tree.object()
                .put("mode", "fleet")
                .put("window", window(current.context()))
                .put("keys", keys)
                .build();
        Drift.Result result =
            others.isEmpty()
                ? Drift.noBaseline(
                    Tree.object()
                        .put("mode", "fleet")
                        .put("window", window(current.context()))
                        .put("keys", keys)
                        .put("note", "no other key in this window")
                        .build(),
                    thresholds)
                : Drift.compare(others, current, thresholds, baseline);
        out.output(
            Drifted.alone(
                ProfileAdditions.withSection(
                    current, "drift", result.section(), Drift.ALERT, result.alerts())));
      }
    }
  }
}
