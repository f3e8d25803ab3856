package io.github.mxmembers.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The sandbox's own thread that does what is due on the sandbox's clock, whether or not anyone asks:
 * ends aggregations at their time (so that what happens when one ends, its events, happens then) and
 * sends the webhooks due, re-sends included. Each task does what is due and says when it next has
 * something to do. On the system clock the thread sleeps until then; on a {@link ManualClock} it
 * wakes when the clock is moved; on any other clock it looks again at least every second; and a task
 * given something new pokes it. Requests and queries catch up first as well, so that none sees an
 * aggregation past its end still running.
 */
final class SandboxTimer implements AutoCloseable {
  private static final Duration MOST = Duration.ofSeconds(1);

  /** Each does what is due and returns when it next has something to do, or null for nothing. */
  private final List<Supplier<Instant>> tasks;
  private final Clock clock;
  private final Thread thread;
  private final Runnable poke = this::poke;
  private boolean poked;
  private boolean closed;

  SandboxTimer(Clock clock, String name, List<Supplier<Instant>> tasks) {
    this.tasks = List.copyOf(tasks);
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

  /** Something changed: an aggregation was scheduled, a webhook queued, or the clock moved. */
  synchronized void poke() {
    poked = true;
    notifyAll();
  }

  private void run() {
    try {
      while (true) {
        Instant next = null;
        for (Supplier<Instant> task : tasks) {
          Instant due = task.get();
          if (due != null && (next == null || due.isBefore(next))) {
            next = due;
          }
        }
        synchronized (this) {
          if (closed) {
            return;
          }
          if (!poked) {
            wait(millisUntil(clock, next));
          }
          poked = false;
        }
      }
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * How long to wait before looking again when {@code next} is due: until then, and at most a second,
   * on a real clock; until poked (0) on a {@link ManualClock}, which pokes when moved, or when nothing
   * is due.
   */
  private static long millisUntil(Clock clock, Instant next) {
    if (next == null || clock instanceof ManualClock) {
      return 0;
    }
    Duration until = Duration.between(clock.instant(), next);
    return Math.max(1, Math.min(until.toMillis() + 1, MOST.toMillis()));
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
