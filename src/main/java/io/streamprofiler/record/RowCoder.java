package io.streamprofiler.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;

/**
 * A compact, deterministic coder for {@link Row}: each value costs one tag byte plus 8 bytes for a
 * number, or a reference to a text, so rows cross the shuffle without a string round trip. Texts
 * (the key, {@code true}/{@code false}, categories) are written once per block and then referred to
 * by number; {@link RowBatchCoder} shares them across a whole batch.
 */
public final class RowCoder extends AtomicCoder<Row> {
  private static final long serialVersionUID = 1L;
  private static final RowCoder INSTANCE = new RowCoder();
  private static final int MISSING = 0;
  private static final int NUMBER = 1;
  private static final int TEXT = 2;

  public static RowCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Row row, OutputStream out) throws IOException {
    Blob.Writer block = new Blob.Writer(128);
    write(row, block, new HashMap<>());
    block.writeTo(out);
  }

  @Override
  public Row decode(InputStream in) throws IOException {
    return read(Blob.read(in), new ArrayList<>());
  }

  /** Writes a row; {@code texts} numbers the texts already written in this block. */
  static void write(Row row, Blob.Writer out, Map<String, Integer> texts) {
    out.writeVarLong(row.line());
    out.writeByte(row.late() ? 1 : 0);
    out.writeLong(row.eventTimeMicros());
    out.writeText(row.key(), texts);
    out.writeVarLong(row.size());
    for (int i = 0; i < row.size(); i++) {
      if (row.text(i) != null) {
        out.writeByte(TEXT);
        out.writeText(row.text(i), texts);
      } else if (Double.isNaN(row.number(i))) {
        out.writeByte(MISSING);
      } else {
        out.writeByte(NUMBER);
        out.writeDouble(row.number(i));
      }
    }
  }

  /** Reads a row; {@code texts} holds the texts met so far in this block, in order. */
  static Row read(Blob.Reader in, List<String> texts) throws CoderException {
    long line = in.readVarLong();
    boolean late = in.readByte() == 1;
    long micros = in.readLong();
    String key = in.readText(texts);
    int width = in.readCount();
    String[] text = new String[width];
    double[] numbers = new double[width];
    for (int i = 0; i < width; i++) {
      int tag = in.readByte();
      numbers[i] = Double.NaN;
      switch (tag) {
        case MISSING -> {}
        case NUMBER -> numbers[i] = in.readDouble();
        case TEXT -> text[i] = in.readText(texts);
        default -> throw new CoderException("bad value tag " + tag);
      }
    }
    return new Row(line, micros, key, text, numbers, late);
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
