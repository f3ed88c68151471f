package io.streamprofiler.pipeline;

import io.streamprofiler.profile.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.NullableCoder;

/** A drifted profile as its profile and, maybe, its baseline. */
final class DriftedCoder extends AtomicCoder<Drifted> {
  private static final long serialVersionUID = 1L;
  private static final ProfileCoder PROFILE = new ProfileCoder();
  private static final NullableCoder<Profile> REFERENCE = NullableCoder.of(PROFILE);

  @Override
  public void encode(Drifted d, OutputStream out) throws IOException {
    PROFILE.encode(d.profile(), out);
    REFERENCE.encode(d.reference(), out);
  }

  @Override
  public Drifted decode(InputStream in) throws IOException {
    return new Drifted(PROFILE.decode(in), REFERENCE.decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
