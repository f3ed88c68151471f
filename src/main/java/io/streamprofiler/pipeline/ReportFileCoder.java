package io.streamprofiler.pipeline;

import io.streamprofiler.sink.ReportDestination;
import io.streamprofiler.sink.ReportFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** A report file as its path and its bytes; deterministic, so Beam can compare encodings. */
final class ReportFileCoder extends AtomicCoder<ReportFile> {
  private static final long serialVersionUID = 1L;
  private static final ReportDestinationCoder DESTINATION = new ReportDestinationCoder();

  @Override
  public void encode(ReportFile file, OutputStream out) throws IOException {
    DESTINATION.encode(file.destination(), out);
    ByteArrayCoder.of().encode(file.content(), out);
    VarLongCoder.of().encode(file.firedAtMillis(), out);
  }

  @Override
  public ReportFile decode(InputStream in) throws IOException {
    ReportDestination d = DESTINATION.decode(in);
    return new ReportFile(
        d.path(), ByteArrayCoder.of().decode(in), d.entry(), VarLongCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
