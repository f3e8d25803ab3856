package io.github.mxmembers.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The sandbox's own thread that ends aggregations at their time on the sandbox's clock, whether or
 * not anyone reads the member, so that what happens when one ends (its events; MX's webhooks) happens
 * then. On the system clock it sleeps until the next one ends; on a {@link ManualClock} it wakes when
 * the clock is moved; on any other clock it looks again at least every second. Requests and queries
 * catch up first as well, so that none sees an aggregation past its end still running.
 */
final class AggregationTimer implements AutoCloseable {
  private static final Duration MOST = Duration.ofSeconds(1);

  private final SandboxState state;
  private final Clock clock;
  private final Thread thread;
  private final Runnable poke = this::poke;
  private boolean poked;
  private boolean closed;

  AggregationTimer(SandboxState state, Clock clock, String name) {
    this.state = state;
    this.clock = clock;
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    if (clock instanceof ManualClock) {
      ((ManualClock) clock).onAdvance(poke);
    }
  }

  void start() {
    thread.start();
  }

  /** Something changed: an aggregation was scheduled, or the clock moved. */
  synchronized void poke() {
    poked = true;
    notifyAll();
  }

  private void run() {
    try {
      while (true) {
        Instant next = state.catchUp();
        synchronized (this) {
          if (closed) {
            return;
          }
          if (!poked) {
            long millis = 0; // wait until poked
            if (next != null && !(clock instanceof ManualClock)) {
              Duration until = Duration.between(clock.instant(), next);
              millis = Math.max(1, Math.min(until.toMillis() + 1, MOST.toMillis()));
            }
            wait(millis);
          }
          poked = false;
        }
      }
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    if (clock instanceof ManualClock) {
      ((ManualClock) clock).removeOnAdvance(poke);
    }
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
