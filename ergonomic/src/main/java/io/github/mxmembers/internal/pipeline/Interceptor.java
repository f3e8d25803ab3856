package io.github.mxmembers.internal.pipeline;

import io.github.mxmembers.annotations.InternalApi;
import java.util.concurrent.CompletableFuture;

/**
 * One step of the pipeline: it may change the request, proceed down the chain (once, several times, or
 * not at all) and look at or replace the response. The last step sends the attempt.
 *
 * <p>Every step returns a future, so that one chain serves the sync clients (whose futures are
 * complete on return: each step runs on the calling thread) and the async ones (whose futures
 * complete on an I/O or timer thread). A step itself waits for nothing: what blocks is only where
 * the client's flavour puts it. On a sync client the {@link Transport} sends on the calling thread and
 * blocks it for the attempt, and the {@link Waiter} sleeps there between attempts, so the future a
 * step gets back is already complete; on an async client neither blocks and no step may either. A
 * step never throws: it returns a failed future instead.
 */
@FunctionalInterface
@InternalApi
public interface Interceptor {
  /**
   * @return the response; fails with an {@link java.io.IOException} when no response came back
   *     (the pipeline turns it into an {@code MxTransportException}), or with the {@code
   *     MxException} a step decided on
   */
  CompletableFuture<Response> intercept(Chain chain);

  /** The rest of the pipeline, as one step sees it. */
  interface Chain {
    Call call();

    Outgoing request();

    /** Hands the request to the next step. */
    CompletableFuture<Response> proceed(Outgoing request);
  }
}
