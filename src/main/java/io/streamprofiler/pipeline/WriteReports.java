package io.streamprofiler.pipeline;

import io.streamprofiler.sink.ReportDestination;
import io.streamprofiler.sink.ReportFile;
import java.io.IOException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
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

    WriteFileFn(String outputDirectory) {
      this.outputDirectory = outputDirectory;
    }

    @ProcessElement
    public void process(@Element ReportFile file, OutputReceiver<KV<ReportDestination, String>> out)
        throws IOException {
      String written = AtomicFiles.write(outputDirectory, file.path(), file.content());
      out.output(KV.of(file.destination(), written));
    }
  }
}
