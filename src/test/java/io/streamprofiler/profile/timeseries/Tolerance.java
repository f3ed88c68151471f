package io.streamprofiler.profile.timeseries;

import static org.junit.Assert.assertTrue;

/** Comparison helpers that also record the worst error seen, so test output can report it. */
final class Tolerance {

  private Tolerance() {}

  /**
   * Relative error |a - e| / |e|, except that values within {@code absFloor} of zero are compared
   * absolutely: a correlation of 1e-18 is round-off in both implementations, not a number to match.
   */
  static double error(double actual, double expected, double absFloor) {
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      return Double.isNaN(expected) && Double.isNaN(actual) ? 0.0 : Double.POSITIVE_INFINITY;
    }
    double diff = Math.abs(actual - expected);
    return Math.abs(expected) < absFloor ? diff / absFloor : diff / Math.abs(expected);
  }

  static double check(String what, double actual, double expected, double tol, double absFloor) {
    double err = error(actual, expected, absFloor);
    assertTrue(
        what + ": expected " + expected + " but was " + actual + " (error " + err + ")",
        err <= tol);
    return err;
  }
}
