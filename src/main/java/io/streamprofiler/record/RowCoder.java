package io.streamprofiler.record;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.VarInt;

/**
 * A compact, deterministic coder for {@link Row}: each value costs one tag byte plus 8 bytes for a
 * number or its UTF-8 bytes for a text, so rows cross the shuffle without a string round trip.
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
    DataOutputStream data = new DataOutputStream(out);
    VarInt.encode(row.line(), out);
    out.write(row.late() ? 1 : 0);
    data.writeLong(row.eventTimeMicros());
    writeString(row.key(), out);
    VarInt.encode(row.size(), out);
    for (int i = 0; i < row.size(); i++) {
      if (row.text(i) != null) {
        out.write(TEXT);
        writeString(row.text(i), out);
      } else if (Double.isNaN(row.number(i))) {
        out.write(MISSING);
      } else {
        out.write(NUMBER);
        data.writeDouble(row.number(i));
      }
    }
    data.flush();
  }

  @Override
  public Row decode(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    long line = VarInt.decodeLong(in);
    boolean late = in.read() == 1;
    long micros = data.readLong();
    String key = readString(in);
    int width = VarInt.decodeInt(in);
    String[] texts = new String[width];
    double[] numbers = new double[width];
    for (int i = 0; i < width; i++) {
      int tag = in.read();
      numbers[i] = Double.NaN;
      switch (tag) {
        case MISSING -> {}
        case NUMBER -> numbers[i] = data.readDouble();
        case TEXT -> texts[i] = readString(in);
        default -> throw new CoderException("bad value tag " + tag);
      }
    }
    return new Row(line, micros, key, texts, numbers, late);
  }

  private static void writeString(String s, OutputStream out) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    VarInt.encode(bytes.length, out);
    out.write(bytes);
  }

  private static String readString(InputStream in) throws IOException {
    int length = VarInt.decodeInt(in);
    byte[] bytes = new DataInputStream(in).readNBytes(length);
    if (bytes.length != length) {
      throw new CoderException("truncated string");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
