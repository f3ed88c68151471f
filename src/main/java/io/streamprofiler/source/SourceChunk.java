package io.streamprofiler.source;

import io.streamprofiler.record.ColumnMapping;
import java.util.List;

/**
 * Consecutive records of one source, read together: sources hand records on in chunks so that the
 * runner's per-element overhead is paid per chunk, not per line. Each line keeps its own number and
 * arrival.
 *
 * @param columns how the fields of the file the lines come from land in the run's columns, when its
 *     header is not the run's own (a chunk holds lines of one file, so it is said once per chunk,
 *     not per line); null for the usual case
 */
public record SourceChunk(List<SourceLine> lines, ColumnMapping columns) {
  /** Most lines a source puts in one chunk. */
  public static final int MAX_LINES = 1000;

  public SourceChunk {
    lines = List.copyOf(lines);
  }

  /** Lines of a source whose records have the run's columns. */
  public SourceChunk(List<SourceLine> lines) {
    this(lines, null);
  }

  public static SourceChunk of(SourceLine line) {
    return new SourceChunk(List.of(line));
  }
}
