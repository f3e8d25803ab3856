package io.github.mxmembers.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * MX's rate limit as its docs describe it: too many requests in a one-second window get 429, to be
 * retried "once the rate limit window has expired". Fixed windows of one second on the sandbox's
 * clock; {@code Retry-After} is 1, the most any window has left. Thread-safe.
 */
final class RateLimit {
  private final int perSecond;
  private final Clock clock;
  private long window = Long.MIN_VALUE;
  private int used;
  private long refused;

  RateLimit(int perSecond, Clock clock) {
    if (perSecond < 1) {
      throw new IllegalArgumentException("requestsPerSecond must be at least 1: " + perSecond);
    }
    this.perSecond = perSecond;
    this.clock = clock;
  }

  /** Null when the request is within the limit, else the 429 to answer it with. */
  synchronized Reply admit() {
    Instant now = clock.instant();
    long second = now.getEpochSecond();
    if (second != window) {
      window = second;
      used = 0;
    }
    if (used < perSecond) {
      used++;
      return null;
    }
    refused++;
    return Replies.fault(
        429,
        "too many requests per second; retry once the rate limit window has expired",
        Map.of("Retry-After", "1"));
  }

  synchronized long refused() {
    return refused;
  }
}
