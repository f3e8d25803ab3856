package io.github.mxmembers.retry;

import java.time.Duration;

/** Waits between attempts. Tests pass one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps on the calling thread. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /**
   * Sleeps on the calling thread.
   *
   * @param duration how long
   * @throws InterruptedException if the thread is interrupted while sleeping
   */
  void sleep(Duration duration) throws InterruptedException;
}
