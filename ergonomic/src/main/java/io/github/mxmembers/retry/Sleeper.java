package io.github.mxmembers.retry;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits on the calling thread: a sync client's waits between attempts and between the status reads
 * of a wait for an aggregation. Tests pass one that records the waits instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps on the calling thread; a pause between status reads ends early when the wait is woken. */
  Sleeper SYSTEM =
      new Sleeper() {
        @Override
        public void sleep(Duration duration) throws InterruptedException {
          Thread.sleep(duration.toMillis());
        }

        @Override
        public void sleep(Duration duration, CompletableFuture<?> wake) throws InterruptedException {
          try {
            wake.get(duration.toNanos(), TimeUnit.NANOSECONDS);
          } catch (TimeoutException | ExecutionException slept) {
            // the whole duration passed, or the wake-up failed: either way the pause is over
          }
        }

        @Override
        public String toString() {
          return "Sleeper.SYSTEM";
        }
      };

  /**
   * Sleeps on the calling thread.
   *
   * @param duration how long
   * @throws InterruptedException if the thread is interrupted while sleeping
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Sleeps on the calling thread, for no longer than it takes {@code wake} to complete: a pause
   * between two status reads of a wait, which {@code wakeWaits} (a webhook) cuts short. This default
   * sleeps the whole duration unless {@code wake} has already completed; {@link #SYSTEM} returns as
   * soon as it completes, and a sleeper of your own may do the same by overriding this.
   *
   * @param duration how long at most
   * @param wake completes when the pause should end early
   * @throws InterruptedException if the thread is interrupted while sleeping
   */
  default void sleep(Duration duration, CompletableFuture<?> wake) throws InterruptedException {
    if (!wake.isDone()) {
      sleep(duration);
    }
  }
}
