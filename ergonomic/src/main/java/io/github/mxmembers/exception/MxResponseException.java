package io.github.mxmembers.exception;

import io.github.mxmembers.MxApi;

/** MX answered with a success status but a body that is not the JSON expected (HTML, empty, malformed). */
public class MxResponseException extends MxException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status of the unreadable response. */
  private final int status;

  /**
   * Made by the SDK when a success response cannot be read; public for tests that need one.
   *
   * @param api the API called
   * @param message what was wrong with the body; never its content
   * @param status the HTTP status of the response
   * @param attempts the attempts made
   * @param requestId MX's request id from the response, or null
   * @param cause the parse failure, or null
   */
  public MxResponseException(
      MxApi api, String message, int status, int attempts, String requestId, Throwable cause) {
    super(api, message, attempts, requestId, cause);
    this.status = status;
  }

  /** {@return the HTTP status of the unreadable response} */
  public int status() {
    return status;
  }
}
