package io.streamprofiler.source;

import java.io.Serializable;

/**
 * One record as read from a source, before parsing: where it came from, its line number there and
 * its text. {@code problem} is set when the source already knows the record is unusable (too long,
 * a file whose header lacks the key column), so the parse step rejects it with that reason. A
 * streaming source also says how the record arrived relative to its own watermark ({@code
 * watermarkMicros}, the watermark when it arrived), because only the source knows that
 * deterministically.
 */
public record SourceLine(
    String source, long line, String text, String problem, Arrival arrival, long watermarkMicros)
    implements Serializable {

  /** How a record arrived relative to the watermark of the source that read it. */
  public enum Arrival {
    /** Before the watermark passed the end of its window. */
    ON_TIME,
    /**
     * After the watermark passed its window's end but within the allowed lateness: it revises the
     * report.
     */
    LATE,
    /**
     * After its window's end plus the allowed lateness: counted and written to late/, never
     * profiled.
     */
    TOO_LATE
  }

  /** A record of a bounded read: on time by definition. */
  public static SourceLine of(String source, long line, String text) {
    return new SourceLine(source, line, text, null, Arrival.ON_TIME, Long.MIN_VALUE);
  }

  public static SourceLine rejected(String source, long line, String text, String problem) {
    return new SourceLine(source, line, text, problem, Arrival.ON_TIME, Long.MIN_VALUE);
  }
}
