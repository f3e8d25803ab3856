package io.github.mxmembers.internal.pipeline;

import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.internal.http.ErrorBody;
import io.github.mxmembers.internal.transport.RawResponse;

/** A response as the pipeline hands it on: the raw response, its request id, and its error body parsed once. */
@InternalApi
public final class Response {
  /**
   * The header MX's request id is read from. MX's reference pages do not name it; {@code
   * X-Request-Id} is the common convention, and the one place to change if MX uses another.
   */
  public static final String REQUEST_ID_HEADER = "X-Request-Id";

  private final RawResponse raw;
  private final String requestId;
  private ErrorBody error;

  Response(RawResponse raw) {
    this.raw = raw;
    this.requestId = raw.header(REQUEST_ID_HEADER);
  }

  public int status() {
    return raw.status();
  }

  public boolean isSuccess() {
    return raw.status() >= 200 && raw.status() < 300;
  }

  /** The first value of a header, or null. */
  public String header(String name) {
    return raw.header(name);
  }

  public byte[] body() {
    return raw.body();
  }

  /** MX's request id, or null when the response has none. */
  public String requestId() {
    return requestId;
  }

  /** MX's error code and message, parsed from the body on first use and kept. */
  public ErrorBody error() {
    if (error == null) {
      error = ErrorBody.parse(raw.body());
    }
    return error;
  }
}
