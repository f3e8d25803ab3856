package io.github.mxmembers.internal.pipeline;

import io.github.mxmembers.generated.transport.AttemptTimer;
import io.github.mxmembers.generated.transport.HttpTransport;
import io.github.mxmembers.generated.transport.PreparedRequest;
import io.github.mxmembers.generated.transport.RawResponse;
import io.github.mxmembers.internal.http.HeaderLog;
import java.io.IOException;
import java.time.Duration;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step: one attempt on the wire. Its response timeout is cut to what is left of the call's
 * deadline, and a {@link Watchdog} aborts it at the deadline whatever the server does. Logs the
 * attempt at DEBUG (request line, status, attempt, time, MX's request id) and its headers, from an
 * allow-list, at TRACE.
 */
public final class TransportInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(TransportInterceptor.class);

  private final HttpTransport transport;
  private final RequestConfig config;
  private final Duration responseTimeout;
  private final Watchdog watchdog;
  private final Header userAgent;

  /**
   * @param config every attempt's config (no redirects, the timeouts)
   * @param responseTimeout the response timeout in {@code config}
   */
  public TransportInterceptor(
      HttpTransport transport, RequestConfig config, Duration responseTimeout, Watchdog watchdog, Header userAgent) {
    this.transport = transport;
    this.config = config;
    this.responseTimeout = responseTimeout;
    this.watchdog = watchdog;
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Call call = chain.call();
    Outgoing outgoing = chain.request();
    PreparedRequest request = outgoing.request();
    Duration left = call.timeLeft();
    if (left.toMillis() < 1) {
      // under a millisecond HttpClient would read the timeout as "none"
      throw call.deadlinePassed(request, null);
    }
    int attempt = call.countAttempt(request);
    Header[] extra = outgoing.auth() == null ? new Header[] {userAgent} : new Header[] {userAgent, outgoing.auth()};
    if (LOG.isTraceEnabled()) {
      LOG.trace(
          "{} {} headers: {}, {}", call.api(), request, HeaderLog.render(request.headers()), HeaderLog.render(extra));
    }
    call.attemptStarted(request, attempt);
    long started = System.nanoTime();
    RawResponse raw;
    try {
      raw = transport.send(request, configWithin(left), timerFor(left), extra);
    } catch (IOException failure) {
      long nanos = System.nanoTime() - started;
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "{} {} failed: {} (attempt {}, {} ms)",
            call.api(), request, failure.getClass().getSimpleName(), attempt, nanos / 1_000_000);
      }
      call.attemptFinished(request, attempt, 0, null, failure.getClass().getSimpleName(), nanos);
      throw failure;
    }
    long nanos = System.nanoTime() - started;
    Response response = new Response(raw);
    call.received(response);
    if (LOG.isDebugEnabled()) {
      // guarded: the arguments would be boxed into an array on every call, logged or not
      LOG.debug(
          "{} {} -> {} (attempt {}, {} ms, request id {})",
          call.api(), request, raw.status(), attempt, nanos / 1_000_000, response.requestId());
    }
    call.attemptFinished(request, attempt, raw.status(), response.requestId(), null, nanos);
    return response;
  }

  /** The attempt's config: the response timeout shortened to what is left of the call. */
  private RequestConfig configWithin(Duration left) {
    if (left.compareTo(responseTimeout) >= 0) {
      return config;
    }
    return RequestConfig.copy(config).setResponseTimeout(Timeout.of(left)).build();
  }

  private AttemptTimer timerFor(Duration left) {
    return attempt -> watchdog.abortAfter(attempt, left);
  }
}
