package io.github.mxmembers.internal.pipeline;

import io.github.mxmembers.exception.MxTransportException;
import io.github.mxmembers.retry.RetryPolicy;
import io.github.mxmembers.retry.Sleeper;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the request again while {@link RetryPolicy} says the failure is worth it, the call's retry
 * budget allows and the wait ends before the call's deadline. Every retry sends the same bytes.
 */
public final class RetryInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(RetryInterceptor.class);

  private final RetryPolicy policy;
  private final Sleeper sleeper;

  public RetryInterceptor(RetryPolicy policy, Sleeper sleeper) {
    this.policy = policy;
    this.sleeper = sleeper;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Call call = chain.call();
    Outgoing request = chain.request();
    for (int attempt = 1; ; attempt++) {
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException failure) {
        if (!policy.isRetryableFailure(failure, request.isIdempotent()) || !call.hasRetryLeft()) {
          throw failure;
        }
        Duration delay = policy.delayBefore(attempt + 1, null, call.clock().instant());
        if (!call.fits(delay)) {
          throw failure;
        }
        await(call, request, failure.getClass().getSimpleName(), delay, attempt + 1);
        continue;
      }
      if (!policy.isRetryableStatus(response.status(), request.isIdempotent()) || !call.hasRetryLeft()) {
        return response;
      }
      Duration delay = policy.delayBefore(attempt + 1, response.header("Retry-After"), call.clock().instant());
      if (!call.fits(delay)) {
        LOG.debug("{} {}: no time left for a retry before the call's deadline", call.api(), request);
        return response;
      }
      await(call, request, String.valueOf(response.status()), delay, attempt + 1);
    }
  }

  private void await(Call call, Outgoing request, String reason, Duration delay, int nextAttempt) {
    call.spendRetry();
    LOG.info(
        "{} {}: retrying after {} in {} ms (attempt {} of this request)",
        call.api(), request, reason, delay.toMillis(), nextAttempt);
    call.retryScheduled(request.request(), nextAttempt, reason, delay);
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MxTransportException(
          call.api(),
          call.api() + ": " + request + ": interrupted while waiting to retry",
          call.attemptsOf(request.request()),
          call.lastRequestId(),
          e);
    }
  }
}
