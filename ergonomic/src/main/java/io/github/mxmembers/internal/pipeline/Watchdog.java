package io.github.mxmembers.internal.pipeline;

import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.transport.AttemptTimer;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.hc.core5.concurrent.Cancellable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's one timer thread. It aborts attempts that reach their call's deadline: a response
 * timeout bounds each read, not the whole response, and a connect can take up to the connect
 * timeout, so a server that trickles bytes or a route that hangs would otherwise hold a call past
 * its deadline. On the async clients it also ends the waits before retries and the waits bounded by
 * a deadline ({@link #runAfter}), so that they hold no thread.
 *
 * <p>Built for the hot path: arming an attempt is one queue insert and disarming it one write, with
 * no thread woken. One daemon thread per client checks the armed attempts every {@link #TICK} while
 * there are any, so an attempt is aborted at most a tick after its deadline; after {@link #LINGER}
 * with nothing armed it sleeps until the next attempt. (A timer task per attempt, as a
 * ScheduledExecutorService would have it, wakes the timer thread twice per call: about a tenth of
 * the SDK's throughput on a loopback benchmark.) {@link #close()} ends the thread.
 */
@InternalApi
public final class Watchdog implements AutoCloseable {
  /** How often armed attempts are checked: the most an abort can come after its deadline. */
  static final Duration TICK = Duration.ofMillis(10);
  /** How long the thread keeps ticking with nothing armed before it sleeps. */
  static final Duration LINGER = Duration.ofSeconds(1);

  private final ConcurrentLinkedQueue<Armed> armed = new ConcurrentLinkedQueue<>();
  /** Tasks for {@link #close()} alone ({@link #onClose}); one is run by whoever removes it. */
  private final Set<Armed> closeTasks = ConcurrentHashMap.newKeySet();
  private final Thread thread;
  /** Set by the thread before it sleeps; the next {@link #abortAfter} wakes it. */
  private volatile boolean sleeping;
  /** Set by {@link #abortAfter}, cleared by the thread on each tick: keeps it ticking. */
  private volatile boolean recentlyArmed;
  private volatile boolean closed;

  public Watchdog() {
    thread = new Thread(this::run, "mx-members-timer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Cancels the attempt once {@code after} has passed, unless disarmed first. */
  AttemptTimer.Disarm abortAfter(Cancellable attempt, Duration after) {
    return runAfter(attempt::cancel, after);
  }

  /**
   * Runs {@code task} on this thread once {@code after} has passed (within a {@link #TICK}), unless
   * disarmed first. The task must be quick: it delays every other one.
   */
  AttemptTimer.Disarm runAfter(Runnable task, Duration after) {
    if (closed) {
      // nothing may wait on a closed client: the task runs now, and ends what it guards
      Armed now = new Armed(task, System.nanoTime());
      now.run();
      return now;
    }
    Armed entry = new Armed(task, System.nanoTime() + after.toNanos());
    armed.add(entry);
    if (!recentlyArmed) {
      recentlyArmed = true;
    }
    if (sleeping) {
      sleeping = false;
      LockSupport.unpark(thread);
    }
    return entry;
  }

  /**
   * Runs {@code task} when the client closes, unless disarmed first: for a wait that something
   * else ends (a caller's {@code Scheduler}), so that close ends it as it ends those armed here.
   */
  AttemptTimer.Disarm onClose(Runnable task) {
    Armed entry = new Armed(task, 0);
    closeTasks.add(entry);
    if (closed && closeTasks.remove(entry)) {
      // close() has drained the set already
      entry.run();
    }
    return () -> closeTasks.remove(entry);
  }

  private void run() {
    long idleTicks = 0;
    long lingerTicks = LINGER.toNanos() / TICK.toNanos();
    while (!closed) {
      boolean any = sweep(System.nanoTime());
      if (any || recentlyArmed) {
        recentlyArmed = false;
        idleTicks = 0;
      } else if (++idleTicks >= lingerTicks) {
        sleeping = true;
        // an attempt armed after the sweep either is seen here or finds sleeping set and wakes us
        if (armed.isEmpty() && !closed) {
          LockSupport.park(this);
        }
        sleeping = false;
        idleTicks = 0;
        continue;
      }
      LockSupport.parkNanos(this, TICK.toNanos());
    }
  }

  /** Drops disarmed attempts and aborts those past their deadline; true if any is still armed. */
  private boolean sweep(long now) {
    boolean any = false;
    for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
      Armed entry = it.next();
      if (entry.disarmed) {
        it.remove();
      } else if (now - entry.deadline >= 0) {
        it.remove();
        entry.run();
      } else {
        any = true;
      }
    }
    return any;
  }

  /** Whether {@link #close()} was called: the client sends nothing more. */
  boolean isClosed() {
    return closed;
  }

  /**
   * Ends the thread, then runs every task still armed and every {@link #onClose} task: attempts on
   * the wire are aborted and waits end at once, so that no call of a closed client is left waiting.
   */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
    try {
      thread.join(TimeUnit.SECONDS.toMillis(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Armed entry; (entry = armed.poll()) != null; ) {
      if (!entry.disarmed) {
        entry.run();
      }
    }
    for (Armed entry : closeTasks) {
      if (closeTasks.remove(entry)) {
        entry.run();
      }
    }
  }

  /** One armed task; disarming only marks it, and the thread drops it on its next sweep. */
  private static final class Armed implements AttemptTimer.Disarm {
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

    final Runnable task;
    final long deadline;
    volatile boolean disarmed;

    Armed(Runnable task, long deadline) {
      this.task = task;
      this.deadline = deadline;
    }

    /** A failing task is logged and stops no other. */
    void run() {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.warn("a timed task failed: {}", e.getClass().getName(), e);
      }
    }

    @Override
    public void disarm() {
      disarmed = true;
    }
  }
}
