package io.streamprofiler.source;

import io.streamprofiler.record.ColumnMapping;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.util.VarInt;

/**
 * A chunk as its size, its lines in {@link SourceLineCoder}'s form, then its column mapping: a 0
 * when it has none (one byte per chunk), else the file's field count plus one and, per run column,
 * its field index plus one (0: the file lacks it).
 */
public final class SourceChunkCoder extends AtomicCoder<SourceChunk> {
  private static final long serialVersionUID = 1L;
  private static final SourceChunkCoder INSTANCE = new SourceChunkCoder();

  public static SourceChunkCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(SourceChunk chunk, OutputStream out) throws IOException {
    VarInt.encode(chunk.lines().size(), out);
    for (SourceLine line : chunk.lines()) {
      SourceLineCoder.of().encode(line, out);
    }
    ColumnMapping columns = chunk.columns();
    if (columns == null) {
      VarInt.encode(0, out);
      return;
    }
    VarInt.encode(columns.fields() + 1, out);
    VarInt.encode(columns.columns(), out);
    for (int c = 0; c < columns.columns(); c++) {
      VarInt.encode(columns.fieldOf(c) + 1, out);
    }
  }

  @Override
  public SourceChunk decode(InputStream in) throws IOException {
    int n = VarInt.decodeInt(in);
    List<SourceLine> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lines.add(SourceLineCoder.of().decode(in));
    }
    int fields = VarInt.decodeInt(in) - 1;
    if (fields < 0) {
      return new SourceChunk(lines);
    }
    int[] fieldOf = new int[VarInt.decodeInt(in)];
    for (int c = 0; c < fieldOf.length; c++) {
      fieldOf[c] = VarInt.decodeInt(in) - 1;
    }
    return new SourceChunk(lines, new ColumnMapping(fields, fieldOf));
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
