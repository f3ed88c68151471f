package io.streamprofiler.source;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counts of the work done in this JVM, for the progress line of a run that executes in process
 * (DirectRunner, Flink {@code [local]}). Beam metrics carry the same counts to every runner's UI;
 * these exist because a runner's metrics are not readable while its {@code run()} still blocks.
 * Updating them is one atomic add.
 */
public final class Progress {
  public static final AtomicLong ROWS_READ = new AtomicLong();
  public static final AtomicLong BYTES_READ = new AtomicLong();
  public static final AtomicLong ROWS_REJECTED = new AtomicLong();
  public static final AtomicLong ROWS_TOO_LATE = new AtomicLong();
  public static final AtomicLong PANES_PROFILED = new AtomicLong();
  public static final AtomicLong REPORTS_WRITTEN = new AtomicLong();

  /** Largest watermark (epoch ms) a replay source reported; Long.MIN_VALUE before the first row. */
  public static final AtomicLong WATERMARK_MILLIS = new AtomicLong(Long.MIN_VALUE);

  private Progress() {}

  /** Back to zero, for the next run in the same JVM (tests). */
  public static void reset() {
    ROWS_READ.set(0);
    BYTES_READ.set(0);
    ROWS_REJECTED.set(0);
    ROWS_TOO_LATE.set(0);
    PANES_PROFILED.set(0);
    REPORTS_WRITTEN.set(0);
    WATERMARK_MILLIS.set(Long.MIN_VALUE);
    ReportLatency.reset();
  }
}
