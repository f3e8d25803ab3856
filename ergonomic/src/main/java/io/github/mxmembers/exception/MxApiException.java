package io.github.mxmembers.exception;

import io.github.mxmembers.MxApi;
import java.util.Optional;

/**
 * MX answered with an error status. Branch on {@link #status()}: MX says its error codes and
 * messages may change.
 */
public class MxApiException extends MxException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status. */
  private final int status;
  /** MX's error code, or null. */
  private final Integer mxCode;
  /** MX's error message, or null. */
  private final String mxMessage;

  /**
   * Made by the SDK when MX answers with an error status; public for tests that need one.
   *
   * @param api the API called
   * @param requestLine method and path, such as {@code PUT /members/MBR-1}; never a header or body
   * @param status the HTTP status
   * @param mxCode MX's error code from the body, or null
   * @param mxMessage MX's error message from the body, or null
   * @param attempts the attempts made
   * @param requestId MX's request id from the response, or null
   */
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

  /** {@return the HTTP status} */
  public int status() {
    return status;
  }

  /** {@return MX's error code, where the body carried one (Nexus: 4011 means the session expired)} */
  public Optional<Integer> mxCode() {
    return Optional.ofNullable(mxCode);
  }

  /** {@return MX's error message, where the body carried one} */
  public Optional<String> mxMessage() {
    return Optional.ofNullable(mxMessage);
  }
}
