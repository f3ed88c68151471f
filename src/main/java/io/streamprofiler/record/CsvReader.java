package io.streamprofiler.record;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Cuts a UTF-8 byte stream into CSV records (RFC 4180): a newline inside a quoted field belongs to
 * the record; CRLF and LF both end one; a byte-order mark at the start is dropped; malformed bytes
 * become U+FFFD instead of failing the file. The record text is returned unsplit, so a line that
 * later fails to parse can be shown exactly as it was read.
 *
 * <p>Records are found at the byte level (quote and newline are single bytes in UTF-8), so the
 * reader knows the byte offset after each record: a replay can checkpoint it and seek back to it.
 * Records longer than {@code maxRecordBytes} are read to their end but returned cut short with
 * {@link Record#tooLong()} set, so one hostile line cannot exhaust memory.
 */
public final class CsvReader implements AutoCloseable {
  /** One record: the line it starts on (1-based), its text, whether it was cut short. */
  public record Record(long line, String text, boolean tooLong) {}

  private final InputStream in;
  private final int maxRecordBytes;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private long nextLine;
  private long offset;
  private boolean atStart;

  private CsvReader(InputStream in, int maxRecordBytes, long offset, long nextLine) {
    this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
    this.maxRecordBytes = maxRecordBytes;
    this.offset = offset;
    this.nextLine = nextLine;
    this.atStart = offset == 0;
  }

  /** Reads from the start of a stream. */
  public static CsvReader utf8(InputStream in, int maxRecordBytes) {
    return new CsvReader(in, maxRecordBytes, 0, 1);
  }

  /** Reads from a stream already positioned at {@code offset}, where line {@code nextLine} begins. */
  public static CsvReader resume(InputStream in, int maxRecordBytes, long offset, long nextLine) {
    return new CsvReader(in, maxRecordBytes, offset, nextLine);
  }

  /** Bytes consumed so far: where the next record starts. */
  public long offset() {
    return offset;
  }

  /** The line number the next record starts on. */
  public long nextLine() {
    return nextLine;
  }

  // A record cut by the end of the input so far, kept for nextComplete() when the file grows.
  private boolean partial;
  private boolean quoted;
  private boolean tooLong;
  private long startLine;
  private long committedOffset;
  private long committedLine = -1;

  /** The next record, or null at the end of input. Empty lines are returned as empty records. */
  public Record next() throws IOException {
    Record r = read();
    if (r == null && partial) {
      partial = false;
      return finish(); // the last line of a file need not end with a newline
    }
    return r;
  }

  /**
   * The next record that ends with a newline, or null when the input has none yet: for a file that
   * is still being written, a line cut by the end of the data so far is kept and completed later.
   */
  public Record nextComplete() throws IOException {
    return read();
  }

  /** Byte offset and line number just after the last record returned: a safe point to resume from. */
  public long committedOffset() {
    return committedLine < 0 ? offset : committedOffset;
  }

  public long committedLine() {
    return committedLine < 0 ? nextLine : committedLine;
  }

  private Record read() throws IOException {
    if (!partial) {
      buffer.reset();
      startLine = nextLine;
      quoted = false;
      tooLong = false;
    }
    if (atStart) {
      atStart = false;
      skipByteOrderMark();
    }
    int c;
    while ((c = in.read()) >= 0) {
      offset++;
      partial = true;
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n') {
        nextLine++;
        if (!quoted) {
          partial = false;
          return finish();
        }
      }
      if (buffer.size() < maxRecordBytes) {
        buffer.write(c);
      } else {
        tooLong = true;
      }
    }
    return null;
  }

  /** Drops a UTF-8 byte-order mark (EF BB BF) at the very start of the stream. */
  private void skipByteOrderMark() throws IOException {
    in.mark(3);
    if (in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF) {
      offset += 3;
    } else {
      in.reset();
    }
  }

  private Record finish() throws IOException {
    committedOffset = offset;
    committedLine = nextLine;
    byte[] bytes = buffer.toByteArray();
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    return new Record(startLine, decode(bytes, length), tooLong);
  }

  private String decode(byte[] bytes, int length) throws CharacterCodingException {
    boolean ascii = true;
    for (int i = 0; i < length && ascii; i++) {
      ascii = bytes[i] >= 0;
    }
    if (ascii) {
      return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
    CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(bytes, 0, length));
    return chars.toString();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
