package io.streamprofiler.pipeline;

import io.streamprofiler.sink.ReportDestination;
import io.streamprofiler.sink.ReportFile;
import io.streamprofiler.source.Accounting;
import io.streamprofiler.source.ReportLatency;
import java.io.IOException;
import java.io.Serializable;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.values.KV;

/**
 * Writes a report file under the output directory through a temporary file and a rename ({@link
 * AtomicFiles}), so a reader never sees half a report, and measures the report latency of each HTML
 * page. Called by the step that renders the file, as soon as it is rendered: no grouping, and no
 * step between, so neither a runner's shuffle nor its bundle of outputs holds a batch run's reports
 * in memory before they are written.
 */
final class ReportWriter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String outputDirectory;
  private final Distribution latency =
      Metrics.distribution(Accounting.NAMESPACE, Accounting.REPORT_LATENCY_MS);
  private final Counter[] buckets = new Counter[ReportLatency.buckets()];

  ReportWriter(String outputDirectory) {
    this.outputDirectory = outputDirectory;
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = Metrics.counter(Accounting.NAMESPACE, ReportLatency.counterName(i));
    }
  }

  /** Writes {@code file}; returns its destination and full name, for the index. */
  KV<ReportDestination, String> write(ReportFile file) throws IOException {
    String written = AtomicFiles.write(outputDirectory, file.path(), file.content());
    if (file.firedAtMillis() > 0) { // a report's HTML page
      long millis = Math.max(0, System.currentTimeMillis() - file.firedAtMillis());
      latency.update(millis);
      buckets[ReportLatency.bucket(millis)].inc();
      ReportLatency.record(millis);
    }
    return KV.of(file.destination(), written);
  }
}
