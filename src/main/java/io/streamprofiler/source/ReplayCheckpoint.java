package io.streamprofiler.source;

import java.io.Serializable;
import org.apache.beam.sdk.io.UnboundedSource;

/**
 * Where a replay stands: the byte offset and line number of the next record to read, and the
 * largest event time seen so far (the watermark is derived from it, so it must survive a restore).
 */
public record ReplayCheckpoint(long offset, long nextLine, long maxEventMicros)
    implements UnboundedSource.CheckpointMark, Serializable {

  @Override
  public void finalizeCheckpoint() {
    // a file needs no acknowledgement
  }
}
