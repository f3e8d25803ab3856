package io.github.mxmembers.internal.pipeline;

import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.http.HeaderLog;
import io.github.mxmembers.internal.transport.AttemptTimer;
import io.github.mxmembers.internal.transport.PreparedRequest;
import io.github.mxmembers.internal.transport.RawResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step: one attempt on the wire, through the client's {@link Transport}. Its response
 * timeout is cut to what is left of the call's deadline, and a {@link Watchdog} aborts it at the
 * deadline whatever the server does; a cancelled call starts no attempt and aborts the one in
 * flight. Logs the attempt at DEBUG (request line, status, attempt, time, MX's request id) and its
 * headers, from an allow-list, at TRACE.
 */
@InternalApi
public final class TransportInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(TransportInterceptor.class);

  private final Transport transport;
  private final RequestConfig config;
  private final Duration responseTimeout;
  private final Watchdog watchdog;
  private final Header userAgent;

  /**
   * @param config every attempt's config (no redirects, the timeouts)
   * @param responseTimeout the response timeout in {@code config}
   */
  public TransportInterceptor(
      Transport transport, RequestConfig config, Duration responseTimeout, Watchdog watchdog, Header userAgent) {
    this.transport = transport;
    this.config = config;
    this.responseTimeout = responseTimeout;
    this.watchdog = watchdog;
    this.userAgent = userAgent;
  }

  @Override
  public CompletableFuture<Response> intercept(Chain chain) {
    Call call = chain.call();
    Outgoing outgoing = chain.request();
    PreparedRequest request = outgoing.request();
    if (call.isCancelled()) {
      return CompletableFuture.failedFuture(Failures.cancelled(call, request));
    }
    if (watchdog.isClosed()) {
      return CompletableFuture.failedFuture(
          Failures.transport(call, request, "was not sent: the client is closed", null));
    }
    Duration left = call.timeLeft();
    if (left.toMillis() < 1) {
      // under a millisecond HttpClient would read the timeout as "none"
      return CompletableFuture.failedFuture(call.deadlinePassed(request, null));
    }
    int attempt = call.countAttempt(request);
    Header[] extra = outgoing.auth() == null ? new Header[] {userAgent} : new Header[] {userAgent, outgoing.auth()};
    if (LOG.isTraceEnabled()) {
      LOG.trace(
          "{} {} headers: {}, {}", call.api(), request, HeaderLog.render(request.headers()), HeaderLog.render(extra));
    }
    call.attemptStarted(request, attempt);
    long started = System.nanoTime();
    return Futures.andThen(
        transport.send(request, configWithin(left), timerFor(call, left), extra),
        (raw, failure) -> finish(call, request, attempt, started, raw, failure));
  }

  private static CompletableFuture<Response> finish(
      Call call, PreparedRequest request, int attempt, long started, RawResponse raw, Throwable failure) {
    long nanos = System.nanoTime() - started;
    if (failure != null) {
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "{} {} failed: {} (attempt {}, {} ms)",
            call.api(), request, failure.getClass().getSimpleName(), attempt, nanos / 1_000_000);
      }
      call.attemptFinished(request, attempt, 0, null, failure.getClass().getSimpleName(), nanos);
      return CompletableFuture.failedFuture(failure);
    }
    Response response = new Response(raw);
    call.received(response);
    if (LOG.isDebugEnabled()) {
      // guarded: the arguments would be boxed into an array on every call, logged or not
      LOG.debug(
          "{} {} -> {} (attempt {}, {} ms, request id {})",
          call.api(), request, raw.status(), attempt, nanos / 1_000_000, response.requestId());
    }
    call.attemptFinished(request, attempt, raw.status(), response.requestId(), null, nanos);
    return CompletableFuture.completedFuture(response);
  }

  /** The attempt's config: the response timeout shortened to what is left of the call. */
  private RequestConfig configWithin(Duration left) {
    if (left.compareTo(responseTimeout) >= 0) {
      return config;
    }
    return RequestConfig.copy(config).setResponseTimeout(Timeout.of(left)).build();
  }

  /** Aborts the attempt at the deadline, or at once if the call is cancelled while it is on the wire. */
  private AttemptTimer timerFor(Call call, Duration left) {
    return attempt -> {
      AttemptTimer.Disarm deadline = watchdog.abortAfter(attempt, left);
      call.inFlight(attempt);
      return () -> {
        call.ended(attempt);
        deadline.disarm();
      };
    };
  }
}
