package io.streamprofiler.pipeline;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.sink.ReportFile;
import java.io.Serializable;

/**
 * A profile with its {@code drift} section, and the page comparing it with its baseline when there
 * is one. One element, not two outputs, so that a runner can fuse drift and rendering into one
 * step: a profile crosses no step boundary between them.
 *
 * @param comparisonPage the {@code .previous.html} page, or null (fleet and no baseline)
 */
public record Drifted(Profile profile, ReportFile comparisonPage) implements Serializable {
  /** A profile without a comparison page. */
  public static Drifted alone(Profile profile) {
    return new Drifted(profile, null);
  }
}
