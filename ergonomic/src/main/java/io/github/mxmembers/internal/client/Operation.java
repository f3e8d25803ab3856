package io.github.mxmembers.internal.client;

import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.pipeline.Call;
import io.github.mxmembers.internal.pipeline.Outgoing;
import io.github.mxmembers.internal.pipeline.Response;
import io.github.mxmembers.internal.transport.PreparedRequest;

/**
 * One MX call on one API, and all a new call adds to the SDK besides its spec: how to check the
 * caller's input and prepare the request from the generated API, whether the request may be repeated,
 * and how to read the call's last response. {@link Calls} runs every operation through the one
 * pipeline (auth, retries, deadline, listener, typed errors), for the sync and the async clients
 * alike. Each API's operations are one {@link ApiOperations}.
 *
 * @param <I> what the caller passes, such as a {@code MemberUpdate}
 * @param <R> what the call returns, such as a {@code MemberUpdateResult}
 */
@InternalApi
public interface Operation<I, R> {
  /**
   * Checks the input against what the API has and prepares the request. Runs on the caller's thread
   * before any I/O.
   *
   * @throws NullPointerException if the input is null, naming it
   * @throws IllegalArgumentException naming the parameter the API does not take
   */
  PreparedRequest prepare(I input);

  /**
   * The result from the call's last response.
   *
   * @throws io.github.mxmembers.exception.MxException the error status or unreadable body the
   *     response amounts to
   */
  R read(Call call, PreparedRequest request, Response response);

  /**
   * How the request goes down the pipeline. Idempotent by default, so that the retry step may repeat
   * it after it may have reached MX; an operation that must not be repeated says {@link Outgoing#once}.
   */
  default Outgoing outgoing(PreparedRequest request) {
    return Outgoing.idempotent(request);
  }
}
