package io.streamprofiler.pipeline;

import io.streamprofiler.sink.ReportDestination;
import io.streamprofiler.sink.ReportFile;
import io.streamprofiler.source.Accounting;
import io.streamprofiler.source.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;

/**
 * Writes each report file under the output directory with {@link FileIO#writeDynamic()}: one
 * destination per file, one shard, written to a temporary file and renamed, so a reader never sees
 * half a report. Files are moved into the global window first: each is already complete, and a
 * windowed write would re-apply the accumulating trigger of the profiles.
 */
public final class WriteReports
    extends PTransform<PCollection<ReportFile>, PCollection<KV<ReportDestination, String>>> {
  private final String outputDirectory;

  public WriteReports(String outputDirectory) {
    this.outputDirectory = outputDirectory;
  }

  @Override
  public PCollection<KV<ReportDestination, String>> expand(PCollection<ReportFile> files) {
    WriteFilesResult<ReportDestination> written =
        files
            .apply(
                "OneFileAtATime",
                Window.<ReportFile>into(new GlobalWindows())
                    .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(1)))
                    .withAllowedLateness(Duration.ZERO)
                    .discardingFiredPanes())
            .apply(
                "WriteFiles",
                FileIO.<ReportDestination, ReportFile>writeDynamic()
                    .by(ReportFile::destination)
                    .withDestinationCoder(new ReportDestinationCoder())
                    .via(new BytesSink())
                    .to(outputDirectory)
                    .withNaming(
                        destination ->
                            (window, pane, shards, shard, compression) -> destination.path())
                    .withNumShards(1));
    PCollection<KV<ReportDestination, String>> names = written.getPerDestinationOutputFilenames();
    names.apply("CountReports", ParDo.of(new CountReportsFn()));
    return names;
  }

  /**
   * Writes a report's bytes as they are. A destination names one report; should the same report
   * arrive twice in one firing (a revision re-sent with a better baseline), the file holds the last
   * one whole, never the two run together.
   */
  static final class BytesSink implements FileIO.Sink<ReportFile> {
    private transient OutputStream out;
    private transient ReportFile last;

    @Override
    public void open(WritableByteChannel channel) {
      out = Channels.newOutputStream(channel);
      last = null;
    }

    @Override
    public void write(ReportFile file) {
      last = file;
    }

    @Override
    public void flush() throws IOException {
      if (last != null) {
        out.write(last.content());
      }
      out.flush();
    }
  }

  /** A report is its JSON file: count those once written, not when rendered. */
  static final class CountReportsFn extends DoFn<KV<ReportDestination, String>, Void> {
    private final Counter reports =
        Metrics.counter(Accounting.NAMESPACE, Accounting.REPORTS_WRITTEN);

    @ProcessElement
    public void process(@Element KV<ReportDestination, String> written) {
      if (written.getKey().path().endsWith(".json")) {
        reports.inc();
        Progress.REPORTS_WRITTEN.incrementAndGet();
      }
    }
  }
}
