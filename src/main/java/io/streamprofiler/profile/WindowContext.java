package io.streamprofiler.profile;

import java.io.Serializable;

/**
 * Where a profile sits in the stream: its key, its event-time window and which firing of that
 * window it is. Times are microseconds since the epoch, UTC; the end is exclusive.
 *
 * @param timing EARLY, ON_TIME or LATE (as Beam names pane timings), UNKNOWN outside a pipeline
 * @param lateRows how many of the profiled rows arrived after the watermark passed the window
 */
public record WindowContext(
    String key,
    long startMicros,
    long endMicros,
    long paneIndex,
    String timing,
    boolean isLast,
    long lateRows)
    implements Serializable {}
