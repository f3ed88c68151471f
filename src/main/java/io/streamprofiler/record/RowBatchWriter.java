package io.streamprofiler.record;

import static io.streamprofiler.record.RowBatchCoder.COLUMNS_FROM;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one batch in {@link RowBatchCoder}'s form. Each loop over the rows gathers one kind of
 * value into an array that goes to the block in one call: under C1 a call per value costs more than
 * the value's bytes.
 */
final class RowBatchWriter {
  private final Row[] rows;
  private final Blob.Writer out;

  /** Each text written so far and its number in the batch's table. */
  private final Map<String, Integer> textNumbers = new HashMap<>();

  private final List<String> fresh = new ArrayList<>();

  /** The key all rows share, else null. */
  private String key;

  // Scratch with one cell per row, reused by every column.
  private final byte[] kinds;
  private final double[] values;
  private final String[] texts;
  private final long[] longs;
  private final byte[] bits;

  private RowBatchWriter(RowBatch batch, Blob.Writer out) {
    this.rows = batch.rows().toArray(new Row[0]);
    this.out = out;
    int n = rows.length;
    kinds = new byte[n];
    values = new double[n];
    texts = new String[n];
    longs = new long[n];
    bits = new byte[(n + 7) / 8];
  }

  static void write(RowBatch batch, Blob.Writer out) {
    if (batch.size() < COLUMNS_FROM) {
      out.writeVarLong(batch.size());
      out.writeByte(ROW_BY_ROW);
      Map<String, Integer> texts = new HashMap<>();
      for (Row row : batch.rows()) {
        RowCoder.write(row, out, texts);
      }
    } else {
      new RowBatchWriter(batch, out).write();
    }
  }

  private void write() {
    int n = rows.length;
    String first = rows[0].key();
    int width = rows[0].size();
    int maxWidth = width;
    boolean oneKey = true;
    boolean oneWidth = true;
    boolean someLate = false;
    for (Row row : rows) {
      String k = row.key();
      oneKey = oneKey && (k == first || k.equals(first));
      oneWidth = oneWidth && row.size() == width;
      maxWidth = Math.max(maxWidth, row.size());
      someLate = someLate || row.late();
    }
    out.writeVarLong(n);
    out.writeByte((oneKey ? ONE_KEY : 0) | (oneWidth ? ONE_WIDTH : 0) | (someLate ? SOME_LATE : 0));
    if (oneKey) {
      // First in the table, so a key column's cells refer to it in one byte each.
      key = first;
      textNumbers.put(key, 0);
      out.writeString(key);
    } else {
      for (int r = 0; r < n; r++) {
        texts[r] = rows[r].key();
      }
      writeTexts(n);
    }
    if (oneWidth) {
      out.writeVarLong(width);
    } else {
      for (int r = 0; r < n; r++) {
        longs[r] = rows[r].size();
      }
      out.writeVarLongs(longs, 0, n);
    }
    // Line numbers climb in small steps within a batch: zigzag deltas take a byte or two each.
    long previous = 0;
    for (int r = 0; r < n; r++) {
      long delta = rows[r].line() - previous;
      longs[r] = (delta << 1) ^ (delta >> 63);
      previous = rows[r].line();
    }
    out.writeVarLongs(longs, 0, n);
    for (int r = 0; r < n; r++) {
      longs[r] = rows[r].eventTimeMicros();
    }
    out.writeLongs(longs, 0, n);
    if (someLate) {
      for (int r = 0; r < n; r++) {
        kinds[r] = (byte) (rows[r].late() ? 1 : 0);
      }
      writeBits(n, 1);
    }
    for (int c = 0; c < maxWidth; c++) {
      writeColumn(c);
    }
  }

  /** Column {@code c} of the rows that have it: kinds, then numbers in bulk, then texts. */
  private void writeColumn(int c) {
    int m = 0;
    int numberCount = 0;
    int textCount = 0;
    for (Row row : rows) {
      if (c >= row.size()) {
        continue;
      }
      String text = row.text(c);
      double v = row.number(c);
      if (text != null) {
        kinds[m++] = TEXT;
        // A key column's cell is the row's key itself (the parser takes both from one field): one
        // instance for the whole batch spares writeTexts a comparison per row.
        texts[textCount++] = key != null && text == row.key() ? key : text;
      } else if (v != v) {
        kinds[m++] = MISSING; // any NaN: Row.equals does not tell NaNs apart, so neither do we
      } else {
        kinds[m++] = NUMBER;
        values[numberCount++] = v;
      }
    }
    int missing = m - numberCount - textCount;
    out.writeByte(
        (missing > 0 ? SOME_MISSING : 0)
            | (numberCount > 0 ? SOME_NUMBERS : 0)
            | (textCount > 0 ? SOME_TEXTS : 0));
    if (missing > 0 && missing < m) {
      writeBits(m, NUMBER);
    }
    if (numberCount > 0 && textCount > 0) {
      writeBits(m, TEXT);
    }
    out.writeDoubles(values, 0, numberCount);
    if (textCount > 0) {
      writeTexts(textCount);
    }
  }

  /**
   * A bitmap of the first {@code m} kinds: bit {@code i} set when {@code kinds[i] >= least} (kinds
   * and {@code least} being 0, 1 or 2, that is {@code (kinds[i] + 2 - least) >> 1}, no branch).
   */
  private void writeBits(int m, int least) {
    byte[] k = kinds;
    byte[] b = bits;
    int add = 2 - least;
    int packed = 0;
    for (int i = 0; i < m; i++) {
      packed |= ((k[i] + add) >> 1) << (i & 7);
      if ((i & 7) == 7) {
        b[i >> 3] = (byte) packed;
        packed = 0;
      }
    }
    if ((m & 7) != 0) {
      b[m >> 3] = (byte) packed;
    }
    out.writeBytes(b, 0, (m + 7) / 8);
  }

  /**
   * The first {@code count} of {@link #texts}: those the batch had not met yet (count, then each),
   * then the table number of each.
   */
  private void writeTexts(int count) {
    fresh.clear();
    String last = null;
    int lastNumber = -1;
    for (int i = 0; i < count; i++) {
      String s = texts[i];
      // A column mostly repeats its previous text (a key, a flag): skip the map then.
      if (s != last && !s.equals(last)) {
        Integer number = textNumbers.get(s);
        if (number == null) {
          number = textNumbers.size();
          textNumbers.put(s, number);
          fresh.add(s);
        }
        last = s;
        lastNumber = number;
      }
      longs[i] = lastNumber;
    }
    out.writeVarLong(fresh.size());
    for (String s : fresh) {
      out.writeString(s);
    }
    out.writeVarLongs(longs, 0, count);
  }
}
