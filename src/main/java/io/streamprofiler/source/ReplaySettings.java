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
 */
public record ReplaySettings(
    RowParser parser,
    int maxRecordBytes,
    long windowMillis,
    long allowedLatenessMillis,
    long maxOutOfOrdernessMillis,
    double speed,
    boolean follow,
    int chunkLines)
    implements Serializable {

  /** The end of the fixed window, aligned to the epoch, that holds {@code eventMillis}. */
  long windowEnd(long eventMillis) {
    return Math.floorDiv(eventMillis, windowMillis) * windowMillis + windowMillis;
  }
}
