package io.github.mxmembers.exception;

import io.github.mxmembers.MxApi;

/** MX answered with a success status but a body that is not the JSON expected (HTML, empty, malformed). */
public class MxResponseException extends MxException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public MxResponseException(
      MxApi api, String message, int status, int attempts, String requestId, Throwable cause) {
    super(api, message, attempts, requestId, cause);
    this.status = status;
  }

  /** The HTTP status of the unreadable response. */
  public int status() {
    return status;
  }
}
