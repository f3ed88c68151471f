package io.streamprofiler.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Cuts a character stream into CSV records (RFC 4180): a newline inside a quoted field belongs to
 * the record; CRLF and LF both end one; a UTF-8 byte-order mark at the start is dropped. The record
 * text is returned unsplit, so a line that later fails to parse can be shown exactly as it was read.
 *
 * <p>Records longer than {@code maxRecordChars} are not kept whole: they are read to their end and
 * returned truncated with {@link Record#tooLong()} set, so one hostile line cannot exhaust memory.
 */
public final class CsvReader implements AutoCloseable {
  /** One record: the line it starts on (1-based), its text, and whether the text was cut short. */
  public record Record(long line, String text, boolean tooLong) {}

  private final Reader in;
  private final int maxRecordChars;
  private final StringBuilder buffer = new StringBuilder(256);
  private long nextLine = 1;
  private long charsRead;
  private boolean first = true;

  public CsvReader(Reader in, int maxRecordChars) {
    this.in = in instanceof BufferedReader ? in : new BufferedReader(in, 1 << 16);
    this.maxRecordChars = maxRecordChars;
  }

  /** Reads UTF-8; malformed bytes become U+FFFD instead of failing the whole file. */
  public static CsvReader utf8(InputStream in, int maxRecordChars) {
    return new CsvReader(
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)),
        maxRecordChars);
  }

  /** Characters consumed so far (a progress measure, not a byte offset). */
  public long charsRead() {
    return charsRead;
  }

  /** The next record, or null at the end of input. Empty lines are returned as empty records. */
  public Record next() throws IOException {
    buffer.setLength(0);
    long startLine = nextLine;
    boolean quoted = false;
    boolean tooLong = false;
    int c;
    boolean any = false;
    while ((c = in.read()) >= 0) {
      charsRead++;
      any = true;
      if (first) {
        first = false;
        if (c == '\uFEFF') {
          continue;
        }
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n') {
        nextLine++;
        if (!quoted) {
          return finish(startLine, tooLong);
        }
      }
      if (buffer.length() < maxRecordChars) {
        buffer.append((char) c);
      } else {
        tooLong = true;
      }
    }
    return any ? finish(startLine, tooLong) : null;
  }

  private Record finish(long line, boolean tooLong) {
    int end = buffer.length();
    if (end > 0 && buffer.charAt(end - 1) == '\r') {
      buffer.setLength(end - 1);
    }
    return new Record(line, buffer.toString(), tooLong);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
