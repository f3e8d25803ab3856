package io.github.mxmembers.exception;

import io.github.mxmembers.MxApi;

/** No complete response came back: the connection failed, was dropped, or timed out. */
public class MxTransportException extends MxException {
  private static final long serialVersionUID = 1L;

  /** Whether the deadline passed. */
  private final boolean deadlinePassed;

  /**
   * Made by the SDK when no complete response came back; public for tests that need one.
   *
   * @param api the API called
   * @param message what failed; never a secret
   * @param attempts the attempts made
   * @param requestId MX's request id from an earlier attempt's response, or null
   * @param cause the I/O failure, or null
   */
  public MxTransportException(MxApi api, String message, int attempts, String requestId, Throwable cause) {
    this(api, message, attempts, requestId, cause, false);
  }

  /**
   * Made by the SDK; public for tests that need one.
   *
   * @param api the API called
   * @param message what failed; never a secret
   * @param attempts the attempts made
   * @param requestId MX's request id from an earlier attempt's response, or null
   * @param cause the I/O failure, or null
   * @param deadlinePassed whether the call's deadline passed, rather than the connection failing
   */
  public MxTransportException(
      MxApi api, String message, int attempts, String requestId, Throwable cause, boolean deadlinePassed) {
    super(api, message, attempts, requestId, cause);
    this.deadlinePassed = deadlinePassed;
  }

  /**
   * {@return whether the call ended because its deadline passed (the call timeout, or the deadline
   * of the wait a status read belonged to), rather than because the connection failed}
   */
  public boolean deadlinePassed() {
    return deadlinePassed;
  }
}
