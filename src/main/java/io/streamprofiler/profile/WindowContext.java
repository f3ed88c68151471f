package io.streamprofiler.profile;

import java.io.Serializable;

/**
 * Where a profile sits in the stream: its key, its event-time window and which firing of that
 * window it is. Times are microseconds since the epoch, UTC; the end is exclusive.
 *
 * @param timing EARLY, ON_TIME or LATE (as Beam names pane timings), UNKNOWN outside a pipeline
 * @param lateRows how many of the profiled rows arrived after the watermark passed the window
 * @param firedAtMillis wall clock (epoch ms) when the runner fired this pane, 0 when unknown: the
 *     start of the report latency; not part of the report
 */
public record WindowContext(
    String key,
    long startMicros,
    long endMicros,
    long paneIndex,
    String timing,
    boolean isLast,
    long lateRows,
    long firedAtMillis)
    implements Serializable {

  /** A window whose firing time is not known (outside a pipeline, or read back from a report). */
  public WindowContext(
      String key,
      long startMicros,
      long endMicros,
      long paneIndex,
      String timing,
      boolean isLast,
      long lateRows) {
    this(key, startMicros, endMicros, paneIndex, timing, isLast, lateRows, 0L);
  }
}
