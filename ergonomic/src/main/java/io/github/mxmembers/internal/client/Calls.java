package io.github.mxmembers.internal.client;

import io.github.mxmembers.MxApi;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.pipeline.Call;
import io.github.mxmembers.internal.pipeline.Futures;
import io.github.mxmembers.internal.pipeline.Pipeline;
import io.github.mxmembers.internal.pipeline.Response;
import io.github.mxmembers.internal.transport.PreparedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs any {@link Operation} of one API through that API's pipeline: a {@link Call} (deadline,
 * attempt budget, listener), then the result the operation reads from the last response or the
 * exception it amounts to, with the listener told either way. There is one flow, {@link #start}; a
 * sync client joins it ({@link #join}): its runtime has completed every step by the time the pipeline
 * returns, so the future it gets is already complete and nothing waits. A paged list is one {@link
 * Loop} of calls, a page each.
 */
@InternalApi
public final class Calls {
  private final ClientRuntime runtime;
  private final MxApi api;
  private final Pipeline pipeline;

  Calls(ClientRuntime runtime, MxApi api, Pipeline pipeline) {
    this.runtime = runtime;
    this.api = api;
    this.pipeline = pipeline;
  }

  /** The runtime the calls run on: its waiter and clock, for the waits between calls. */
  public ClientRuntime runtime() {
    return runtime;
  }

  /**
   * Checks the input and starts the call. Bad input throws here, before any I/O; every other failure
   * fails the future with the {@link io.github.mxmembers.exception.MxException} itself (not wrapped).
   * Cancelling the future cancels the call.
   *
   * @param limit the call's deadline is no later than this from now; null for the call timeout alone
   */
  public <I, R> CompletableFuture<R> start(Operation<I, R> operation, I input, Duration limit) {
    PreparedRequest request = operation.prepare(input);
    Call call = runtime.call(api, request, limit);
    CompletableFuture<Response> sent = pipeline.execute(call, operation.outgoing(request));
    if (sent.isDone()) {
      // a sync client's always is: the result at once, with no stage of its own
      return finished(operation, call, request, sent);
    }
    CompletableFuture<R> result = new CompletableFuture<>();
    result.whenComplete(
        (done, failure) -> {
          if (result.isCancelled()) {
            call.cancel();
          }
        });
    sent.whenComplete(
        (ignored, failure) -> {
          CompletableFuture<R> read = finished(operation, call, request, sent);
          try {
            result.complete(read.join());
          } catch (CompletionException e) {
            result.completeExceptionally(Futures.unwrap(e));
          }
        });
    return result;
  }

  /** {@link #start} with the call timeout alone. */
  public <I, R> CompletableFuture<R> start(Operation<I, R> operation, I input) {
    return start(operation, input, null);
  }

  /**
   * A whole paged list: one call per page (each under the client's call timeout, through the same
   * pipeline), until MX's pagination says the last page was read. MX's largest page size is asked
   * for, so a member's list is almost always one call. Fails with an {@link IllegalStateException}
   * if MX reports more than {@value MemberAddress#MAX_PAGES} pages.
   */
  public <T> CompletableFuture<List<T>> list(Operation<MemberAddress, Page<T>> operation, MemberAddress first) {
    List<T> items = new ArrayList<>();
    return Loop.run(
        first,
        at ->
            start(operation, at)
                .thenApply(
                    page -> {
                      items.addAll(page.items);
                      if (page.last) {
                        return Loop.Next.<MemberAddress, List<T>>done(List.copyOf(items));
                      }
                      if (at.page >= MemberAddress.MAX_PAGES) {
                        throw new IllegalStateException(
                            "MX reported more than " + MemberAddress.MAX_PAGES + " pages of "
                                + MemberAddress.RECORDS_PER_PAGE + ": not read further");
                      }
                      return Loop.Next.<MemberAddress, List<T>>step(at.next());
                    }));
  }

  /**
   * The value of a sync client's future, which is always complete; its failure thrown as the
   * exception itself (an {@code MxException}, or the caller's interrupt as a {@link
   * CancellationException}), never wrapped.
   */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException | CancellationException e) {
      throw Futures.rethrow(Futures.unwrap(e));
    }
  }

  /** The result read from the last response, or the exception the call ends with; the listener hears either. */
  private static <R> CompletableFuture<R> finished(
      Operation<?, R> operation, Call call, PreparedRequest request, CompletableFuture<Response> sent) {
    try {
      Response response;
      try {
        response = sent.join();
      } catch (CompletionException | CancellationException e) {
        throw Futures.rethrow(Futures.unwrap(e));
      }
      R read = operation.read(call, request, response);
      call.finished(null);
      return CompletableFuture.completedFuture(read);
    } catch (RuntimeException e) {
      call.finished(e);
      return CompletableFuture.failedFuture(e);
    }
  }
}
