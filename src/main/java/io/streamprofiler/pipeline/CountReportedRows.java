package io.streamprofiler.pipeline;

import io.streamprofiler.render.IndexEntry;
import io.streamprofiler.sink.ReportDestination;
import io.streamprofiler.source.Accounting;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollection.IsBounded;
import org.apache.beam.sdk.values.PDone;

/**
 * Counts {@code rows_profiled} from the key-window reports actually written (roll-ups and the fleet
 * profile count rows already counted), so the accounting notices a row that was read but reached no
 * report, whatever step lost it. Panes accumulate: a key-window's rows are those of its newest
 * pane, so each report adds what its pane holds beyond the newest earlier pane of the same
 * key-window (a report written again, as when drift is recomputed, adds nothing). Per key, the step
 * remembers the newest pane of each window: all of them in a bounded run (a few numbers per
 * window), the newest {@code keptWindows} in a stream, which holds every window late rows can still
 * revise.
 */
final class CountReportedRows
    extends PTransform<PCollection<KV<ReportDestination, String>>, PDone> {
  private final int keptWindows;

  CountReportedRows(int keptWindows) {
    this.keptWindows = keptWindows;
  }

  @Override
  public PDone expand(PCollection<KV<ReportDestination, String>> written) {
    boolean bounded = written.isBounded() == IsBounded.BOUNDED;
    written
        .apply(
            "ReportedPanes",
            ParDo.of(
                new DoFn<KV<ReportDestination, String>, KV<String, IndexEntry>>() {
                  @ProcessElement
                  public void process(
                      @Element KV<ReportDestination, String> file,
                      OutputReceiver<KV<String, IndexEntry>> out) {
                    IndexEntry e = file.getKey().entry();
                    if (e != null && e.ofOneWindow()) { // one per report: its HTML page
                      out.output(KV.of(String.valueOf(e.key()), e));
                    }
                  }
                }))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), new IndexEntryCoder()))
        .apply("IntoGlobalWindow", Window.<KV<String, IndexEntry>>into(new GlobalWindows()))
        .apply("CountNewRows", ParDo.of(new CountFn(bounded ? Integer.MAX_VALUE : keptWindows)));
    return PDone.in(written.getPipeline());
  }

  static final class CountFn extends DoFn<KV<String, IndexEntry>, Void> {
    /** Per window start: the newest pane's index and its rows. */
    @StateId("panes")
    private final StateSpec<ValueState<Map<String, java.util.List<Long>>>> panesSpec =
        StateSpecs.value(MapCoder.of(StringUtf8Coder.of(), ListCoder.of(VarLongCoder.of())));

    private final Counter profiled =
        Metrics.counter(Accounting.NAMESPACE, Accounting.ROWS_PROFILED);
    private final int keptWindows;

    CountFn(int keptWindows) {
      this.keptWindows = keptWindows;
    }

    @ProcessElement
    public void process(
        @Element KV<String, IndexEntry> report,
        @StateId("panes") ValueState<Map<String, java.util.List<Long>>> state) {
      IndexEntry e = report.getValue();
      Map<String, java.util.List<Long>> stored = state.read();
      TreeMap<String, java.util.List<Long>> panes =
          stored == null ? new TreeMap<>() : new TreeMap<>(stored);
      java.util.List<Long> before = panes.get(e.windowStart());
      if (before != null && before.get(0) >= e.paneIndex()) {
        return; // this pane or a newer one of the window is counted already
      }
      long added = e.rows() - (before == null ? 0 : before.get(1));
      if (added > 0) {
        profiled.inc(added);
      }
      panes.put(e.windowStart(), java.util.List.of(e.paneIndex(), e.rows()));
      while (panes.size() > keptWindows) {
        panes.pollFirstEntry(); // ISO-8601 UTC starts sort as times
      }
      state.write(panes);
    }
  }

  /** Windows a stream's key must remember: those late rows can revise, and a margin. */
  static int keptWindows(org.joda.time.Duration windowSize, org.joda.time.Duration lateness) {
    return DriftAgainstBaseline.keptWindows(windowSize, lateness) + 2;
  }
}
