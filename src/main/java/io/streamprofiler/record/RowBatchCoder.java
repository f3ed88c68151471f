package io.streamprofiler.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;

/**
 * A batch as one {@link Blob} block, column by column, so that each kind of value goes in and out
 * as whole arrays (the shuffle after parsing is half of the reader's time under C1 otherwise):
 *
 * <ol>
 *   <li>the row count, and flags: one key for all rows, one width for all rows, some rows late;
 *   <li>the key once, or each row's key as texts (below);
 *   <li>the width once, or each row's width;
 *   <li>line numbers as zigzag variable-length deltas from the previous row's (from 0);
 *   <li>event times in microseconds, 8 bytes each, in bulk;
 *   <li>when some rows are late, a bitmap of them;
 *   <li>then each column, over the rows wide enough to have it: a byte saying whether it has
 *       missing cells, numbers, texts; a bitmap of the present cells when some (not all) are
 *       missing; a bitmap of the texts when it has both numbers and texts; its numbers, 8 bytes
 *       each, in bulk; its texts.
 * </ol>
 *
 * <p>A batch of fewer than {@link #COLUMNS_FROM} rows is the row count, the flag {@code ROW_BY_ROW}
 * alone, then each row as {@link RowCoder} writes it, texts numbered across the batch.
 *
 * <p>Texts are numbered once per batch in order of first appearance, the shared key first: a run of
 * texts is the count of those new to the batch and each of them, then each text's number. So a key
 * or a {@code true}/{@code false} column costs a byte per row. Bitmaps hold bit {@code i} of a
 * column's cells at byte {@code i / 8}, bit {@code i % 8}.
 *
 * <p>Bulk values are little-endian (see {@link Blob}). A cell that is neither text nor number is
 * missing whatever NaN it holds, as {@link Row#equals} sees it, and a text cell's number is NaN as
 * rows are made; other numbers keep their bits (-0.0, infinities). Equal batches give equal bytes.
 */
public final class RowBatchCoder extends AtomicCoder<RowBatch> {
  private static final long serialVersionUID = 1L;
  private static final RowBatchCoder INSTANCE = new RowBatchCoder();

  /**
   * Fewer rows than this are written one by one: on one or two rows, headers and a run per column
   * cost more than they save (RowBatchCoderBench: a row alone takes 1.7 times as long in columns,
   * three rows 10% less).
   */
  static final int COLUMNS_FROM = 3;

  // Batch flags.
  static final int ONE_KEY = 1;
  static final int ONE_WIDTH = 2;
  static final int SOME_LATE = 4;
  static final int ROW_BY_ROW = 8;

  // Column flags.
  static final int SOME_MISSING = 1;
  static final int SOME_NUMBERS = 2;
  static final int SOME_TEXTS = 4;

  // Cell kinds, ordered so that "kind >= NUMBER" is the presence bitmap and "kind >= TEXT" the text
  // bitmap.
  static final byte MISSING = 0;
  static final byte NUMBER = 1;
  static final byte TEXT = 2;

  public static RowBatchCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(RowBatch batch, OutputStream out) throws IOException {
    block(batch).writeTo(out);
  }

  @Override
  public RowBatch decode(InputStream in) throws IOException {
    return RowBatchReader.read(Blob.read(in));
  }

  /** The batch as {@link #encode} writes it, in one array (one copy of the block). */
  public static byte[] toBytes(RowBatch batch) {
    return block(batch).toByteArray();
  }

  /** The batch {@link #toBytes} made, read in place. */
  public static RowBatch fromBytes(byte[] encoded) throws CoderException {
    return RowBatchReader.read(Blob.read(encoded));
  }

  private static Blob.Writer block(RowBatch batch) {
    // Room for rows of numbers (8 bytes each, plus time and line), so the block is seldom copied
    // while it grows, and not much more: a larger block costs its zeroing.
    int width = batch.rows().get(0).size();
    Blob.Writer block = new Blob.Writer(64 + batch.size() * (10 + 8 * width));
    RowBatchWriter.write(batch, block);
    return block;
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
