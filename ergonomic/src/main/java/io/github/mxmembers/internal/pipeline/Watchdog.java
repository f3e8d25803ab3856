package io.github.mxmembers.internal.pipeline;

import io.github.mxmembers.generated.transport.AttemptTimer;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Aborts attempts that reach their call's deadline. A response timeout bounds each read, not the
 * whole response, and a connect can take up to the connect timeout: a server that trickles bytes or
 * a route that hangs would otherwise hold a call past its deadline. One daemon thread per client,
 * ended by {@link #close()}.
 */
public final class Watchdog implements AutoCloseable {
  private final ScheduledThreadPoolExecutor timer;

  public Watchdog() {
    timer =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "mx-members-deadline");
              thread.setDaemon(true);
              return thread;
            });
    timer.setRemoveOnCancelPolicy(true);
  }

  /** Cancels the attempt once {@code after} has passed, unless disarmed first. */
  AttemptTimer.Disarm abortAfter(Cancellable attempt, Duration after) {
    ScheduledFuture<?> abort = timer.schedule(attempt::cancel, after.toNanos(), TimeUnit.NANOSECONDS);
    return () -> abort.cancel(false);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
