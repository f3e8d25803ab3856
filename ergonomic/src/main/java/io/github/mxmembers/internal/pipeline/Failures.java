package io.github.mxmembers.internal.pipeline;

import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.exception.MxException;
import io.github.mxmembers.exception.MxResponseException;
import io.github.mxmembers.exception.MxTransportException;
import io.github.mxmembers.internal.http.ErrorBody;
import io.github.mxmembers.internal.transport.PreparedRequest;
import io.github.mxmembers.internal.transport.ResponseTooLargeException;
import java.io.IOException;

/** Builds every exception a call throws, so that each carries the attempts and MX's request id the same way. */
@InternalApi
public final class Failures {
  private Failures() {}

  /** MX answered this request with an error status. */
  public static MxApiException api(Call call, PreparedRequest request, Response response) {
    ErrorBody error = response.error();
    return new MxApiException(
        call.api(),
        request.toString(),
        response.status(),
        error.code(),
        error.message(),
        call.attemptsOf(request),
        response.requestId());
  }

  /** MX answered with a success whose body is not what the spec describes. */
  public static MxResponseException unreadable(
      Call call, PreparedRequest request, Response response, String what, Throwable cause) {
    String type = response.header("Content-Type");
    return new MxResponseException(
        call.api(),
        call.api()
            + " answered "
            + response.status()
            + requestIdPart(response.requestId())
            + " to "
            + request
            + " with "
            + what
            + " ("
            + response.body().length
            + " bytes, "
            + (type == null ? "no content type" : type)
            + ")",
        response.status(),
        call.attemptsOf(request),
        response.requestId(),
        cause);
  }

  static MxResponseException tooLarge(Call call, PreparedRequest request, ResponseTooLargeException e) {
    return new MxResponseException(
        call.api(),
        call.api() + " answered " + e.status() + " to " + request + ", but " + e.getMessage(),
        e.status(),
        call.attemptsOf(request),
        call.lastRequestId(),
        e);
  }

  static MxTransportException transport(Call call, PreparedRequest request, IOException failure) {
    return transport(
        call,
        request,
        "failed after "
            + Call.plural(call.attemptsOf(request), "attempt")
            + ": "
            + failure.getClass().getSimpleName()
            + (failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")"),
        failure);
  }

  static MxTransportException transport(Call call, PreparedRequest request, String what, Throwable cause) {
    return transport(call, request, what, cause, false);
  }

  /** The call's deadline passed: {@code what} says when, after the deadline's name. */
  static MxTransportException deadline(Call call, PreparedRequest request, String what, Throwable cause) {
    return transport(call, request, call.deadlineName() + " passed " + what, cause, true);
  }

  private static MxTransportException transport(
      Call call, PreparedRequest request, String what, Throwable cause, boolean deadlinePassed) {
    String requestId = call.lastRequestId();
    return new MxTransportException(
        call.api(),
        call.api() + ": " + request + " " + what + (requestId == null ? "" : "; last request id " + requestId),
        call.attemptsOf(request),
        requestId,
        cause,
        deadlinePassed);
  }

  /**
   * Code the caller gave the client (a {@code retry.Scheduler}, an API-token source) broke its
   * contract, so the call could not go on: the root {@link MxException}, with that failure as its
   * cause. {@code what} names the part and never quotes a value it returned.
   */
  public static MxException callersCode(Call call, PreparedRequest request, String what, Throwable cause) {
    String requestId = call.lastRequestId();
    return new MxException(
        call.api(),
        call.api() + ": " + request + " stopped: " + what + (requestId == null ? "" : "; last request id " + requestId),
        call.attemptsOf(request),
        requestId,
        cause);
  }

  /** The call was cancelled (by {@code Future.cancel} on an async client) before it had an answer. */
  static java.util.concurrent.CancellationException cancelled(Call call, PreparedRequest request) {
    return new java.util.concurrent.CancellationException(
        call.api() + ": " + request + " was cancelled after " + Call.plural(call.attemptsOf(request), "attempt"));
  }

  /** {@code " (request id X)"}, or nothing when there is none. */
  static String requestIdPart(String requestId) {
    return requestId == null ? "" : " (request id " + requestId + ")";
  }
}
