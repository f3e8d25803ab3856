package io.github.mxmembers.internal.http;

import io.github.mxmembers.MxApi;
import io.github.mxmembers.exception.MxTransportException;
import io.github.mxmembers.generated.transport.HttpTransport;
import io.github.mxmembers.generated.transport.PreparedRequest;
import io.github.mxmembers.generated.transport.RawResponse;
import io.github.mxmembers.retry.RetryPolicy;
import io.github.mxmembers.retry.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one prepared request until it succeeds, fails for good, runs out of attempts or reaches the
 * call's deadline. Every attempt sends the same bytes. Immutable and thread-safe.
 */
public final class Exchange {
  private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);

  private final MxApi api;
  private final HttpTransport transport;
  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration callTimeout;
  private final Duration responseTimeout;
  private final RequestConfig config;
  private final Header userAgent;

  public Exchange(
      MxApi api,
      HttpTransport transport,
      RetryPolicy policy,
      Clock clock,
      Sleeper sleeper,
      Duration callTimeout,
      Duration responseTimeout,
      RequestConfig config,
      Header userAgent) {
    this.api = api;
    this.transport = transport;
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.callTimeout = callTimeout;
    this.responseTimeout = responseTimeout;
    this.config = config;
    this.userAgent = userAgent;
  }

  public MxApi api() {
    return api;
  }

  public Clock clock() {
    return clock;
  }

  /** The last response of a call (a success, or the error that ended it) and the attempts made. */
  public static final class Outcome {
    private final RawResponse response;
    private final int attempts;

    Outcome(RawResponse response, int attempts) {
      this.response = response;
      this.attempts = attempts;
    }

    public RawResponse response() {
      return response;
    }

    public int attempts() {
      return attempts;
    }

    /** The same response, counting attempts an earlier exchange of the same call already made. */
    public Outcome after(Outcome earlier) {
      return new Outcome(response, earlier.attempts + attempts);
    }

    public boolean isSuccess() {
      return response.status() >= 200 && response.status() < 300;
    }
  }

  /**
   * Sends the request, retrying as the policy allows.
   *
   * @param idempotent whether the request may be repeated once it may have reached MX
   * @param auth the credential header for every attempt, or null
   * @return the last response, whatever its status
   * @throws MxTransportException when no response came back in the attempts or time allowed
   */
  public Outcome execute(PreparedRequest request, boolean idempotent, Header auth) {
    Header[] extra = auth == null ? new Header[] {userAgent} : new Header[] {userAgent, auth};
    Instant deadline = clock.instant().plus(callTimeout);
    if (LOG.isTraceEnabled()) {
      LOG.trace(
          "{} {} headers: {}, {}",
          api, request, HeaderLog.render(request.headers()), HeaderLog.render(extra));
    }
    for (int attempt = 1; ; attempt++) {
      long started = System.nanoTime();
      RawResponse response;
      try {
        response = transport.send(request, configBefore(deadline, request, attempt), extra);
      } catch (IOException failure) {
        if (LOG.isDebugEnabled()) {
          LOG.debug(
              "{} {} failed: {} (attempt {}, {} ms)",
              api, request, failure.getClass().getSimpleName(), attempt, millisSince(started));
        }
        if (attempt >= policy.maxAttempts() || !policy.isRetryableFailure(failure, idempotent)) {
          throw transportFailure(request, failure, attempt);
        }
        Duration delay = policy.delayBefore(attempt + 1, null, clock.instant());
        if (!fits(delay, deadline)) {
          throw transportFailure(request, failure, attempt);
        }
        waitBeforeRetry(request, failure.getClass().getSimpleName(), delay, attempt);
        continue;
      }
      if (LOG.isDebugEnabled()) {
        // guarded: the arguments would be boxed into an array on every call, logged or not
        LOG.debug(
            "{} {} -> {} (attempt {}, {} ms)",
            api, request, response.status(), attempt, millisSince(started));
      }
      if (attempt >= policy.maxAttempts() || !policy.isRetryableStatus(response.status(), idempotent)) {
        return new Outcome(response, attempt);
      }
      Duration delay =
          policy.delayBefore(attempt + 1, response.header("Retry-After"), clock.instant());
      if (!fits(delay, deadline)) {
        LOG.debug("{} {}: no time left for a retry before the call's deadline", api, request);
        return new Outcome(response, attempt);
      }
      waitBeforeRetry(request, String.valueOf(response.status()), delay, attempt);
    }
  }

  private static long millisSince(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  /** The attempt's config: the response timeout shortened to what is left of the call's deadline. */
  private RequestConfig configBefore(Instant deadline, PreparedRequest request, int attempt) {
    Duration left = Duration.between(clock.instant(), deadline);
    if (left.isNegative() || left.isZero()) {
      throw new MxTransportException(
          api,
          request + ": the call's timeout of " + callTimeout + " passed before attempt " + attempt,
          attempt - 1,
          null);
    }
    if (left.compareTo(responseTimeout) >= 0) {
      return config;
    }
    return RequestConfig.copy(config).setResponseTimeout(Timeout.of(left)).build();
  }

  private boolean fits(Duration delay, Instant deadline) {
    return clock.instant().plus(delay).isBefore(deadline);
  }

  private void waitBeforeRetry(PreparedRequest request, String reason, Duration delay, int attempt) {
    LOG.info(
        "{} {}: retrying after {} in {} ms (attempt {} of {})",
        api, request, reason, delay.toMillis(), attempt + 1, policy.maxAttempts());
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MxTransportException(
          api, request + ": interrupted while waiting to retry", attempt, e);
    }
  }

  private MxTransportException transportFailure(
      PreparedRequest request, IOException failure, int attempts) {
    return new MxTransportException(
        api,
        api
            + ": "
            + request
            + " failed after "
            + attempts
            + (attempts == 1 ? " attempt: " : " attempts: ")
            + failure.getClass().getSimpleName()
            + (failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")"),
        attempts,
        failure);
  }
}
