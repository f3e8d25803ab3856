package io.github.mxmembers;

import com.google.gson.JsonObject;
import io.github.mxmembers.generated.transport.PreparedRequest;
import io.github.mxmembers.internal.pipeline.Call;
import io.github.mxmembers.internal.pipeline.Futures;
import io.github.mxmembers.internal.pipeline.Outgoing;
import io.github.mxmembers.internal.pipeline.Pipeline;
import io.github.mxmembers.internal.pipeline.Response;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One API's update call, shared by its sync and async client: a {@link Call} through the pipeline,
 * then the member read from the last response or the exception it amounts to, with the listener
 * told either way. The sync client's runtime has completed every step by the time the pipeline
 * returns, so {@link #send} reads the answer at once, with no future of its own.
 */
final class MemberUpdater {
  private final ClientRuntime runtime;
  private final MxApi api;
  private final Pipeline pipeline;
  private final BiFunction<Integer, byte[], JsonObject> parser;
  private final Function<JsonObject, Member> toMember;

  /**
   * @param parser the generated reader of the operation's success bodies
   * @param toMember the API's mapping from the body to a {@link Member}
   */
  MemberUpdater(
      ClientRuntime runtime,
      MxApi api,
      Pipeline pipeline,
      BiFunction<Integer, byte[], JsonObject> parser,
      Function<JsonObject, Member> toMember) {
    this.runtime = runtime;
    this.api = api;
    this.pipeline = pipeline;
    this.parser = parser;
    this.toMember = toMember;
  }

  /**
   * Starts the call. The future fails with the {@link io.github.mxmembers.exception.MxException}
   * itself (not wrapped); cancelling it cancels the call.
   */
  CompletableFuture<MemberUpdateResult> start(PreparedRequest request) {
    Call call = runtime.call(api, request);
    CompletableFuture<MemberUpdateResult> result = new CompletableFuture<>();
    result.whenComplete(
        (done, failure) -> {
          if (result.isCancelled()) {
            call.cancel();
          }
        });
    pipeline
        .execute(call, Outgoing.idempotent(request))
        .whenComplete(
            (response, failure) -> {
              try {
                result.complete(finish(call, request, response, failure == null ? null : Futures.unwrap(failure)));
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              } catch (Error e) {
                result.completeExceptionally(e);
                throw e;
              }
            });
    return result;
  }

  /** Sends on the calling thread: a sync runtime has completed every step when execute returns. */
  MemberUpdateResult send(PreparedRequest request) {
    Call call = runtime.call(api, request);
    CompletableFuture<Response> sent = pipeline.execute(call, Outgoing.idempotent(request));
    Response response = null;
    Throwable failure = null;
    try {
      response = sent.join();
    } catch (CompletionException | CancellationException e) {
      failure = Futures.unwrap(e);
    }
    return finish(call, request, response, failure);
  }

  /** The member from the last response, or the exception the call ends with; the listener hears either. */
  private MemberUpdateResult finish(Call call, PreparedRequest request, Response response, Throwable failure) {
    try {
      if (failure != null) {
        throw Futures.rethrow(failure);
      }
      MemberUpdateResult read = MemberUpdateResult.read(call, request, response, parser, toMember);
      call.finished(null);
      return read;
    } catch (RuntimeException e) {
      call.finished(e);
      throw e;
    }
  }
}
