package io.github.mxmembers.e2e;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Waits for what another process shows (a journal it writes, a terminal it draws) to reach a state,
 * reading it every few milliseconds up to a deadline: the one poll loop of the end-to-end tests.
 * Within this JVM the tests wait on the sandbox's events instead.
 */
final class Eventually {
  private Eventually() {}

  /**
   * @return the last value read, which the predicate accepts
   * @throws AssertionError naming {@code what} and the last value, if none is accepted in time
   */
  static <T> T until(String what, Duration within, Callable<T> read, Predicate<T> done) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    for (T value = read.call(); ; value = read.call()) {
      if (done.test(value)) {
        return value;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + within + ": " + what + " (last: " + value + ")");
      }
      Thread.sleep(2);
    }
  }
}
