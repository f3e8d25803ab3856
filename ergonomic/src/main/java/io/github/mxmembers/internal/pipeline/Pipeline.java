package io.github.mxmembers.internal.pipeline;

import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.transport.ResponseTooLargeException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * A fixed chain of interceptors ending with the attempt on the wire, as OkHttp chains them: for
 * example auth, then retries, then {@link TransportInterceptor}. Immutable and thread-safe; each call
 * walks it with its own {@link Call}. The same chain serves the sync and the async clients: only
 * the {@link Transport} at its end and the call's {@link Waiter} differ.
 */
@InternalApi
public final class Pipeline {
  private final Interceptor[] interceptors;

  public Pipeline(List<Interceptor> interceptors) {
    if (interceptors.isEmpty() || !(interceptors.get(interceptors.size() - 1) instanceof TransportInterceptor)) {
      throw new IllegalArgumentException("a pipeline ends with the TransportInterceptor");
    }
    this.interceptors = interceptors.toArray(new Interceptor[0]);
  }

  /**
   * Runs the request through every step.
   *
   * @return completes with the last response, whatever its status; fails with an {@link
   *     io.github.mxmembers.exception.MxTransportException} when no response came back in the
   *     attempts and time the call allows, an {@link io.github.mxmembers.exception.MxResponseException}
   *     when a response body was too large, and a {@link CancellationException} once the call was
   *     cancelled
   */
  public CompletableFuture<Response> execute(Call call, Outgoing request) {
    return Futures.andThen(
        new RealChain(call, request, 0).proceed(request),
        (response, failure) ->
            failure == null
                ? CompletableFuture.completedFuture(response)
                : CompletableFuture.failedFuture(translate(call, request, failure)));
  }

  /** What a failure that reached the top of the chain amounts to for the caller. */
  private static RuntimeException translate(Call call, Outgoing request, Throwable failure) {
    if (call.isCancelled()) {
      return failure instanceof CancellationException
          ? (CancellationException) failure
          : Failures.cancelled(call, request.request());
    }
    if (failure instanceof ResponseTooLargeException) {
      return Failures.tooLarge(call, request.request(), (ResponseTooLargeException) failure);
    }
    if (failure instanceof IOException) {
      if (call.timeLeft().toMillis() < 1) {
        return call.deadlinePassed(request.request(), failure);
      }
      return Failures.transport(call, request.request(), (IOException) failure);
    }
    return Futures.rethrow(failure);
  }

  private final class RealChain implements Interceptor.Chain {
    private final Call call;
    private final Outgoing request;
    private final int index;

    RealChain(Call call, Outgoing request, int index) {
      this.call = call;
      this.request = request;
      this.index = index;
    }

    @Override
    public Call call() {
      return call;
    }

    @Override
    public Outgoing request() {
      return request;
    }

    @Override
    public CompletableFuture<Response> proceed(Outgoing next) {
      try {
        return interceptors[index].intercept(new RealChain(call, next, index + 1));
      } catch (RuntimeException e) {
        // a step's bug or a listener's: the call fails with it rather than hanging
        return CompletableFuture.failedFuture(e);
      }
    }
  }
}
