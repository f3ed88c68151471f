package io.streamprofiler.profile;

/** The type of a column within one key-window, named as ydata-profiling names it. */
public enum VariableType {
  Numeric,
  TimeSeries,
  Categorical,
  Boolean,
  DateTime,
  Text,
  Unsupported;

  public boolean isNumeric() {
    return this == Numeric || this == TimeSeries;
  }

  public boolean isCategorical() {
    return this == Categorical || this == Boolean;
  }
}
