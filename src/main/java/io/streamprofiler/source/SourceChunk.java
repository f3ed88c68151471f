package io.streamprofiler.source;

import java.util.List;

/**
 * Consecutive records of one source, read together: sources hand records on in chunks so that the
 * runner's per-element overhead is paid per chunk, not per line. Each line keeps its own number and
 * arrival.
 */
public record SourceChunk(List<SourceLine> lines) {
  /** Most lines a source puts in one chunk. */
  public static final int MAX_LINES = 1000;

  public SourceChunk {
    lines = List.copyOf(lines);
  }

  public static SourceChunk of(SourceLine line) {
    return new SourceChunk(List.of(line));
  }
}
