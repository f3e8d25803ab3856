package io.github.mxmembers.internal.pipeline;

import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.transport.AttemptTimer;
import io.github.mxmembers.retry.Scheduler;
import io.github.mxmembers.retry.Sleeper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How a client waits: for the delay before a retry or between a wait's status reads, and for
 * something another call is doing (a session being opened) no longer than its own deadline. A sync client waits on the calling thread
 * ({@link #blocking}); an async one holds no thread and is woken by a timer ({@link #timed}). With
 * {@link Transport}, the one difference between the two.
 */
@InternalApi
public interface Waiter {
  /**
   * {@return completes once {@code delay} has passed; fails with {@link InterruptedException} when
   * the waiting thread was interrupted, with {@link TimeoutException} when a caller's scheduler has
   * not ended the wait by {@code limit}, and with {@link SchedulerFailed} when it threw, returned no
   * stage or failed it}
   *
   * @param limit the most the wait may take, whatever a caller's scheduler does: the time left
   *     before the call's deadline
   */
  default CompletableFuture<Void> delay(Duration delay, Duration limit) {
    return delay(delay, limit, null);
  }

  /**
   * {@link #delay(Duration, Duration)}, ended early once {@code wake} completes: a wait between two
   * status reads that a webhook wakes.
   *
   * @param wake completing it ends the wait at once; null for none
   */
  CompletableFuture<Void> delay(Duration delay, Duration limit, CompletableFuture<?> wake);

  /**
   * {@return completes as {@code future} does, or fails with {@link TimeoutException} once {@code
   * timeout} has passed; {@code future} itself is left alone, since others may wait for it too}
   */
  <T> CompletableFuture<T> within(CompletableFuture<T> future, Duration timeout);

  /**
   * Waits on the calling thread: every future it returns is complete. A caller's sleeper that throws
   * fails the wait with {@link SchedulerFailed}; one still sleeping at {@code limit} is interrupted
   * by the watchdog, and the wait fails with {@link TimeoutException} (the interrupt it caused is
   * cleared).
   */
  static Waiter blocking(Sleeper sleeper, Watchdog watchdog) {
    return new Waiter() {
      @Override
      public CompletableFuture<Void> delay(Duration delay, Duration limit, CompletableFuture<?> wake) {
        Thread sleeping = Thread.currentThread();
        Object lock = new Object();
        boolean[] state = new boolean[2]; // [0]: the sleep is over; [1]: the watchdog interrupted it
        AttemptTimer.Disarm overrun =
            sleeper == Sleeper.SYSTEM
                ? null // the JDK's sleep takes the time asked, never more
                : watchdog.runAfter(
                    () -> {
                      synchronized (lock) {
                        if (!state[0]) {
                          state[1] = true;
                          sleeping.interrupt();
                        }
                      }
                    },
                    limit);
        try {
          if (wake == null) {
            sleeper.sleep(delay);
          } else {
            sleeper.sleep(delay, wake);
          }
          return over(lock, state, overran -> CompletableFuture.completedFuture(null), overrun);
        } catch (InterruptedException e) {
          return over(lock, state, overran -> {
            if (overran) {
              return CompletableFuture.failedFuture(new TimeoutException());
            }
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
          }, overrun);
        } catch (RuntimeException e) {
          return over(lock, state,
              overran -> CompletableFuture.failedFuture(new SchedulerFailed("the retry.Sleeper threw " + e.getClass().getName(), e)),
              overrun);
        }
      }

      /** Ends the sleep: the watchdog can no longer interrupt it, and an interrupt it made is cleared. */
      private CompletableFuture<Void> over(
          Object lock, boolean[] state, java.util.function.Function<Boolean, CompletableFuture<Void>> then, AttemptTimer.Disarm overrun) {
        if (overrun != null) {
          overrun.disarm();
        }
        boolean overran;
        synchronized (lock) {
          state[0] = true;
          overran = state[1];
        }
        if (overran) {
          Thread.interrupted();
        }
        return then.apply(overran);
      }

      @Override
      public <T> CompletableFuture<T> within(CompletableFuture<T> future, Duration timeout) {
        try {
          return CompletableFuture.completedFuture(future.get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
          return CompletableFuture.failedFuture(Futures.unwrap(e));
        } catch (TimeoutException e) {
          return CompletableFuture.failedFuture(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return CompletableFuture.failedFuture(e);
        }
      }
    };
  }

  /**
   * Holds no thread: retries wait on {@code scheduler} (the watchdog's thread when null), and
   * bounded waits end by the watchdog. The watchdog's close ends every wait, on either.
   */
  static Waiter timed(Scheduler scheduler, Watchdog watchdog) {
    return new Waiter() {
      @Override
      public CompletableFuture<Void> delay(Duration delay, Duration limit, CompletableFuture<?> wake) {
        CompletableFuture<Void> waited = new CompletableFuture<>();
        if (wake != null) {
          if (wake.isDone()) {
            return CompletableFuture.completedFuture(null);
          }
          wake.whenComplete((woken, failure) -> waited.complete(null));
        }
        if (scheduler == null) {
          AttemptTimer.Disarm timer = watchdog.runAfter(() -> waited.complete(null), delay);
          if (wake != null) {
            waited.whenComplete((ignored, failure) -> timer.disarm());
          }
          return waited;
        }
        // the caller's scheduler ends the wait, or the client's close() does, or the call's deadline
        // does when the scheduler never completes: whichever is first
        AttemptTimer.Disarm closing = watchdog.onClose(() -> waited.complete(null));
        AttemptTimer.Disarm deadline =
            watchdog.runAfter(
                () -> {
                  if (watchdog.isClosed()) {
                    waited.complete(null); // close() runs every armed task: the retry then finds the client closed
                  } else {
                    waited.completeExceptionally(new TimeoutException());
                  }
                },
                limit);
        CompletionStage<Void> scheduled;
        try {
          scheduled = scheduler.after(delay);
        } catch (RuntimeException e) {
          scheduled = CompletableFuture.failedFuture(new SchedulerFailed("the retry.Scheduler threw " + e.getClass().getName(), e));
        }
        if (scheduled == null) {
          scheduled = CompletableFuture.failedFuture(new SchedulerFailed("the retry.Scheduler returned no CompletionStage", null));
        }
        scheduled.whenComplete(
            (ignored, failure) -> {
              if (failure == null) {
                waited.complete(null);
              } else {
                Throwable cause = Futures.unwrap(failure);
                waited.completeExceptionally(
                    cause instanceof SchedulerFailed
                        ? cause
                        : new SchedulerFailed("the retry.Scheduler failed its stage with " + cause.getClass().getName(), cause));
              }
            });
        waited.whenComplete(
            (ignored, failure) -> {
              closing.disarm();
              deadline.disarm();
            });
        return waited;
      }

      @Override
      public <T> CompletableFuture<T> within(CompletableFuture<T> future, Duration timeout) {
        if (future.isDone()) {
          return future;
        }
        CompletableFuture<T> bounded = new CompletableFuture<>();
        AttemptTimer.Disarm timer = watchdog.runAfter(() -> bounded.completeExceptionally(new TimeoutException()), timeout);
        future.whenComplete(
            (value, failure) -> {
              timer.disarm();
              if (failure != null) {
                bounded.completeExceptionally(Futures.unwrap(failure));
              } else {
                bounded.complete(value);
              }
            });
        return bounded;
      }
    };
  }

  /**
   * A caller's {@link Scheduler} or {@link Sleeper} broke its contract: the wait it was asked for
   * cannot be trusted to end.
   */
  final class SchedulerFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SchedulerFailed(String what, Throwable cause) {
      super(what, cause);
    }
  }
}
