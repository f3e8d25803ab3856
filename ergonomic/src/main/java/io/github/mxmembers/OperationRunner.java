package io.github.mxmembers;

import io.github.mxmembers.internal.transport.PreparedRequest;
import io.github.mxmembers.internal.pipeline.Call;
import io.github.mxmembers.internal.pipeline.Futures;
import io.github.mxmembers.internal.pipeline.Pipeline;
import io.github.mxmembers.internal.pipeline.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs any {@link Operation} of one API through that API's pipeline: a {@link Call} (deadline, attempt
 * budget, listener), then the result the operation reads from the last response or the exception it
 * amounts to, with the listener told either way. A sync and an async client of the same API differ
 * only in which of {@link #send} and {@link #start} their methods call: the sync client's runtime has
 * completed every step by the time the pipeline returns, so {@link #send} reads the answer at once,
 * with no future of its own.
 */
final class OperationRunner {
  private final ClientRuntime runtime;
  private final MxApi api;
  private final Pipeline pipeline;

  /** The runtime's waiter and clock, for waits between calls (a waiter's polls). */
  ClientRuntime runtime() {
    return runtime;
  }

  OperationRunner(ClientRuntime runtime, MxApi api, Pipeline pipeline) {
    this.runtime = runtime;
    this.api = api;
    this.pipeline = pipeline;
  }

  /**
   * Checks the input and starts the call. Bad input throws here, before any I/O; every other failure
   * fails the future with the {@link io.github.mxmembers.exception.MxException} itself (not wrapped).
   * Cancelling the future cancels the call.
   */
  <I, R> CompletableFuture<R> start(Operation<I, R> operation, I input) {
    return start(operation, input, null);
  }

  /** {@link #start}, with the call's deadline no later than {@code limit} from now (null: the call timeout). */
  <I, R> CompletableFuture<R> start(Operation<I, R> operation, I input, Duration limit) {
    PreparedRequest request = operation.prepare(input);
    Call call = limit == null ? runtime.call(api, request) : runtime.call(api, request, limit);
    CompletableFuture<R> result = new CompletableFuture<>();
    result.whenComplete(
        (done, failure) -> {
          if (result.isCancelled()) {
            call.cancel();
          }
        });
    pipeline
        .execute(call, operation.outgoing(request))
        .whenComplete(
            (response, failure) -> {
              try {
                result.complete(
                    finish(operation, call, request, response, failure == null ? null : Futures.unwrap(failure)));
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              } catch (Error e) {
                result.completeExceptionally(e);
                throw e;
              }
            });
    return result;
  }

  /** Checks the input and sends on the calling thread: a sync runtime has completed every step when execute returns. */
  <I, R> R send(Operation<I, R> operation, I input) {
    return send(operation, input, null);
  }

  /** {@link #send}, with the call's deadline no later than {@code limit} from now (null: the call timeout). */
  <I, R> R send(Operation<I, R> operation, I input, Duration limit) {
    PreparedRequest request = operation.prepare(input);
    Call call = limit == null ? runtime.call(api, request) : runtime.call(api, request, limit);
    CompletableFuture<Response> sent = pipeline.execute(call, operation.outgoing(request));
    Response response = null;
    Throwable failure = null;
    try {
      response = sent.join();
    } catch (CompletionException | CancellationException e) {
      failure = Futures.unwrap(e);
    }
    return finish(operation, call, request, response, failure);
  }

  /**
   * A whole paged list, sync: one call per page (each under the client's call timeout, through the
   * same pipeline), until MX's pagination says the last page was read. MX's largest page size is
   * asked for, so a member's list is almost always one call.
   *
   * @throws IllegalStateException if MX reports more than {@value MemberAddress#MAX_PAGES} pages
   */
  <T> List<T> sendAll(Operation<MemberAddress, Page<T>> operation, MemberAddress first) {
    List<T> all = new ArrayList<>();
    for (MemberAddress at = first; ; at = at.next()) {
      Page<T> page = send(operation, at);
      all.addAll(page.items);
      if (page.last) {
        return List.copyOf(all);
      }
      checkPages(at);
    }
  }

  /** {@link #sendAll}, holding no thread: each page is asked for when the one before has come. */
  <T> CompletableFuture<List<T>> startAll(Operation<MemberAddress, Page<T>> operation, MemberAddress first) {
    CompletableFuture<Page<T>> firstPage = start(operation, first); // bad input throws here, before I/O
    CompletableFuture<List<T>> all = new CompletableFuture<>();
    List<T> items = new ArrayList<>();
    collect(operation, first, firstPage, items, all);
    return all;
  }

  private <T> void collect(
      Operation<MemberAddress, Page<T>> operation,
      MemberAddress at,
      CompletableFuture<Page<T>> page,
      List<T> items,
      CompletableFuture<List<T>> all) {
    page.whenComplete(
        (read, failure) -> {
          if (failure != null) {
            all.completeExceptionally(Futures.unwrap(failure));
            return;
          }
          try {
            items.addAll(read.items);
            if (read.last) {
              all.complete(List.copyOf(items));
              return;
            }
            checkPages(at);
            if (all.isCancelled()) {
              return;
            }
            CompletableFuture<Page<T>> next = start(operation, at.next());
            all.whenComplete((done, ignored) -> next.cancel(true)); // cancelling the list cancels its page
            collect(operation, at.next(), next, items, all);
          } catch (RuntimeException e) {
            all.completeExceptionally(e);
          }
        });
  }

  private static void checkPages(MemberAddress at) {
    if (at.page >= MemberAddress.MAX_PAGES) {
      throw new IllegalStateException("MX reported more than " + MemberAddress.MAX_PAGES + " pages of " + MemberAddress.RECORDS_PER_PAGE + ": not read further");
    }
  }

  /** The result read from the last response, or the exception the call ends with; the listener hears either. */
  private static <R> R finish(
      Operation<?, R> operation, Call call, PreparedRequest request, Response response, Throwable failure) {
    try {
      if (failure != null) {
        throw Futures.rethrow(failure);
      }
      R read = operation.read(call, request, response);
      call.finished(null);
      return read;
    } catch (RuntimeException e) {
      call.finished(e);
      throw e;
    }
  }
}
