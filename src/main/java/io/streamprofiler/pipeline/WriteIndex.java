package io.streamprofiler.pipeline;

import io.streamprofiler.render.Html;
import io.streamprofiler.render.IndexEntry;
import io.streamprofiler.render.IndexPage;
import io.streamprofiler.render.KeyHistory;
import io.streamprofiler.sink.ReportDestination;
import io.streamprofiler.source.Accounting;
import io.streamprofiler.source.Progress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.BagState;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupIntoBatches;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.joda.time.Duration;

/**
 * Keeps {@code index.html} at the root of the output (the fleet dashboard) and {@code <key
 * folder>/index.html} (every revision of one key) listing every report written so far. It is fed by
 * the write step's results, so a report is listed only once its file exists; entries are batched
 * for a couple of seconds; the index and the pages of the keys in the batch are rewritten whole,
 * each through a temporary file and a rename, so a reader never sees half a page.
 */
public final class WriteIndex
    extends PTransform<PCollection<KV<ReportDestination, String>>, PDone> {
  private static final Duration BATCH = Duration.standardSeconds(2);
  private final String outputDirectory;

  public WriteIndex(String outputDirectory) {
    this.outputDirectory = outputDirectory;
  }

  @Override
  public PDone expand(PCollection<KV<ReportDestination, String>> written) {
    written
        .apply(
            "IndexEntries",
            ParDo.of(
                new DoFn<KV<ReportDestination, String>, KV<String, IndexEntry>>() {
                  @ProcessElement
                  public void process(
                      @Element KV<ReportDestination, String> file,
                      OutputReceiver<KV<String, IndexEntry>> out) {
                    if (file.getKey().entry() != null) {
                      out.output(KV.of("index", file.getKey().entry()));
                    }
                  }
                }))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), new IndexEntryCoder()))
        .apply("IntoGlobalWindow", Window.<KV<String, IndexEntry>>into(new GlobalWindows()))
        // A few seconds or 500 entries at a time: the index is rewritten per batch, and a batch run
        // must not hand all its entries over as one element (Flink's batch sort refuses elements
        // over its 5 MB buffer; 5,760 entries were too many).
        .apply(
            "BatchEntries",
            GroupIntoBatches.<String, IndexEntry>ofSize(MOST_PER_BATCH)
                .withMaxBufferingDuration(BATCH))
        .apply("RewriteIndex", ParDo.of(new IndexFn(outputDirectory)));
    return PDone.in(written.getPipeline());
  }

  static final int MOST_PER_BATCH = 500;

  /**
   * Reports the index remembers: the state of a stream that runs for months must not grow with it.
   * Older reports stay on disk, no longer listed; the dashboard shows at most 12,000 cells anyway.
   */
  static final int KEPT_ENTRIES = 50_000;

  /**
   * The latest entry of each report (a rewritten report replaces its entry), and of those the
   * {@code limit} of the newest windows.
   */
  static List<IndexEntry> kept(List<IndexEntry> entries, int limit) {
    Map<String, IndexEntry> latest = new LinkedHashMap<>();
    for (IndexEntry e : entries) {
      latest.remove(e.href());
      latest.put(e.href(), e);
    }
    List<IndexEntry> kept = new ArrayList<>(latest.values());
    if (kept.size() > limit) {
      kept.sort(Comparator.comparing(IndexEntry::windowStart).reversed());
      kept = new ArrayList<>(kept.subList(0, limit));
    }
    return kept;
  }

  static final class IndexFn extends DoFn<KV<String, Iterable<IndexEntry>>, Void> {
    @StateId("entries")
    private final StateSpec<BagState<IndexEntry>> entriesSpec =
        StateSpecs.bag(new IndexEntryCoder());

    private final Counter reports =
        Metrics.counter(Accounting.NAMESPACE, Accounting.REPORTS_WRITTEN);
    private final String outputDirectory;

    IndexFn(String outputDirectory) {
      this.outputDirectory = outputDirectory;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<IndexEntry>> batch,
        @StateId("entries") BagState<IndexEntry> entries)
        throws IOException {
      List<IndexEntry> all = new ArrayList<>();
      entries.read().forEach(all::add);
      Set<String> listed = new HashSet<>();
      Map<String, String> texts = new HashMap<>();
      all.forEach(
          e -> {
            listed.add(e.href());
            e.sharing(texts); // the kept entries' texts, for new entries to share
          });
      Set<String> touched = new HashSet<>();
      for (IndexEntry received : batch.getValue()) {
        IndexEntry e = received.sharing(texts);
        if (listed.add(e.href())) {
          // a report is counted when first listed; a rewrite (a revision of its drift) is not new
          reports.inc();
          Progress.REPORTS_WRITTEN.incrementAndGet();
        }
        entries.add(e);
        all.add(e);
        touched.add(IndexPage.row(e));
      }
      List<IndexEntry> kept = kept(all, KEPT_ENTRIES);
      if (kept.size() != all.size()) {
        entries.clear();
        kept.forEach(entries::add);
        all = kept;
      }
      Map<String, Map<String, Map<Long, IndexEntry>>> byKey = IndexPage.byKey(all);
      for (String key : touched) {
        Map<String, Map<Long, IndexEntry>> windows = byKey.get(key);
        if (windows == null) {
          continue; // no longer kept
        }
        List<IndexEntry> own = new ArrayList<>();
        windows.values().forEach(panes -> own.addAll(panes.values()));
        // a roll-up shares its key's folder: the key's page is its windows'
        String folder = own.get(0).ofOneWindow() ? KeyHistory.folder(own) : null;
        if (folder != null) {
          write(folder + "/index.html", KeyHistory.page(key, folder, windows));
        }
      }
      write("index.html", IndexPage.render(all));
    }

    private void write(String path, String html) throws IOException {
      AtomicFiles.write(outputDirectory, path, Html.asciiBytes(html));
    }
  }
}
