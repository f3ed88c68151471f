package io.streamprofiler.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streamprofiler.source.Accounting;
import io.streamprofiler.source.HeaderChange;
import io.streamprofiler.source.ReportLatency;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.DistributionResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * The counts of a finished run, read from the pipeline's metrics, and their identity check; beside
 * them the input's header changes, found when the pipeline was built.
 */
record RunSummary(Map<String, Long> counts, List<HeaderChange> headerChanges) {
  private static final String[] NAMES = {
    Accounting.ROWS_READ,
    Accounting.ROWS_PROFILED,
    Accounting.ROWS_REJECTED,
    Accounting.ROWS_DROPPED_LATE,
    Accounting.REPORTS_WRITTEN,
    Accounting.PANES_PROFILED,
    Accounting.REPORT_BYTES
  };
  private static final String PROFILE_MILLIS_MEAN = "profile_millis_mean";
  private static final String PROFILE_MILLIS_MAX = "profile_millis_max";
  private static final String LATENCY_REPORTS = "report_latency_reports";
  private static final String LATENCY_MEAN = "report_latency_millis_mean";
  private static final String LATENCY_P50 = "report_latency_millis_p50";
  private static final String LATENCY_P99 = "report_latency_millis_p99";
  private static final String LATENCY_MAX = "report_latency_millis_max";

  RunSummary(Map<String, Long> counts) {
    this(counts, List.of());
  }

  static RunSummary of(PipelineResult result, List<HeaderChange> headerChanges) {
    MetricQueryResults metrics =
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.inNamespace(Accounting.NAMESPACE))
                    .build());
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String name : NAMES) {
      counts.put(name, 0L);
    }
    long[] latency = new long[ReportLatency.buckets()];
    for (MetricResult<Long> counter : metrics.getCounters()) {
      String name = counter.getName().getName();
      if (counts.containsKey(name)) {
        counts.merge(name, value(counter), Long::sum);
      }
      int bucket = ReportLatency.bucketOf(name);
      if (bucket >= 0) {
        latency[bucket] += value(counter);
      }
    }
    for (MetricResult<DistributionResult> d : metrics.getDistributions()) {
      if (d.getName().getName().equals(Accounting.PROFILE_MILLIS)) {
        DistributionResult r = d.getAttempted();
        counts.put(
            PROFILE_MILLIS_MEAN,
            r.getCount() == 0 ? 0 : Math.round((double) r.getSum() / r.getCount()));
        counts.put(PROFILE_MILLIS_MAX, r.getCount() == 0 ? 0 : r.getMax());
      }
      if (d.getName().getName().equals(Accounting.REPORT_LATENCY_MS)) {
        DistributionResult r = d.getAttempted();
        counts.put(LATENCY_REPORTS, r.getCount());
        counts.put(
            LATENCY_MEAN, r.getCount() == 0 ? 0 : Math.round((double) r.getSum() / r.getCount()));
        // percentiles: the upper edge of the bucket they fall in; the maximum caps them
        counts.put(LATENCY_P50, Math.min(r.getMax(), ReportLatency.quantile(latency, 0.5)));
        counts.put(LATENCY_P99, Math.min(r.getMax(), ReportLatency.quantile(latency, 0.99)));
        counts.put(LATENCY_MAX, r.getCount() == 0 ? 0 : r.getMax());
      }
    }
    return new RunSummary(counts, headerChanges);
  }

  private static long value(MetricResult<Long> counter) {
    try {
      Long committed = counter.getCommitted();
      return committed != null ? committed : counter.getAttempted();
    } catch (UnsupportedOperationException e) {
      return counter.getAttempted(); // runners such as Flink only report attempted values
    }
  }

  long get(String name) {
    return counts.getOrDefault(name, 0L);
  }

  /**
   * rows_read = rows_profiled + rows_rejected + rows_dropped_late: nothing lost, nothing hidden.
   */
  boolean balanced() {
    return get(Accounting.ROWS_READ)
        == get(Accounting.ROWS_PROFILED)
            + get(Accounting.ROWS_REJECTED)
            + get(Accounting.ROWS_DROPPED_LATE);
  }

  /** What does not add up, in one line: how many rows, and which way. */
  String imbalance() {
    long read = get(Accounting.ROWS_READ);
    long profiled = get(Accounting.ROWS_PROFILED);
    long rejected = get(Accounting.ROWS_REJECTED);
    long late = get(Accounting.ROWS_DROPPED_LATE);
    long difference = read - (profiled + rejected + late);
    String what =
        difference > 0
            ? difference + " rows read are in no report, not rejected and not counted late"
            : -difference + " more rows accounted for than were read";
    return what
        + ": rows_read="
        + read
        + " but rows_profiled="
        + profiled
        + " + rows_rejected="
        + rejected
        + " + rows_dropped_late="
        + late
        + " = "
        + (profiled + rejected + late);
  }

  /** The accounting on one line; the other metrics follow on a second line. */
  String line() {
    StringBuilder b = new StringBuilder("summary:");
    for (String name :
        new String[] {
          Accounting.ROWS_READ,
          Accounting.ROWS_PROFILED,
          Accounting.ROWS_REJECTED,
          Accounting.ROWS_DROPPED_LATE,
          Accounting.REPORTS_WRITTEN
        }) {
      b.append(' ').append(name).append('=').append(get(name));
    }
    b.append("\nmetrics:");
    counts.forEach(
        (k, v) -> {
          if (!b.toString().contains(" " + k + "=")) {
            b.append(' ').append(k).append('=').append(v);
          }
        });
    return b.toString();
  }

  /**
   * {@code "header_changes": [{"file", "against", "adds", "lacks"}, ...]}, with {@code "rejected"}
   * and its reason for a file whose rows were all rejected; empty when every file had the first
   * file's header.
   */
  private void writeHeaderChanges(JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("header_changes");
    for (HeaderChange c : headerChanges) {
      g.writeStartObject();
      g.writeStringField("file", c.file());
      g.writeStringField("against", c.against());
      writeNames(g, "adds", c.adds());
      writeNames(g, "lacks", c.lacks());
      if (c.rejected() != null) {
        g.writeStringField("rejected", c.rejected());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeNames(JsonGenerator g, String field, List<String> names)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (String name : names) {
      g.writeString(name);
    }
    g.writeEndArray();
  }

  void write(String outputDirectory) {
    ResourceId dir = FileSystems.matchNewResource(outputDirectory, true);
    ResourceId file =
        dir.resolve(
            "run-summary.json",
            org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
    // Written to a temporary file, then renamed: a reader never sees half a summary.
    ResourceId temp =
        dir.resolve(
            ".run-summary-" + java.util.UUID.randomUUID() + ".tmp",
            org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(temp, MimeTypes.TEXT));
        JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      for (Map.Entry<String, Long> e : counts.entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeBooleanField("balanced", balanced());
      writeHeaderChanges(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      FileSystems.rename(
          java.util.List.of(temp),
          java.util.List.of(file),
          org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
