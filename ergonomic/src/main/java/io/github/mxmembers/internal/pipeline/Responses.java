package io.github.mxmembers.internal.pipeline;

import com.google.gson.JsonParseException;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.transport.PreparedRequest;
import java.util.function.BiFunction;

/** Turns a call's last response into its parsed body or the matching exception. */
@InternalApi
public final class Responses {
  private Responses() {}

  /**
   * The body, read by the generated parser for the operation; null only for 204, the one success
   * MX sends without a body.
   *
   * @throws io.github.mxmembers.exception.MxApiException for an error status
   * @throws io.github.mxmembers.exception.MxResponseException for a success whose body is not the
   *     expected JSON, or a status the spec does not declare
   */
  public static <T> T body(
      Call call, PreparedRequest request, Response response, BiFunction<Integer, byte[], T> parser) {
    if (!response.isSuccess()) {
      throw Failures.api(call, request, response);
    }
    try {
      T body = parser.apply(response.status(), response.body());
      if (body == null && response.status() != 204) {
        throw new IllegalStateException("empty body");
      }
      return body;
    } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
      throw Failures.unreadable(call, request, response, "a body that is not the expected JSON", e);
    }
  }
}
