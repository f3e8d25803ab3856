package io.github.mxmembers.retry;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Waits between attempts without holding a thread: the async clients' counterpart of {@link
 * Sleeper}. By default an async client waits on its own timer thread; tests pass one that records
 * the waits and completes at once.
 */
@FunctionalInterface
public interface Scheduler {
  /**
   * Starts a wait and returns at once.
   *
   * @param delay how long
   * @return completes once {@code delay} has passed; the retry is sent from the thread that
   *     completes it, so it must be no thread of yours that blocks
   */
  CompletionStage<Void> after(Duration delay);
}
