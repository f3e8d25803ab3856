package io.github.mxmembers.exception;

import io.github.mxmembers.MxApi;
import java.util.Optional;

/**
 * MX answered with an error status. Branch on {@link #status()}: MX says its error codes and
 * messages may change.
 */
public class MxApiException extends MxException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final Integer mxCode;
  private final String mxMessage;

  public MxApiException(
      MxApi api,
      String requestLine,
      int status,
      Integer mxCode,
      String mxMessage,
      int attempts,
      String requestId) {
    super(api, message(api, requestLine, status, mxCode, mxMessage, attempts, requestId), attempts, requestId, null);
    this.status = status;
    this.mxCode = mxCode;
    this.mxMessage = mxMessage;
  }

  /** For example {@code MX Nexus API answered 401 (code 4011, request id r-1) to PUT /members/MBR-1 after 2 attempts: Session expired}. */
  private static String message(
      MxApi api, String requestLine, int status, Integer code, String mxMessage, int attempts, String requestId) {
    StringBuilder sb = new StringBuilder();
    sb.append(api).append(" answered ").append(status);
    if (code != null || requestId != null) {
      sb.append(" (");
      if (code != null) {
        sb.append("code ").append(code).append(requestId != null ? ", " : "");
      }
      if (requestId != null) {
        sb.append("request id ").append(requestId);
      }
      sb.append(')');
    }
    sb.append(" to ").append(requestLine);
    sb.append(" after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts");
    if (mxMessage != null) {
      sb.append(": ").append(mxMessage);
    }
    return sb.toString();
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** MX's error code, where the body carried one (Nexus: 4011 means the session expired). */
  public Optional<Integer> mxCode() {
    return Optional.ofNullable(mxCode);
  }

  /** MX's error message, where the body carried one. */
  public Optional<String> mxMessage() {
    return Optional.ofNullable(mxMessage);
  }
}
