package io.streamprofiler.profile;

import java.util.Map;

/**
 * Statistics a profile takes from elsewhere than the rows it is given: the state path profiles a
 * downsampled series and puts in what the mergeable state of every row knows (see {@link
 * StateProfiler}). Each method returns its section as it should be; the default keeps it.
 */
interface Overrides {
  Overrides NONE = new Overrides() {};

  default VariableSection.Described variable(int column, VariableSection.Described described) {
    return described;
  }

  default Map<String, Object> correlations(Map<String, Object> correlations) {
    return correlations;
  }

  default Map<String, Object> table(Map<String, Object> table) {
    return table;
  }

  default Map<String, Object> missing(Map<String, Object> missing) {
    return missing;
  }

  default Map<String, Object> sample(Map<String, Object> sample) {
    return sample;
  }

  /** The rows the window had, for the alerts. */
  default long rows(long given) {
    return given;
  }
}
