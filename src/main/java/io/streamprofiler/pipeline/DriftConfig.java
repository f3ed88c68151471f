package io.streamprofiler.pipeline;

import io.streamprofiler.compare.DriftThresholds;
import java.io.Serializable;
import java.util.Locale;
import java.util.Set;

/**
 * What each report is compared with: {@code previous} (the same key's previous window, the
 * default), {@code fleet} (every other key in the same window) or {@code none}; and the thresholds
 * that make a DRIFT alert.
 */
public record DriftConfig(String baseline, DriftThresholds thresholds) implements Serializable {
  public static final Set<String> BASELINES = Set.of("previous", "fleet", "none");

  public static DriftConfig none() {
    return new DriftConfig("none", DriftThresholds.defaults());
  }

  /**
   * @throws IllegalArgumentException naming the option that is wrong
   */
  static DriftConfig from(ProfilerOptions o) {
    String baseline =
        o.getDriftBaseline() == null ? "" : o.getDriftBaseline().trim().toLowerCase(Locale.ROOT);
    if (!BASELINES.contains(baseline)) {
      throw new IllegalArgumentException(
          "--driftBaseline=" + o.getDriftBaseline() + ": choose previous, fleet or none");
    }
    for (Double d :
        new Double[] {
          o.getDriftPsiWarn(),
          o.getDriftPsi(),
          o.getDriftMeanShift(),
          o.getDriftStdRatio(),
          o.getDriftCramersV(),
          o.getDriftMoveFactor(),
          o.getDriftMinShift()
        }) {
      if (d == null) {
        throw new IllegalArgumentException("a --drift* threshold is empty");
      }
    }
    return new DriftConfig(
        baseline,
        new DriftThresholds(
            o.getDriftPsiWarn(),
            o.getDriftPsi(),
            o.getDriftMeanShift(),
            o.getDriftStdRatio(),
            o.getDriftCramersV(),
            o.getDriftMoveFactor(),
            o.getDriftMinShift()));
  }
}
