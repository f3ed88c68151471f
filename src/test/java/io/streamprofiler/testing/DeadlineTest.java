package io.streamprofiler.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;
import org.junit.runners.model.TestTimedOutException;

public class DeadlineTest {
  @Test
  public void aTestPastItsLimitFailsAndTheDumpShowsWhereItWaits() {
    Statement sleeps =
        new Statement() {
          @Override
          public void evaluate() throws Throwable {
            Thread.sleep(10_000);
          }
        };
    Statement limited =
        Deadline.of(200, TimeUnit.MILLISECONDS)
            .apply(sleeps, Description.createTestDescription(DeadlineTest.class, "sleeps"));
    assertThrows(TestTimedOutException.class, limited::evaluate);
  }

  @Test
  public void theDumpNamesEveryThreadAndWhereItWaits() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Thread waiting = new Thread(() -> awaitQuietly(release), "waiting-for-a-broker");
    waiting.start();
    try {
      while (waiting.getState() != Thread.State.WAITING) {
        Thread.sleep(5);
      }
      String dump = Deadline.threadDump();
      assertThat(dump, containsString("\"waiting-for-a-broker\" WAITING"));
      assertThat(dump, containsString("CountDownLatch.await"));
    } finally {
      release.countDown();
      waiting.join();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
