package io.streamprofiler.pipeline;

import io.streamprofiler.profile.Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CoderException;

/**
 * Carries a {@link Profile} between steps by Java serialisation of its tree. It compares profiles
 * by their encoded bytes, which is what Beam's mutation checks need for a value class without
 * {@code equals}.
 */
final class ProfileCoder extends AtomicCoder<Profile> {
  private static final long serialVersionUID = 1L;

  @Override
  public void encode(Profile profile, OutputStream out) throws IOException {
    ByteArrayOutputStream bytes =
        new ByteArrayOutputStream(262_144); // a profile is ~50-200 KB: grow once at most
    try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
      objects.writeObject(profile);
    }
    ByteArrayCoder.of().encode(bytes.toByteArray(), out);
  }

  @Override
  public Profile decode(InputStream in) throws IOException {
    byte[] bytes = ByteArrayCoder.of().decode(in);
    try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return (Profile) objects.readObject();
    } catch (ClassNotFoundException e) {
      throw new CoderException("cannot decode a profile", e);
    }
  }
}
