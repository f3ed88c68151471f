package io.streamprofiler.sink;

import io.streamprofiler.render.IndexEntry;
import java.io.Serializable;

/**
 * One file to write under the output directory: its relative path, its bytes, and — for the HTML
 * page of a report — the line the index lists it under (null otherwise) and when its pane fired
 * (epoch ms; 0 otherwise), from which the report latency is measured once the file is written.
 */
public record ReportFile(String path, byte[] content, IndexEntry entry, long firedAtMillis)
    implements Serializable {
  /** A file that is not a report's HTML page. */
  public ReportFile(String path, byte[] content, IndexEntry entry) {
    this(path, content, entry, 0L);
  }

  /** Where the file goes, and what the index says of it once it is there. */
  public ReportDestination destination() {
    return new ReportDestination(path, entry);
  }
}
