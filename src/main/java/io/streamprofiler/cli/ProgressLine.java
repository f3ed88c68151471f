package io.streamprofiler.cli;

import io.streamprofiler.source.Progress;
import io.streamprofiler.source.ReportLatency;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;

/**
 * Prints what a run is doing every few seconds on stderr: rows read, share of the input, rows per
 * second, panes profiled, reports written, rejected and late rows, and an ETA for a bounded input;
 * for a stream the watermark and its lag behind the wall clock instead. On a terminal the line is
 * redrawn in place; otherwise (a log file, CI) it is a plain line every {@code plainEverySeconds}.
 */
final class ProgressLine implements AutoCloseable {
  private final PrintStream err;
  private final long totalBytes;
  private final boolean stream;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param totalBytes size of the input, or 0 when unknown (a stream)
   */
  ProgressLine(PrintStream err, long totalBytes, boolean stream, boolean terminal) {
    this.err = err;
    this.totalBytes = totalBytes;
    this.stream = stream;
    this.terminal = terminal;
    Progress.reset();
    this.thread = new Thread(this::loop, "progress");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    long every = terminal ? 1000 : 5000;
    while (running) {
      try {
        Thread.sleep(every);
      } catch (InterruptedException e) {
        return;
      }
      if (running) {
        err.print(terminal ? "\r" + line() + "\u001b[K" : line() + "\n");
        err.flush();
      }
    }
  }

  String line() {
    double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
    long rows = Progress.ROWS_READ.get();
    long bytes = Progress.BYTES_READ.get();
    StringBuilder b = new StringBuilder("progress: ");
    b.append(String.format(Locale.ROOT, "%,d rows", rows));
    if (totalBytes > 0 && !stream) {
      b.append(
          String.format(
              Locale.ROOT, " (%.0f%%)", 100.0 * Math.min(bytes, totalBytes) / totalBytes));
    }
    b.append(
        String.format(
            Locale.ROOT,
            ", %,.0f rows/s, %,d panes, %,d reports, %,d rejected, %,d late",
            rows / seconds,
            Progress.PANES_PROFILED.get(),
            Progress.REPORTS_WRITTEN.get(),
            Progress.ROWS_REJECTED.get(),
            Progress.ROWS_TOO_LATE.get()));
    long[] latency = ReportLatency.inJvm();
    long p50 = ReportLatency.quantile(latency, 0.5);
    if (p50 >= 0) {
      b.append(", report latency p50 ")
          .append(bound(p50))
          .append(", p99 ")
          .append(bound(ReportLatency.quantile(latency, 0.99)));
    }
    long watermark = Progress.WATERMARK_MILLIS.get();
    if (stream && watermark != Long.MIN_VALUE) {
      b.append(", watermark ")
          .append(Instant.ofEpochMilli(watermark))
          .append(
              String.format(
                  Locale.ROOT,
                  " (%,.0f s behind now)",
                  (System.currentTimeMillis() - watermark) / 1000.0));
    } else if (totalBytes > 0 && bytes > 0 && bytes < totalBytes) {
      b.append(String.format(Locale.ROOT, ", ETA %.0f s", seconds * (totalBytes - bytes) / bytes));
    }
    return b.toString();
  }

  /** A bucket's upper edge: {@code ≤ 250 ms}, or {@code > 300 s} for the open last bucket. */
  private static String bound(long millis) {
    return millis == Long.MAX_VALUE
        ? "> 300 s"
        : millis < 1000
            ? "<= " + millis + " ms"
            : String.format(Locale.ROOT, "<= %.1f s", millis / 1000.0);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    if (terminal) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }
}
