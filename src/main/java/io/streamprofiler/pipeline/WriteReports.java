package io.streamprofiler.pipeline;

import io.streamprofiler.sink.ReportDestination;
import io.streamprofiler.sink.ReportFile;
import io.streamprofiler.source.Accounting;
import io.streamprofiler.source.ReportLatency;
import java.io.IOException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes each report file under the output directory as it comes, through a temporary file and a
 * rename ({@link AtomicFiles}), so a reader never sees half a report. No grouping: a report is
 * complete when rendered, and a runner need not hold every report of a batch run in memory before
 * writing (as a file-writing transform with its shuffle would). Emits each file's destination and
 * full name once it exists, for the index.
 */
public final class WriteReports
    extends PTransform<PCollection<ReportFile>, PCollection<KV<ReportDestination, String>>> {
  private final String outputDirectory;

  public WriteReports(String outputDirectory) {
    this.outputDirectory = outputDirectory;
  }

  @Override
  public PCollection<KV<ReportDestination, String>> expand(PCollection<ReportFile> files) {
    PCollection<KV<ReportDestination, String>> names =
        files
            .apply("WriteEachFile", ParDo.of(new WriteFileFn(outputDirectory)))
            .setCoder(KvCoder.of(new ReportDestinationCoder(), StringUtf8Coder.of()));
    return names;
  }

  static final class WriteFileFn extends DoFn<ReportFile, KV<ReportDestination, String>> {
    private final String outputDirectory;
    private final Distribution latency =
        Metrics.distribution(Accounting.NAMESPACE, Accounting.REPORT_LATENCY_MS);
    private final Counter[] buckets = new Counter[ReportLatency.buckets()];

    {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = Metrics.counter(Accounting.NAMESPACE, ReportLatency.counterName(i));
      }
    }

    WriteFileFn(String outputDirectory) {
      this.outputDirectory = outputDirectory;
    }

    @ProcessElement
    public void process(@Element ReportFile file, OutputReceiver<KV<ReportDestination, String>> out)
        throws IOException {
      String written = AtomicFiles.write(outputDirectory, file.path(), file.content());
      if (file.firedAtMillis() > 0) { // a report's HTML page
        long millis = Math.max(0, System.currentTimeMillis() - file.firedAtMillis());
        latency.update(millis);
        buckets[ReportLatency.bucket(millis)].inc();
        ReportLatency.record(millis);
      }
      out.output(KV.of(file.destination(), written));
    }
  }
}
