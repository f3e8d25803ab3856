package io.github.mxmembers;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition the code under test cannot signal (a thread that has blocked, say), looking
 * every few milliseconds up to a deadline: the one poll loop of these tests. Where the code can
 * signal, the tests wait on a latch or a listener instead.
 */
public final class Eventually {
  private Eventually() {}

  /**
   * @throws AssertionError naming {@code what} if the condition does not hold within {@code within}
   */
  public static void until(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + within + ": " + what);
      }
      Thread.sleep(2);
    }
  }
}
