package io.streamprofiler.source;

import io.streamprofiler.record.RowParser;
import java.io.Serializable;

/**
 * How a file is replayed as a stream.
 *
 * @param parser reads each record's event time (the rest is parsed downstream); its schema holds
 *     the run's columns, which each file's header is checked against ({@link FileHeader})
 * @param windowMillis window length, to tell late and too-late records apart at the source
 * @param allowedLatenessMillis how long after its window's end a record still revises a report
 * @param maxOutOfOrdernessMillis the watermark trails the largest event time seen by this much
 * @param speed 0 replays as fast as possible; N paces records at N times their event-time spacing
 * @param follow keep reading a file that grows, instead of ending at its end
 * @param chunkLines most lines handed on together (see {@link SourceChunk})
 * @param pauseAtWindowEnds say "nothing yet" once each time the watermark passes a window's end,
 *     which ends the runner's bundle there. The DirectRunner needs it: it fires the windows that
 *     close within one bundle together and in no fixed order, and a key's windows then reached the
 *     drift step out of order (compared with the wrong predecessor, then again with the right one).
 *     Flink does not: it fires each window's timer alone, in event-time order, and publishes the
 *     source's watermark on a timer of its own (200 ms), while its source thread sleeps 50 ms
 *     whenever a reader has nothing, which was 192 sleeps on the 405k-row benchmark.
 * @param lateSettleMillis how long (wall clock) a line late for a window that has just closed
 *     waits, so the runner fires the window's on-time report before the line revises it: longer
 *     than the runner takes to publish the source's watermark (see {@link #lateSettleFor(Long)})
 */
public record ReplaySettings(
    RowParser parser,
    int maxRecordBytes,
    long windowMillis,
    long allowedLatenessMillis,
    long maxOutOfOrdernessMillis,
    double speed,
    boolean follow,
    int chunkLines,
    boolean pauseAtWindowEnds,
    long lateSettleMillis)
    implements Serializable {

  /** The wait of a late line when the runner publishes watermarks on its own clock. */
  public static final long LATE_SETTLE_MILLIS = 300;

  /**
   * The wait for a runner that publishes the source's watermark every {@code watermarkEveryMillis}
   * (Flink's {@code --autoWatermarkInterval}; null for its default of 200 ms): at least {@link
   * #LATE_SETTLE_MILLIS}, and 100 ms more than that interval.
   */
  public static long lateSettleFor(Long watermarkEveryMillis) {
    return watermarkEveryMillis == null
        ? LATE_SETTLE_MILLIS
        : Math.max(LATE_SETTLE_MILLIS, watermarkEveryMillis + 100);
  }

  /** The end of the fixed window, aligned to the epoch, that holds {@code eventMillis}. */
  long windowEnd(long eventMillis) {
    return Math.floorDiv(eventMillis, windowMillis) * windowMillis + windowMillis;
  }
}
