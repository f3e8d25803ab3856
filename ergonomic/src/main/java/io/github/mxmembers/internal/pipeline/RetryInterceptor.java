package io.github.mxmembers.internal.pipeline;

import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.retry.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the request again while {@link RetryPolicy} says the failure is worth it, the call's retry
 * budget allows and the wait ends before the call's deadline. Every retry sends the same bytes. The
 * wait is the call's {@link Waiter}: a sleep on the calling thread for a sync client, a timer for an
 * async one.
 */
@InternalApi
public final class RetryInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(RetryInterceptor.class);

  private final RetryPolicy policy;

  public RetryInterceptor(RetryPolicy policy) {
    this.policy = policy;
  }

  @Override
  public CompletableFuture<Response> intercept(Chain chain) {
    return send(chain, 1);
  }

  private CompletableFuture<Response> send(Chain chain, int attempt) {
    return Futures.andThen(chain.proceed(chain.request()), (response, failure) -> decide(chain, attempt, response, failure));
  }

  /** The attempt's answer as it stands, or a retry of it. */
  private CompletableFuture<Response> decide(Chain chain, int attempt, Response response, Throwable failure) {
    Call call = chain.call();
    Outgoing request = chain.request();
    if (call.isCancelled()) {
      return CompletableFuture.failedFuture(Failures.cancelled(call, request.request()));
    }
    if (failure != null) {
      if (!(failure instanceof IOException)
          || !policy.isRetryableFailure((IOException) failure, request.isIdempotent())
          || !call.hasRetryLeft()) {
        return CompletableFuture.failedFuture(failure);
      }
      Duration delay = policy.delayBefore(attempt + 1, null, call.clock().instant());
      if (!call.fits(delay)) {
        return CompletableFuture.failedFuture(failure);
      }
      return retry(chain, failure.getClass().getSimpleName(), delay, attempt + 1);
    }
    if (!policy.isRetryableStatus(response.status(), request.isIdempotent()) || !call.hasRetryLeft()) {
      return CompletableFuture.completedFuture(response);
    }
    Duration delay = policy.delayBefore(attempt + 1, response.header("Retry-After"), call.clock().instant());
    if (!call.fits(delay)) {
      LOG.debug("{} {}: no time left for a retry before the call's deadline", call.api(), request);
      return CompletableFuture.completedFuture(response);
    }
    return retry(chain, String.valueOf(response.status()), delay, attempt + 1);
  }

  private CompletableFuture<Response> retry(Chain chain, String reason, Duration delay, int nextAttempt) {
    Call call = chain.call();
    Outgoing request = chain.request();
    call.spendRetry();
    LOG.info(
        "{} {}: retrying after {} in {} ms (attempt {} of this request)",
        call.api(), request, reason, delay.toMillis(), nextAttempt);
    call.retryScheduled(request.request(), nextAttempt, reason, delay);
    return Futures.andThen(
        call.waiter().delay(delay, call.timeLeft()),
        (waited, failure) -> {
          if (failure == null) {
            return send(chain, nextAttempt);
          }
          if (failure instanceof InterruptedException) {
            return CompletableFuture.<Response>failedFuture(
                Failures.transport(call, request.request(), "was interrupted while waiting to retry", failure));
          }
          if (failure instanceof java.util.concurrent.TimeoutException) {
            // the caller's scheduler held the wait past the call's deadline
            return CompletableFuture.<Response>failedFuture(
                call.deadlinePassedWhile(request.request(), "while the retry.Scheduler held the wait before attempt " + nextAttempt));
          }
          if (failure instanceof Waiter.SchedulerFailed) {
            return CompletableFuture.<Response>failedFuture(
                Failures.callersCode(call, request.request(), failure.getMessage() + " before attempt " + nextAttempt, failure));
          }
          return CompletableFuture.<Response>failedFuture(failure);
        });
  }
}
