package io.streamprofiler.record;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a UTF-8 byte stream into CSV records (RFC 4180): a newline inside a quoted field belongs to
 * the record; CRLF and LF both end one; a byte-order mark at the start is dropped; malformed bytes
 * become U+FFFD instead of failing the file. The record text is returned unsplit, so a line that
 * later fails to parse can be shown exactly as it was read.
 *
 * <p>As in RFC 4180 (and pandas and Python's csv module), a quote opens a quoted field only as the
 * first character of a field; a stray quote inside an unquoted field ({@code 12"3}) is an ordinary
 * character, so it cannot swallow the following lines into one record.
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
  // Our own buffer: BufferedInputStream.read() takes a lock per byte.
  private final byte[] chunk = new byte[1 << 16];
  private int chunkPos;
  private int chunkEnd;
  private final int maxRecordBytes;
  // The record being read; not a ByteArrayOutputStream, whose write takes a lock per byte.
  private byte[] record = new byte[256];
  private int recordLength;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private long nextLine;
  private long offset;
  private boolean atStart;

  private CsvReader(InputStream in, int maxRecordBytes, long offset, long nextLine) {
    this.in = in;
    this.maxRecordBytes = maxRecordBytes;
    this.offset = offset;
    this.nextLine = nextLine;
    this.atStart = offset == 0;
  }

  /** Reads from the start of a stream. */
  public static CsvReader utf8(InputStream in, int maxRecordBytes) {
    return new CsvReader(in, maxRecordBytes, 0, 1);
  }

  /**
   * Reads from a stream already positioned at {@code offset}, where line {@code nextLine} begins.
   */
  public static CsvReader resume(InputStream in, int maxRecordBytes, long offset, long nextLine) {
    return new CsvReader(in, maxRecordBytes, offset, nextLine);
  }

  /** Where a record starts: its byte offset and its line number (1-based). */
  public record Boundary(long offset, long line) {}

  /**
   * Record starts about every {@code every} bytes, from a stream positioned at record start {@code
   * from}, found with the same quote-aware rules as {@link #next()}: a newline inside a quoted
   * field is no boundary. One pass over the bytes, nothing decoded or copied, so that a large file
   * can be cut into parts that several readers {@link #resume} at exact record starts. The first
   * boundary is {@code from} itself; the last part runs to the end of the stream.
   */
  public static java.util.List<Boundary> boundaries(InputStream in, Boundary from, long every)
      throws IOException {
    java.util.List<Boundary> cuts = new java.util.ArrayList<>();
    cuts.add(from);
    byte[] buffer = new byte[1 << 16];
    long offset = from.offset();
    long line = from.line();
    long last = offset;
    int s = FIELD_START;
    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
      int i = 0;
      while (i < n) {
        // Eight bytes at once when they hold no quote and no cut can fall among them: only their
        // newlines are counted, and the state after them is that of their last byte.
        if (i + 8 <= n && s != QUOTE_IN_QUOTED) {
          long word = (long) LONGS.get(buffer, i);
          if (zeroBytes(word ^ QUOTES) == 0) {
            int newlines = Long.bitCount(zeroBytes(word ^ NEWLINES));
            if (s == QUOTED) {
              line += newlines;
              i += 8;
              continue;
            }
            if (newlines == 0 || offset + i + 8 - last < every) {
              line += newlines;
              byte end = buffer[i + 7];
              s = end == ',' || end == '\n' ? FIELD_START : UNQUOTED;
              i += 8;
              continue;
            }
          }
        }
        // One byte: next(), inlined and with the commonest state first (C1 would call a method
        // for every byte).
        byte c = buffer[i++];
        if (c == '\n') {
          line++;
          if (s == QUOTED) {
            continue;
          }
          s = FIELD_START;
          long start = offset + i;
          if (start - last >= every) {
            cuts.add(new Boundary(start, line));
            last = start;
          }
        } else if (s == UNQUOTED) {
          if (c == ',') {
            s = FIELD_START;
          }
        } else if (s == QUOTED) {
          if (c == '"') {
            s = QUOTE_IN_QUOTED;
          }
        } else {
          s =
              c == '"'
                  ? QUOTED
                  : c == ',' ? FIELD_START : UNQUOTED; // field start, or after a quote
        }
      }
      offset += n;
    }
    if (cuts.size() > 1 && cuts.get(cuts.size() - 1).offset() >= offset) {
      cuts.remove(cuts.size() - 1); // a cut at the very end would leave an empty part
    }
    return cuts;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long QUOTES = 0x2222222222222222L;
  private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
  private static final long LOW7 = 0x7f7f7f7f7f7f7f7fL;

  /** The top bit of each byte of {@code x} that is zero, and no other bit (exact, no borrows). */
  private static long zeroBytes(long x) {
    return ~(((x & LOW7) + LOW7) | x | LOW7);
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
  // Where the record being read stands: at a field's start, in an unquoted field, in a quoted one,
  // or
  // just after a quote inside a quoted field (a second quote makes it an escaped one).
  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;
  private int state;
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

  /**
   * Byte offset and line number just after the last record returned: a safe point to resume from.
   */
  public long committedOffset() {
    return committedLine < 0 ? offset : committedOffset;
  }

  public long committedLine() {
    return committedLine < 0 ? nextLine : committedLine;
  }

  private Record read() throws IOException {
    if (!partial) {
      recordLength = 0;
      startLine = nextLine;
      state = FIELD_START;
      tooLong = false;
    }
    if (atStart) {
      atStart = false;
      skipByteOrderMark();
    }
    while (chunkPos < chunkEnd || fill()) {
      // Scan the buffered bytes up to the newline that ends the record, then copy them at once.
      byte[] bytes = chunk;
      int from = chunkPos;
      int end = chunkEnd;
      int s = state;
      int i = from;
      boolean complete = false;
      for (; i < end; i++) {
        int c = bytes[i] & 0xFF;
        if (c == '\n') {
          nextLine++;
          if (s != QUOTED) {
            complete = true;
            break;
          }
        } else if (s == UNQUOTED) {
          // next(s, c) for the commonest state, inline: C1 calls a method per byte otherwise
          if (c == ',') {
            s = FIELD_START;
          }
        } else {
          s = next(s, c);
        }
      }
      state = s;
      partial = true;
      append(bytes, from, i - from);
      offset += i - from;
      chunkPos = i;
      if (complete) {
        chunkPos++;
        offset++;
        partial = false;
        return finish();
      }
    }
    return null;
  }

  /** Adds bytes to the record, up to {@code maxRecordBytes}; past it the record is too long. */
  private void append(byte[] bytes, int from, int n) {
    int kept = Math.min(n, maxRecordBytes - recordLength);
    if (kept < n) {
      tooLong = true;
    }
    if (kept <= 0) {
      return;
    }
    if (recordLength + kept > record.length) {
      record = Arrays.copyOf(record, Math.max(record.length * 2, recordLength + kept));
    }
    System.arraycopy(bytes, from, record, recordLength, kept);
    recordLength += kept;
  }

  /** The state after byte {@code c} (not a newline). */
  private static int next(int state, int c) {
    switch (state) {
      case QUOTED:
        return c == '"' ? QUOTE_IN_QUOTED : QUOTED;
      case QUOTE_IN_QUOTED:
        return c == '"' ? QUOTED : c == ',' ? FIELD_START : UNQUOTED;
      case FIELD_START:
        return c == '"' ? QUOTED : c == ',' ? FIELD_START : UNQUOTED;
      default:
        return c == ',' ? FIELD_START : UNQUOTED;
    }
  }

  /** Reads more bytes into the empty chunk; false when there are none (yet: a file may grow). */
  private boolean fill() throws IOException {
    int n = in.read(chunk, 0, chunk.length);
    if (n <= 0) {
      return false;
    }
    chunkPos = 0;
    chunkEnd = n;
    return true;
  }

  /** Drops a UTF-8 byte-order mark (EF BB BF) at the very start of the stream. */
  private void skipByteOrderMark() throws IOException {
    while (chunkEnd - chunkPos < 3) {
      int n = in.read(chunk, chunkEnd, chunk.length - chunkEnd);
      if (n <= 0) {
        break;
      }
      chunkEnd += n;
    }
    if (chunkEnd - chunkPos >= 3
        && (chunk[chunkPos] & 0xFF) == 0xEF
        && (chunk[chunkPos + 1] & 0xFF) == 0xBB
        && (chunk[chunkPos + 2] & 0xFF) == 0xBF) {
      chunkPos += 3;
      offset += 3;
    }
  }

  private Record finish() throws IOException {
    committedOffset = offset;
    committedLine = nextLine;
    byte[] bytes = record;
    int length = recordLength;
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
