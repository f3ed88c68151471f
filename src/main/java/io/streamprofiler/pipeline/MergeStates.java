package io.streamprofiler.pipeline;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.ProfileAdditions;
import io.streamprofiler.profile.StateProfiler;
import io.streamprofiler.profile.Tree;
import io.streamprofiler.profile.WindowContext;
import io.streamprofiler.profile.state.WindowState;
import io.streamprofiler.record.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.joda.time.Duration;

/**
 * Roll-ups and the fleet profile, merged from the windows' states without re-reading a row. Each
 * roll-up re-windows a key's pane states into windows of its length (a day of hourly windows) and
 * merges the newest pane of each window; the fleet merges the newest pane of every key in each
 * window. Both fire as the windows do: on time when the watermark passes their end, and again when
 * a late pane revises a window they contain. Their profiles are not compared for drift; they go to
 * the reports in the global window, as the drift step's do.
 */
final class MergeStates
    extends PTransform<PCollection<KV<String, PaneState>>, PCollection<Drifted>> {
  /** The key of the fleet profile; its folder is {@code _fleet}, which no key's folder can be. */
  static final String FLEET = "_fleet";

  /**
   * Rows of the series a roll-up or fleet profile is drawn from: these are profiled at every
   * firing, beside the windows themselves, so a day of hours gets a 1,000-row picture (one row per
   * 1–2 minutes) rather than 2,000 (issue 18: their cost beside the windows' profiles).
   */
  static final int SERIES_ROWS = 1_000;

  private final PipelineConfig config;

  MergeStates(PipelineConfig config) {
    this.config = config;
  }

  @Override
  public PCollection<Drifted> expand(PCollection<KV<String, PaneState>> states) {
    StateProfiler profiler = new StateProfiler(config.schema(), config.settings(), SERIES_ROWS);
    StateProfiler fleetProfiler =
        new StateProfiler(config.schema(), config.settings().withoutTimeSeries(), SERIES_ROWS);
    String base = Durations.format(java.time.Duration.ofMillis(config.windowSize().getMillis()));
    PCollectionList<Drifted> all = PCollectionList.empty(states.getPipeline());
    for (Duration rollup : config.rollups()) {
      String name = Durations.format(java.time.Duration.ofMillis(rollup.getMillis()));
      all =
          all.and(
              states
                  .apply("Into" + name + "Windows", windows(rollup))
                  .apply("Group" + name + "OfEachKey", GroupByKey.create())
                  .apply(
                      "Profile" + name + "RollUps",
                      ParDo.of(new ProfileMerged(profiler, "rollup", base, name)))
                  .setCoder(new DriftedCoder())
                  .apply(name + "IntoGlobalWindow", global()));
    }
    if (config.fleet()) {
      all =
          all.and(
              states
                  .apply("IntoFleetWindows", windows(config.windowSize()))
                  .apply("ByWindow", ParDo.of(new ByWindowFn()))
                  .setCoder(KvCoder.of(StringUtf8Coder.of(), PaneState.CODER))
                  .apply("GroupEveryKey", GroupByKey.create())
                  .apply(
                      "ProfileFleet",
                      ParDo.of(new ProfileMerged(fleetProfiler, "fleet", base, base)))
                  .setCoder(new DriftedCoder())
                  .apply("FleetIntoGlobalWindow", global()));
    }
    return all.apply("MergedProfiles", Flatten.pCollections()).setCoder(new DriftedCoder());
  }

  /** Reports are written in the global window, as the drift step's are: they flatten together. */
  private static Window<Drifted> global() {
    return Window.<Drifted>into(new GlobalWindows());
  }

  private Window<KV<String, PaneState>> windows(Duration length) {
    return Window.<KV<String, PaneState>>into(FixedWindows.of(length))
        .triggering(ProfileWindows.trigger(Duration.ZERO))
        .withAllowedLateness(config.allowedLateness())
        .accumulatingFiredPanes();
  }

  /**
   * Keys each pane's state by its window, so the fleet's windows spread over the workers (one fleet
   * key would profile, render and write every fleet window on one thread: a third of the reports of
   * a three-device run); the profile is reported under {@link #FLEET}.
   */
  static final class ByWindowFn extends DoFn<KV<String, PaneState>, KV<String, PaneState>> {
    @ProcessElement
    public void process(
        @Element KV<String, PaneState> s,
        IntervalWindow window,
        OutputReceiver<KV<String, PaneState>> out) {
      out.output(KV.of(window.start().toString(), keyed(s.getKey(), s.getValue())));
    }
  }

  /** A fleet member: the pane's state, told apart from the other keys' by its key. */
  private static PaneState keyed(String key, PaneState s) {
    return new PaneState(key, s.startMicros(), s.endMicros(), s.paneIndex(), s.state());
  }

  /**
   * Merges the newest pane of each part (a window in a roll-up, a key in the fleet: a late pane
   * replaces the one it revises, so nothing counts twice) and profiles the result, saying what it
   * covers. Grouped, not combined: each state stays one element (a few hundred KB at most), where a
   * combined map of a week of hours or a large fleet would be one element too large for a batch
   * runner to sort.
   */
  static final class ProfileMerged extends DoFn<KV<String, Iterable<PaneState>>, Drifted> {
    private final StateProfiler profiler;
    private final String kind;
    private final String base;
    private final String length;

    ProfileMerged(StateProfiler profiler, String kind, String base, String length) {
      this.profiler = profiler;
      this.kind = kind;
      this.base = base;
      this.length = length;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<PaneState>> group,
        IntervalWindow window,
        PaneInfo pane,
        OutputReceiver<Drifted> out) {
      Map<String, PaneState> newest = new TreeMap<>();
      for (PaneState p : group.getValue()) {
        newest.merge(p.part(), p, (a, b) -> a.paneIndex() >= b.paneIndex() ? a : b);
      }
      KV<String, Map<String, PaneState>> parts = KV.of(group.getKey(), newest);
      WindowState merged = null;
      List<String> members = new ArrayList<>();
      for (Map.Entry<String, PaneState> part : parts.getValue().entrySet()) {
        WindowState s = WindowState.fromBytes(part.getValue().state());
        if (merged == null) {
          merged = s;
        } else {
          merged.merge(s);
        }
        members.add(part.getKey());
      }
      if (merged == null || merged.rows() == 0) {
        return;
      }
      WindowContext context =
          new WindowContext(
              kind.equals("fleet") ? FLEET : parts.getKey(),
              window.start().getMillis() * 1000L,
              window.end().getMillis() * 1000L,
              pane.getIndex(),
              pane.getTiming().name(),
              pane.isLast(),
              0,
              System.currentTimeMillis());
      Tree scope = Tree.object().put("kind", kind).put("of", base).put("window", length);
      if (kind.equals("fleet")) {
        scope.put("keys", members);
      } else {
        scope.put("windows", (long) members.size());
      }
      Profile profile =
          ProfileAdditions.withScope(profiler.profile(merged, context), scope.build());
      out.output(Drifted.alone(profile));
    }
  }
}
