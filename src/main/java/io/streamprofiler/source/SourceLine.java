package io.streamprofiler.source;

import java.io.Serializable;

/**
 * One record as read from a source, before parsing: where it came from, its line number there and
 * its text. {@code problem} is set when the source already knows the record is unusable (too long,
 * a file whose header differs), so the parse step rejects it with that reason.
 */
public record SourceLine(String source, long line, String text, String problem) implements Serializable {
  public static SourceLine of(String source, long line, String text) {
    return new SourceLine(source, line, text, null);
  }
}
