package io.streamprofiler.pipeline;

import io.streamprofiler.profile.Profile;
import java.io.Serializable;

/**
 * A profile with its {@code drift} section, and the baseline it was compared with when there is
 * one, so that the rendering step draws the comparison page too. One element, not two outputs: a
 * runner fuses drift and rendering, and no profile crosses a step boundary between them. (Dealing
 * the drifted profiles out over Flink's workers before rendering, so that three devices' reports do
 * not wait for the one worker holding their state, took 1 s off a 405,184-row run but added 8 s to
 * a 4-million-row one: Flink's batch Reshuffle sorts every element, two profiles each.)
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
