package io.streamprofiler.pipeline;

import io.streamprofiler.render.IndexEntry;
import io.streamprofiler.sink.ReportDestination;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * Deterministic coder for report destinations: FileIO groups files by their encoded destination.
 * The path, then the index entry (none for a JSON file) with Beam's one-byte marker for absent.
 */
final class ReportDestinationCoder extends AtomicCoder<ReportDestination> {
  private static final long serialVersionUID = 1L;
  private static final StringUtf8Coder TEXT = StringUtf8Coder.of();
  private static final Coder<IndexEntry> ENTRY = NullableCoder.of(new IndexEntryCoder());

  @Override
  public void encode(ReportDestination d, OutputStream out) throws IOException {
    TEXT.encode(d.path(), out);
    ENTRY.encode(d.entry(), out);
  }

  @Override
  public ReportDestination decode(InputStream in) throws IOException {
    return new ReportDestination(TEXT.decode(in), ENTRY.decode(in));
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
