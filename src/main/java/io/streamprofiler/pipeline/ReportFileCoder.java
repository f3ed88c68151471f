package io.streamprofiler.pipeline;

import io.streamprofiler.sink.ReportFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/** A report file as its path and its bytes; deterministic, so Beam can compare encodings. */
final class ReportFileCoder extends CustomCoder<ReportFile> {
  private static final long serialVersionUID = 1L;

  @Override
  public void encode(ReportFile file, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(file.path(), out);
    ByteArrayCoder.of().encode(file.content(), out);
  }

  @Override
  public ReportFile decode(InputStream in) throws IOException {
    return new ReportFile(StringUtf8Coder.of().decode(in), ByteArrayCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
