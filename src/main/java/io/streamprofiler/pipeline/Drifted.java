package io.streamprofiler.pipeline;

import io.streamprofiler.profile.Profile;
import java.io.Serializable;

/**
 * A profile with its {@code drift} section, and the baseline it was compared with when there is
 * one, so that the rendering step can draw the comparison page too. One element, not two outputs: a
 * runner can fuse drift and rendering, or deal rendering out over its workers (see {@link
 * SpreadOverWorkers}) while the drift state stays with its key.
 *
 * @param reference the previous window's profile (raw, without drift), or null (fleet, and no
 *     baseline yet)
 */
public record Drifted(Profile profile, Profile reference) implements Serializable {
  /** A profile without a comparison page. */
  public static Drifted alone(Profile profile) {
    return new Drifted(profile, null);
  }
}
