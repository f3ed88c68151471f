package io.streamprofiler.pipeline;

import io.streamprofiler.render.IndexEntry;
import io.streamprofiler.render.IndexPage;
import io.streamprofiler.sink.ReportDestination;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.state.BagState;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.joda.time.Duration;

/**
 * Keeps {@code index.html} at the root of the output listing every report written so far. It is
 * fed by the write step's results, so a report is listed only once its file exists; entries are
 * batched for a couple of seconds and the page is rewritten whole, through a temporary file and a
 * rename, so a reader never sees half an index.
 */
public final class WriteIndex extends PTransform<PCollection<KV<ReportDestination, String>>, PDone> {
  private static final Duration BATCH = Duration.standardSeconds(2);
  private final String outputDirectory;

  public WriteIndex(String outputDirectory) {
    this.outputDirectory = outputDirectory;
  }

  @Override
  public PDone expand(PCollection<KV<ReportDestination, String>> written) {
    written
        .apply("IndexEntries", ParDo.of(new DoFn<KV<ReportDestination, String>, KV<String, IndexEntry>>() {
          @ProcessElement
          public void process(@Element KV<ReportDestination, String> file, OutputReceiver<KV<String, IndexEntry>> out) {
            if (file.getKey().entry() != null) {
              out.output(KV.of("index", file.getKey().entry()));
            }
          }
        }))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(IndexEntry.class)))
        .apply("BatchEntries",
            Window.<KV<String, IndexEntry>>into(new GlobalWindows())
                .triggering(Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(BATCH)))
                .withAllowedLateness(Duration.ZERO)
                .discardingFiredPanes())
        .apply("OneIndex", GroupByKey.create())
        .apply("RewriteIndex", ParDo.of(new IndexFn(outputDirectory)));
    return PDone.in(written.getPipeline());
  }

  static final class IndexFn extends DoFn<KV<String, Iterable<IndexEntry>>, Void> {
    @StateId("entries")
    private final StateSpec<BagState<IndexEntry>> entriesSpec = StateSpecs.bag(SerializableCoder.of(IndexEntry.class));

    private final String outputDirectory;

    IndexFn(String outputDirectory) {
      this.outputDirectory = outputDirectory;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<IndexEntry>> batch, @StateId("entries") BagState<IndexEntry> entries)
        throws IOException {
      batch.getValue().forEach(entries::add);
      List<IndexEntry> all = new ArrayList<>();
      entries.read().forEach(all::add);
      write(IndexPage.render(all));
    }

    private void write(String html) throws IOException {
      ResourceId dir = FileSystems.matchNewResource(outputDirectory, true);
      ResourceId temp = dir.resolve(".index-" + UUID.randomUUID() + ".tmp", ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
      ResourceId index = dir.resolve("index.html", ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
      try (OutputStream out = Channels.newOutputStream(FileSystems.create(temp, MimeTypes.TEXT))) {
        out.write(html.getBytes(StandardCharsets.UTF_8));
      }
      FileSystems.rename(List.of(temp), List.of(index), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }
}
