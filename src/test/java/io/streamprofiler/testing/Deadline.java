package io.streamprofiler.testing;

import java.util.concurrent.TimeUnit;
import org.junit.rules.Timeout;

/**
 * Time limits for tests that drive real servers and runners. A test past its limit fails, and JUnit
 * adds the stack of the thread that looks stuck, so a hang on CI shows where it hung instead of
 * running until the whole build is killed.
 */
public final class Deadline {
  private Deadline() {}

  /** A per-test limit, far above the test's usual time on a loaded two-core machine. */
  public static Timeout minutes(int minutes) {
    return Timeout.builder()
        .withTimeout(minutes, TimeUnit.MINUTES)
        .withLookingForStuckThread(true)
        .build();
  }
}
