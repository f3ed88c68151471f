package io.streamprofiler.record;

import static io.streamprofiler.record.RowBatchCoder.MISSING;
import static io.streamprofiler.record.RowBatchCoder.NUMBER;
import static io.streamprofiler.record.RowBatchCoder.ONE_KEY;
import static io.streamprofiler.record.RowBatchCoder.ONE_WIDTH;
import static io.streamprofiler.record.RowBatchCoder.ROW_BY_ROW;
import static io.streamprofiler.record.RowBatchCoder.SOME_LATE;
import static io.streamprofiler.record.RowBatchCoder.SOME_MISSING;
import static io.streamprofiler.record.RowBatchCoder.SOME_NUMBERS;
import static io.streamprofiler.record.RowBatchCoder.SOME_TEXTS;
import static io.streamprofiler.record.RowBatchCoder.TEXT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.CoderException;

/**
 * Reads one batch written by {@link RowBatchWriter}. The whole block is read column by column
 * before any row is built, so a damaged block fails with a {@link CoderException} before it can
 * make the reader allocate rows × columns cells it never held.
 */
final class RowBatchReader {
  private final Blob.Reader in;
  private final int n;
  private final long[] longs;
  private final byte[] bits;
  private String[] table = new String[16];
  private int tableSize;

  /** One column as read: each cell's kind (or one kind for all), its numbers and its texts. */
  private record Column(int kind, byte[] kinds, double[] numbers, String[] texts) {}

  private RowBatchReader(Blob.Reader in, int n) {
    this.in = in;
    this.n = n;
    longs = new long[n];
    bits = new byte[(n + 7) / 8];
  }

  static RowBatch read(Blob.Reader in) throws CoderException {
    int n = in.readCount();
    if (n == 0) {
      throw new CoderException("a batch without rows");
    }
    return new RowBatchReader(in, n).read();
  }

  private RowBatch read() throws CoderException {
    int flags = in.readByte();
    if (flags == ROW_BY_ROW) {
      Row[] rows = new Row[n];
      List<String> texts = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        rows[r] = RowCoder.read(in, texts);
      }
      if (!in.atEnd()) {
        throw new CoderException("bytes left over after a batch");
      }
      return new RowBatch(Arrays.asList(rows));
    }
    if ((flags & ~(ONE_KEY | ONE_WIDTH | SOME_LATE)) != 0) {
      throw new CoderException("bad batch flags " + flags);
    }
    String key = null;
    String[] keys = null;
    if ((flags & ONE_KEY) != 0) {
      key = in.readString();
      add(key);
    } else {
      keys = readTexts(n);
    }
    int[] widths = new int[n];
    int maxWidth = readWidths(widths, (flags & ONE_WIDTH) != 0);
    long[] lines = new long[n];
    in.readVarLongs(lines, 0, n);
    long previous = 0;
    for (int r = 0; r < n; r++) {
      long zigzag = lines[r];
      previous += (zigzag >>> 1) ^ -(zigzag & 1);
      lines[r] = previous;
    }
    long[] times = new long[n];
    in.readLongs(times, 0, n);
    byte[] late = (flags & SOME_LATE) != 0 ? readBits(n, 1) : null;
    // Rows that reach column c: all of them less those narrower than c + 1.
    int[] narrower = new int[maxWidth + 1];
    for (int w : widths) {
      narrower[w]++;
    }
    Column[] columns = new Column[maxWidth];
    int m = n;
    for (int c = 0; c < maxWidth; c++) {
      m -= narrower[c];
      columns[c] = readColumn(m);
    }
    if (!in.atEnd()) {
      throw new CoderException("bytes left over after a batch");
    }

    double[][] numbers = new double[n][];
    String[][] texts = new String[n][];
    for (int r = 0; r < n; r++) {
      numbers[r] = new double[widths[r]];
      texts[r] = new String[widths[r]];
    }
    for (int c = 0; c < maxWidth; c++) {
      scatter(columns[c], c, widths, numbers, texts);
    }
    Row[] rows = new Row[n];
    for (int r = 0; r < n; r++) {
      rows[r] =
          new Row(
              lines[r],
              times[r],
              keys == null ? key : keys[r],
              texts[r],
              numbers[r],
              late != null && late[r] != 0);
    }
    return new RowBatch(Arrays.asList(rows));
  }

  /** Fills {@code widths}; returns the largest. */
  private int readWidths(int[] widths, boolean one) throws CoderException {
    if (one) {
      int width = in.readCount(); // each column takes a byte at least
      Arrays.fill(widths, width);
      return width;
    }
    in.readVarLongs(longs, 0, n);
    int max = 0;
    for (int r = 0; r < n; r++) {
      if (longs[r] < 0 || longs[r] > in.remaining()) {
        throw new CoderException("row width " + longs[r] + " larger than the rest of the block");
      }
      widths[r] = (int) longs[r];
      max = Math.max(max, widths[r]);
    }
    return max;
  }

  /** A column of {@code m} cells, as {@link RowBatchWriter} wrote it. */
  private Column readColumn(int m) throws CoderException {
    int flags = in.readByte();
    if ((flags & ~(SOME_MISSING | SOME_NUMBERS | SOME_TEXTS)) != 0 || (flags == 0) != (m == 0)) {
      throw new CoderException("bad column flags " + flags + " for " + m + " cells");
    }
    boolean someNumbers = (flags & SOME_NUMBERS) != 0;
    boolean someTexts = (flags & SOME_TEXTS) != 0;
    int kind = someNumbers ? NUMBER : someTexts ? TEXT : MISSING;
    byte[] kinds = null;
    if ((flags & SOME_MISSING) != 0 && kind != MISSING) {
      kinds = readBits(m, kind); // present: the column's kind, numbers sorted from texts below
    }
    if (someNumbers && someTexts) {
      if (kinds == null) {
        kinds = new byte[m];
        Arrays.fill(kinds, NUMBER);
      }
      byte[] isText = readBits(m, 1);
      for (int i = 0; i < m; i++) {
        if (isText[i] != 0) {
          if (kinds[i] == MISSING) {
            throw new CoderException("a missing cell marked as text");
          }
          kinds[i] = TEXT;
        }
      }
    }
    int numberCount = kind == NUMBER ? m : 0;
    int textCount = kind == TEXT ? m : 0;
    if (kinds != null) {
      numberCount = 0;
      textCount = 0;
      for (int i = 0; i < m; i++) {
        numberCount += kinds[i] & NUMBER;
        textCount += kinds[i] >> 1; // TEXT
      }
    }
    double[] numbers = new double[numberCount];
    in.readDoubles(numbers, 0, numberCount);
    String[] texts = textCount > 0 ? readTexts(textCount) : null;
    return new Column(kind, kinds, numbers, texts);
  }

  /** Puts column {@code c} into the rows that have it. */
  private static void scatter(
      Column column, int c, int[] widths, double[][] numbers, String[][] texts) {
    byte[] kinds = column.kinds();
    int kind = column.kind();
    double[] values = column.numbers();
    String[] strings = column.texts();
    int i = 0;
    int k = 0;
    int t = 0;
    for (int r = 0; r < widths.length; r++) {
      if (c >= widths[r]) {
        continue;
      }
      int cell = kinds == null ? kind : kinds[i];
      i++;
      if (cell == NUMBER) {
        numbers[r][c] = values[k++];
      } else {
        numbers[r][c] = Double.NaN;
        if (cell == TEXT) {
          texts[r][c] = strings[t++];
        }
      }
    }
  }

  /** A bitmap of {@code m} bits as one byte per bit: {@code one} where set, else 0. */
  private byte[] readBits(int m, int one) throws CoderException {
    in.readBytes(bits, 0, (m + 7) / 8);
    byte[] b = bits;
    byte[] out = new byte[m];
    for (int i = 0; i < m; i++) {
      out[i] = (byte) (((b[i >> 3] >> (i & 7)) & 1) * one);
    }
    return out;
  }

  /** {@code count} texts written by {@link RowBatchWriter}: the new ones, then table numbers. */
  private String[] readTexts(int count) throws CoderException {
    int fresh = in.readCount();
    for (int f = 0; f < fresh; f++) {
      add(in.readString());
    }
    in.readVarLongs(longs, 0, count);
    String[] out = new String[count];
    for (int i = 0; i < count; i++) {
      long number = longs[i];
      if (number < 0 || number >= tableSize) {
        throw new CoderException("text " + number + " referred to before it was written");
      }
      out[i] = table[(int) number];
    }
    return out;
  }

  private void add(String text) {
    if (tableSize == table.length) {
      table = Arrays.copyOf(table, tableSize * 2);
    }
    table[tableSize++] = text;
  }
}
