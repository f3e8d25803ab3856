package io.github.mxmembers.internal.http;

import com.google.gson.JsonParseException;
import io.github.mxmembers.MxApi;
import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.exception.MxResponseException;
import io.github.mxmembers.generated.transport.PreparedRequest;
import io.github.mxmembers.generated.transport.RawResponse;
import java.util.function.BiFunction;

/** Turns an exchange's outcome into a parsed body or the matching exception. */
public final class Responses {
  public static final String REQUEST_ID = "X-Request-Id";

  private Responses() {}

  /**
   * The parsed success body; null only for 204, the one success MX sends without a body.
   *
   * @throws MxApiException for an error status
   * @throws MxResponseException for a success whose body is not the expected JSON
   */
  public static <T> T body(
      MxApi api,
      PreparedRequest request,
      Exchange.Outcome outcome,
      BiFunction<Integer, byte[], T> parser) {
    RawResponse response = outcome.response();
    if (!outcome.isSuccess()) {
      throw apiError(api, request, outcome);
    }
    try {
      T body = parser.apply(response.status(), response.body());
      if (body == null && response.status() != 204) {
        throw new IllegalStateException("empty body");
      }
      return body;
    } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
      throw new MxResponseException(
          api,
          api
              + " answered "
              + response.status()
              + " to "
              + request
              + " with a body that is not the expected JSON ("
              + response.body().length
              + " bytes, "
              + contentType(response)
              + ")",
          response.status(),
          outcome.attempts(),
          response.header(REQUEST_ID),
          e);
    }
  }

  public static MxApiException apiError(MxApi api, PreparedRequest request, Exchange.Outcome outcome) {
    RawResponse response = outcome.response();
    ErrorBody error = ErrorBody.parse(response.body());
    return new MxApiException(
        api,
        request.toString(),
        response.status(),
        error.code(),
        error.message(),
        outcome.attempts(),
        response.header(REQUEST_ID));
  }

  private static String contentType(RawResponse response) {
    String type = response.header("Content-Type");
    return type == null ? "no content type" : type;
  }
}
