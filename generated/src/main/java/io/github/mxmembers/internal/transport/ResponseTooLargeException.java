package io.github.mxmembers.internal.transport;

import io.github.mxmembers.annotations.InternalApi;
import java.io.IOException;

/**
 * A response body larger than {@link HttpTransport#MAX_BODY_BYTES}: the attempt is abandoned rather
 * than filling the heap. Another attempt would be as large, so it is not a transient failure.
 */
@InternalApi
public final class ResponseTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;

  ResponseTooLargeException(int status, String size) {
    super("the response body is " + size + ", over the limit of " + HttpTransport.MAX_BODY_BYTES + " bytes");
    this.status = status;
  }

  /** The status of the response whose body was too large. */
  public int status() {
    return status;
  }
}
