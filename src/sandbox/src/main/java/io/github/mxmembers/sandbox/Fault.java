package io.github.mxmembers.sandbox;

import java.time.Duration;
import java.util.Map;

/** Misbehaviour a test asked for, for the next {@code remaining} member updates. */
final class Fault {
  enum Kind {
    /** Answer with {@link #reply} instead. */
    REPLY,
    /** Close the connection without a response. */
    DROP,
    /** Answer normally, after {@link #delay}. */
    DELAY
  }

  final Kind kind;
  final Reply reply;
  final Duration delay;
  int remaining;

  private Fault(Kind kind, int count, Reply reply, Duration delay) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1: " + count);
    }
    this.kind = kind;
    this.remaining = count;
    this.reply = reply;
    this.delay = delay;
  }

  static Fault status(int count, int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be an HTTP status, 100 to 599: " + status);
    }
    return new Fault(Kind.REPLY, count, Replies.fault(status, "sandbox fault", Map.of()), null);
  }

  static Fault rateLimit(int count, int retryAfterSeconds) {
    if (retryAfterSeconds < 0) {
      throw new IllegalArgumentException("retryAfterSeconds must not be negative: " + retryAfterSeconds);
    }
    return new Fault(
        Kind.REPLY,
        count,
        Replies.fault(429, "too many requests", Map.of("Retry-After", String.valueOf(retryAfterSeconds))),
        null);
  }

  static Fault drop(int count) {
    return new Fault(Kind.DROP, count, null, null);
  }

  static Fault delay(int count, Duration delay) {
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("delay must be zero or more");
    }
    return new Fault(Kind.DELAY, count, null, delay);
  }
}
