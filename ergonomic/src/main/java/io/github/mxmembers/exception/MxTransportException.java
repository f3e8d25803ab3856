package io.github.mxmembers.exception;

import io.github.mxmembers.MxApi;

/** No complete response came back: the connection failed, was dropped, or timed out. */
public class MxTransportException extends MxException {
  private static final long serialVersionUID = 1L;

  /** @param requestId MX's request id from an earlier attempt's response, or null */
  public MxTransportException(MxApi api, String message, int attempts, String requestId, Throwable cause) {
    super(api, message, attempts, requestId, cause);
  }
}
