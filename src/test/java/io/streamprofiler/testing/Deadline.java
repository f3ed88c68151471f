package io.streamprofiler.testing;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.rules.TestRule;
import org.junit.rules.Timeout;
import org.junit.runners.model.Statement;
import org.junit.runners.model.TestTimedOutException;

/**
 * Time limits for tests that drive real servers and runners. A test past its limit fails with the
 * stack of every thread on standard error, so a hang on CI shows where it hung instead of running
 * until the whole build is killed.
 *
 * <p>JUnit's own stuck-thread lookup is not used: it runs the test in a thread group that is
 * destroyed afterwards, and thread pools that Flink creates in one test and reuses in the next then
 * fail with {@code IllegalThreadStateException}.
 */
public final class Deadline {
  private Deadline() {}

  /** A per-test limit, far above the test's usual time on a loaded two-core machine. */
  public static TestRule minutes(int minutes) {
    return of(minutes, TimeUnit.MINUTES);
  }

  static TestRule of(long amount, TimeUnit unit) {
    Timeout timeout = Timeout.builder().withTimeout(amount, unit).build();
    return (base, description) -> {
      Statement limited = timeout.apply(base, description);
      return new Statement() {
        @Override
        public void evaluate() throws Throwable {
          try {
            limited.evaluate();
          } catch (TestTimedOutException e) {
            System.err.println(description + " timed out; every thread:");
            System.err.println(threadDump());
            throw e;
          }
        }
      };
    };
  }

  static String threadDump() {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
      b.append('"').append(t.getKey().getName()).append("\" ").append(t.getKey().getState());
      b.append('\n');
      for (StackTraceElement frame : t.getValue()) {
        b.append("    at ").append(frame).append('\n');
      }
    }
    return b.toString();
  }
}
