package io.streamprofiler.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.util.VarInt;

/** A chunk as its size and its lines in {@link SourceLineCoder}'s form. */
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
  }

  @Override
  public SourceChunk decode(InputStream in) throws IOException {
    int n = VarInt.decodeInt(in);
    List<SourceLine> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lines.add(SourceLineCoder.of().decode(in));
    }
    return new SourceChunk(lines);
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
