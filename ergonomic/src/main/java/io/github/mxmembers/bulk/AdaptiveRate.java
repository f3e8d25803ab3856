package io.github.mxmembers.bulk;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Paces a bulk run's sends so that it converges near the rate MX allows instead of hammering it:
 * additive increase, multiplicative decrease, as TCP paces its segments and AWS SDK v2's adaptive
 * retry mode its requests.
 *
 * <ul>
 *   <li>Sends are spaced {@code 1 / rate} apart, never bunched after an idle spell.
 *   <li>Until the first throttle the rate grows by one per success (slow start: it about doubles
 *       every second); after it, by {@link #INCREASE} per second. It grows only while the pacing,
 *       not the concurrency limit, is what holds sends back, and never past the ceiling.
 *   <li>A 429 (MX: too many requests per second) sets the rate to {@link #BETA} times what MX let
 *       through in the last second (the successes measured, or the rate itself when there were none
 *       yet), at most once per {@link #WINDOW}: the other answers of that window came from sends made
 *       before it. Measuring, as AWS's adaptive mode does, lands the rate just under MX's limit at
 *       once, where cutting the rate alone would take several windows to come down from an overshoot.
 *   <li>A 503 (MX: the platform is being updated) does that too, and pauses every send until its
 *       {@code Retry-After} (or a second) has passed.
 * </ul>
 *
 * Thread-safe: successes and throttles are reported from the client's threads.
 */
final class AdaptiveRate {
  /** The share of the rate kept after a throttle: gentle, since each cycle costs the lost share. */
  static final double BETA = 0.95;
  /** Requests per second added each second once past slow start. */
  static final double INCREASE = 5;
  /** MX counts requests per second: one decrease per window of that length. */
  static final Duration WINDOW = Duration.ofSeconds(1);
  /** Never slower than this. */
  static final double MIN_RATE = 1;
  /** Where a run without a ceiling starts: a cautious pace, doubled each second until MX objects. */
  static final double START_RATE = 50;

  private final double ceiling;
  private final LongSupplier nanoTime;
  private double rate;
  private double threshold = Double.POSITIVE_INFINITY;
  private long nextSend;
  private long pausedUntil;
  private long lastDecrease;
  private long lastPaced;
  private long throttles;
  /** Successes counted in the window that began at {@code windowStart}, and in the one before it. */
  private long windowStart;
  private long windowSuccesses;
  private long lastWindowSuccesses;

  /**
   * @param ceiling the most sends per second ever, or {@code Double.POSITIVE_INFINITY}; a run with
   *     a ceiling starts at it, since that is the rate the user asked for
   * @param nanoTime the clock, {@link System#nanoTime} outside tests
   */
  AdaptiveRate(double ceiling, LongSupplier nanoTime) {
    if (!(ceiling >= MIN_RATE)) {
      throw new IllegalArgumentException("the rate ceiling must be at least " + MIN_RATE + " per second");
    }
    this.ceiling = ceiling;
    this.nanoTime = nanoTime;
    this.rate = Double.isInfinite(ceiling) ? START_RATE : ceiling;
    long now = nanoTime.getAsLong();
    this.nextSend = now;
    this.pausedUntil = now;
    this.lastDecrease = now - WINDOW.toNanos();
    this.lastPaced = now - WINDOW.toNanos();
    this.windowStart = now;
  }

  /** Claims the next send slot; returns how long to wait for it, in nanoseconds (0 to send now). */
  synchronized long reserve() {
    long now = nanoTime.getAsLong();
    long at = Math.max(now, Math.max(nextSend, pausedUntil));
    nextSend = at + (long) (1e9 / rate);
    if (at > now) {
      lastPaced = now;
    }
    return at - now;
  }

  /** An attempt succeeded. */
  synchronized void succeeded() {
    long now = nanoTime.getAsLong();
    roll(now);
    windowSuccesses++;
    if (now - lastPaced > WINDOW.toNanos()) {
      return; // the concurrency limit holds sends back, not the rate: a higher rate means nothing
    }
    rate = Math.min(ceiling, rate < threshold ? rate + 1 : rate + INCREASE / rate);
  }

  /**
   * MX throttled an attempt.
   *
   * @param status 429 or 503
   * @param pause how long every send waits on a 503 ({@code Retry-After} or the retry's backoff),
   *     or null
   */
  synchronized void throttled(int status, Duration pause) {
    long now = nanoTime.getAsLong();
    throttles++;
    roll(now);
    if (now - lastDecrease >= WINDOW.toNanos()) {
      double measured = measuredRate(now);
      rate = Math.max(MIN_RATE, (measured > 0 ? Math.min(rate, measured) : rate) * BETA);
      threshold = rate;
      lastDecrease = now;
    }
    if (status == 503) {
      long wait = pause == null ? WINDOW.toNanos() : pause.toNanos();
      pausedUntil = Math.max(pausedUntil, now + wait);
    }
  }

  /**
   * Successes per second over the last window and what has passed of this one: over more than one
   * second, so that a window of ours straddling two of MX's does not read low.
   */
  private double measuredRate(long now) {
    double current = (now - windowStart) / (double) WINDOW.toNanos();
    return (lastWindowSuccesses + windowSuccesses) / (1 + current);
  }

  /** Starts a new one-second window of successes when the last has ended. */
  private void roll(long now) {
    long elapsed = now - windowStart;
    if (elapsed >= WINDOW.toNanos()) {
      lastWindowSuccesses = elapsed >= 2 * WINDOW.toNanos() ? 0 : windowSuccesses;
      windowSuccesses = 0;
      windowStart = now;
    }
  }

  /** {@return the sends allowed per second now} */
  synchronized double rate() {
    return rate;
  }

  /** {@return the throttles reported so far} */
  synchronized long throttles() {
    return throttles;
  }
}
