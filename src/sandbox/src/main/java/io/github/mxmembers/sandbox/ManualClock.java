package io.github.mxmembers.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that moves only when a test moves it, for {@link MxSandbox#start(Clock)}: advance it 31
 * minutes and the sandbox's Nexus sessions have expired; a second and its rate-limit window is new;
 * past an aggregation's end and it ends, as the clock moves. In UTC; thread-safe.
 */
public final class ManualClock extends Clock {
  private volatile Instant now;
  /** The sandboxes on this clock: each ends the aggregations due when it moves. */
  private final List<Runnable> onAdvance = new CopyOnWriteArrayList<>();

  /**
   * A clock standing at a time.
   *
   * @param start where it stands until moved
   */
  public ManualClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start == null");
  }

  /**
   * Moves the clock on.
   *
   * @param duration how far; not negative
   * @throws IllegalArgumentException if negative
   */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a clock does not go back: " + duration);
    }
    synchronized (this) {
      now = now.plus(duration);
    }
    onAdvance.forEach(Runnable::run);
  }

  /** Tells {@code listener} each time the clock moves: a sandbox's timer. */
  void onAdvance(Runnable listener) {
    onAdvance.add(listener);
  }

  void removeOnAdvance(Runnable listener) {
    onAdvance.remove(listener);
  }

  /** {@return where the clock stands} */
  @Override
  public Instant instant() {
    return now;
  }

  /** {@return UTC} */
  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** {@return this clock: it has one zone, UTC} */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
