package io.streamprofiler.source;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.util.VarInt;

/** A compact, deterministic coder for {@link SourceLine}. */
public final class SourceLineCoder extends AtomicCoder<SourceLine> {
  private static final long serialVersionUID = 1L;
  private static final SourceLineCoder INSTANCE = new SourceLineCoder();
  private static final NullableCoder<String> NULLABLE = NullableCoder.of(StringUtf8Coder.of());
  private static final SourceLine.Arrival[] ARRIVALS = SourceLine.Arrival.values();

  public static SourceLineCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(SourceLine line, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(line.source(), out);
    VarInt.encode(line.line(), out);
    StringUtf8Coder.of().encode(line.text(), out);
    NULLABLE.encode(line.problem(), out);
    out.write(line.arrival().ordinal());
    new DataOutputStream(out).writeLong(line.watermarkMicros());
  }

  @Override
  public SourceLine decode(InputStream in) throws IOException {
    String source = StringUtf8Coder.of().decode(in);
    long number = VarInt.decodeLong(in);
    String text = StringUtf8Coder.of().decode(in);
    String problem = NULLABLE.decode(in);
    SourceLine.Arrival arrival = ARRIVALS[in.read()];
    long watermark = new DataInputStream(in).readLong();
    return new SourceLine(source, number, text, problem, arrival, watermark);
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
