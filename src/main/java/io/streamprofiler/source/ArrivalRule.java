package io.streamprofiler.source;

import java.io.Serializable;

/**
 * How a streaming source tells on-time, late and too-late records apart, against the watermark as
 * it stood when the record arrived: too late when its window's end plus the allowed lateness is at
 * or behind the watermark, late when only its window's end is. Times are epoch milliseconds.
 */
public record ArrivalRule(
    long windowMillis, long allowedLatenessMillis, long maxOutOfOrdernessMillis)
    implements Serializable {

  /**
   * The end (exclusive) of the fixed window, aligned to the epoch, that holds {@code eventMillis}.
   */
  public long windowEnd(long eventMillis) {
    return Math.floorDiv(eventMillis, windowMillis) * windowMillis + windowMillis;
  }

  public SourceLine.Arrival classify(long eventMillis, long watermarkMillis) {
    long end = windowEnd(eventMillis);
    if (end + allowedLatenessMillis <= watermarkMillis) {
      return SourceLine.Arrival.TOO_LATE;
    }
    return end <= watermarkMillis ? SourceLine.Arrival.LATE : SourceLine.Arrival.ON_TIME;
  }
}
