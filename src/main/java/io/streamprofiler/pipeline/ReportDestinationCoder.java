package io.streamprofiler.pipeline;

import io.streamprofiler.render.IndexEntry;
import io.streamprofiler.sink.ReportDestination;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * Deterministic coder for report destinations: FileIO groups files by their encoded destination.
 */
final class ReportDestinationCoder extends AtomicCoder<ReportDestination> {
  private static final long serialVersionUID = 1L;
  private static final StringUtf8Coder TEXT = StringUtf8Coder.of();
  private static final IndexEntryCoder ENTRY = new IndexEntryCoder();

  @Override
  public void encode(ReportDestination d, OutputStream out) throws IOException {
    TEXT.encode(d.path(), out);
    DataOutputStream data = new DataOutputStream(out);
    IndexEntry e = d.entry();
    data.writeBoolean(e != null);
    data.flush();
    if (e != null) {
      ENTRY.encode(e, out);
    }
  }

  @Override
  public ReportDestination decode(InputStream in) throws IOException {
    String path = TEXT.decode(in);
    DataInputStream data = new DataInputStream(in);
    if (!data.readBoolean()) {
      return new ReportDestination(path, null);
    }
    IndexEntry e = ENTRY.decode(in);
    return new ReportDestination(path, e);
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
