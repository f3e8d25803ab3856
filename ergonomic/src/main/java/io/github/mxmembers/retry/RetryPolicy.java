package io.github.mxmembers.retry;

import io.github.mxmembers.internal.transport.ResponseTooLargeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * Decides whether a failed attempt is retried and how long to wait first. Immutable.
 *
 * <p>Update member is a PUT: MX applies the same change again and starts no second aggregation while
 * one runs, so it is safe to repeat. It is retried on:
 *
 * <ul>
 *   <li>connection failures, including a connection dropped before the response was read;
 *   <li>408 (request timeout), 429 (MX: "retry once the rate limit window has expired"), 500, 502,
 *       503 (MX: the platform is being updated) and 504.
 * </ul>
 *
 * <p>Nothing else: other 4xx will not change on a retry, and a request that is not idempotent (the
 * Nexus session exchange, whose API token is single-use) is retried only when it was never sent.
 *
 * <p>Waits grow exponentially with full jitter (a random wait between zero and the cap for that
 * attempt), so many clients hitting one outage do not retry in step. A {@code Retry-After} header
 * (seconds or an HTTP date) is honoured, capped at {@link Builder#maxRetryAfter}.
 */
public final class RetryPolicy {
  /**
   * RFC 9110's three date formats, as HttpClient's {@link DateUtils} spells them. Its asctime()
   * formatter carries no zone, so on its own it reads nothing; RFC 9110 says the time is UTC.
   */
  private static final DateTimeFormatter[] HTTP_DATES = {
    DateUtils.FORMATTER_RFC1123, DateUtils.FORMATTER_RFC1036, DateUtils.FORMATTER_ASCTIME.withZone(ZoneOffset.UTC)
  };

  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final DoubleSupplier jitter;

  private RetryPolicy(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.maxRetryAfter = builder.maxRetryAfter;
    this.jitter = builder.jitter;
  }

  /** {@return 4 attempts, waits from 500 ms growing to at most 8 s, Retry-After honoured up to 30 s} */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** {@return one attempt, no retries} */
  public static RetryPolicy none() {
    return NONE;
  }

  /** {@return a builder starting from {@link #defaults()}} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this policy's settings, to make a changed copy} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** {@return attempts in all, including the first} */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Whether a response with this status is worth another attempt.
   *
   * @param idempotent false for a request that must not be repeated once it reached MX: a response
   *     proves it did
   * @param status the HTTP status of the response
   * @return true to send the request again
   */
  public boolean isRetryableStatus(int status, boolean idempotent) {
    if (!idempotent) {
      return false;
    }
    switch (status) {
      case 408: // the server gave up waiting for the request
      case 429: // rate limited: MX says to retry once the window has passed
      case 500: // server errors MX documents; the PUT is idempotent
      case 502:
      case 503: // the platform is being updated
      case 504:
        return true;
      default:
        return false;
    }
  }

  /**
   * Whether a request that failed with this exception may be sent again.
   *
   * @param idempotent true for requests that are safe to repeat once sent (the update PUT)
   * @param failure why no response came back
   * @return true to send the request again
   */
  public boolean isRetryableFailure(IOException failure, boolean idempotent) {
    if (failure instanceof SSLException) {
      return false; // a certificate or protocol mismatch does not heal on its own
    }
    if (failure instanceof ResponseTooLargeException) {
      return false; // the next answer would be as large
    }
    return idempotent || neverSent(failure);
  }

  /** True when the failure happened before any byte of the request could reach MX (HttpClient's HttpHostConnectException is a ConnectException). */
  static boolean neverSent(IOException failure) {
    return failure instanceof ConnectException
        || failure instanceof ConnectTimeoutException
        || failure instanceof UnknownHostException
        || failure instanceof NoRouteToHostException
        || failure instanceof ConnectionRequestTimeoutException; // no pooled connection in time
  }

  /**
   * How long to wait before attempt {@code nextAttempt} (2 for the first retry).
   *
   * @param retryAfter the last response's Retry-After header, or null
   * @param now the current time, to read an HTTP-date Retry-After against
   * @param nextAttempt the attempt that follows the wait, from 2
   * @return the wait: the Retry-After when given (capped), else a jittered exponential backoff
   */
  public Duration delayBefore(int nextAttempt, String retryAfter, Instant now) {
    Duration requested = parseRetryAfter(retryAfter, now);
    if (requested != null) {
      return requested.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : requested;
    }
    long capMillis = initialBackoff.toMillis() << Math.min(nextAttempt - 2, 20);
    capMillis = Math.min(capMillis, maxBackoff.toMillis());
    return Duration.ofMillis((long) (jitter.getAsDouble() * capMillis));
  }

  /**
   * Seconds or an HTTP date in any of RFC 9110's three formats, read with HttpClient's {@link
   * DateUtils}; null when absent or unreadable.
   */
  static Duration parseRetryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    try {
      long seconds = Long.parseLong(trimmed);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      Instant at = DateUtils.parseDate(trimmed, HTTP_DATES);
      if (at == null) {
        return null;
      }
      Duration until = Duration.between(now, at);
      return until.isNegative() ? Duration.ZERO : until;
    }
  }

  /** {@return a description for logs and debugging, which never holds a secret} */
  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", maxRetryAfter="
        + maxRetryAfter
        + '}';
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private Duration maxRetryAfter = Duration.ofSeconds(30);
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    private Builder(RetryPolicy policy) {
      this.maxAttempts = policy.maxAttempts;
      this.initialBackoff = policy.initialBackoff;
      this.maxBackoff = policy.maxBackoff;
      this.maxRetryAfter = policy.maxRetryAfter;
      this.jitter = policy.jitter;
    }

    /**
     * Attempts in all, including the first; 4 by default.
     *
     * @param maxAttempts at least 1; 1 turns retries off
     * @return this builder
     * @throws IllegalArgumentException if under 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The cap on the first retry's wait; each later cap doubles, up to {@link #maxBackoff}. 500 ms by
     * default.
     *
     * @param initialBackoff positive
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = positive(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * The largest cap on a wait, however many attempts came before; 8 s by default.
     *
     * @param maxBackoff positive, and not shorter than the initial backoff
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = positive(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * The longest Retry-After honoured; a longer one is shortened to this. 30 s by default.
     *
     * @param maxRetryAfter positive
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = positive(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /**
     * The source of jitter: each wait is this value times its cap.
     *
     * @param jitter gives values in [0, 1); tests pass a constant
     * @return this builder
     */
    public Builder jitter(DoubleSupplier jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter == null");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws IllegalStateException if the max backoff is shorter than the initial backoff
     */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalStateException("maxBackoff is shorter than initialBackoff");
      }
      return new RetryPolicy(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }
  }
}
