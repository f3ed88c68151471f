package io.streamprofiler.sink;

import io.streamprofiler.render.IndexEntry;
import java.io.Serializable;

/**
 * One file to write under the output directory: its relative path, its bytes, and — for the HTML
 * page of a report — the line the index lists it under (null otherwise).
 */
public record ReportFile(String path, byte[] content, IndexEntry entry) implements Serializable {
  /** Where the file goes, and what the index says of it once it is there. */
  public ReportDestination destination() {
    return new ReportDestination(path, entry);
  }
}
