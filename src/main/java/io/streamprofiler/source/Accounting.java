package io.streamprofiler.source;

/**
 * Names of the counters that account for every row: rows_read = rows_profiled + rows_rejected +
 * rows_dropped_late. One place, so the pipeline, the summary and the tests agree on the spelling.
 */
public final class Accounting {
  public static final String NAMESPACE = "stream-profiler";
  public static final String ROWS_READ = "rows_read";
  public static final String ROWS_PROFILED = "rows_profiled";
  public static final String ROWS_REJECTED = "rows_rejected";
  public static final String ROWS_DROPPED_LATE = "rows_dropped_late";
  public static final String REPORTS_WRITTEN = "reports_written";

  /** Key-window panes profiled (one report each). */
  public static final String PANES_PROFILED = "panes_profiled";

  /** Bytes of JSON and HTML rendered. */
  public static final String REPORT_BYTES = "report_bytes";

  /** Distribution of the engine's time per pane, in milliseconds. */
  public static final String PROFILE_MILLIS = "profile_millis";

  /**
   * Distribution of the report latency in milliseconds: from a pane's firing to its report written
   * (see {@link ReportLatency}, which also names its bucket counters).
   */
  public static final String REPORT_LATENCY_MS = "report_latency_ms";

  private Accounting() {}
}
