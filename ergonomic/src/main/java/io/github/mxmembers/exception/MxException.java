package io.github.mxmembers.exception;

import io.github.mxmembers.MxApi;
import java.util.Optional;

/**
 * The root of every failure of a call to MX. Messages never hold credentials, keys or tokens; they
 * give MX's request id, where MX sent one, for MX's support.
 */
public class MxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The API the call went to. */
  private final MxApi api;
  /** The attempts made. */
  private final int attempts;
  /** MX's request id from the last response, or null. */
  private final String requestId;

  /**
   * Made by the SDK; public for tests that need one.
   *
   * @param api the API called
   * @param message what happened; never a secret
   * @param attempts the attempts made
   * @param requestId MX's request id from the last response, or null
   * @param cause the underlying failure, or null
   */
  public MxException(MxApi api, String message, int attempts, String requestId, Throwable cause) {
    super(message, cause);
    this.api = api;
    this.attempts = attempts;
    this.requestId = requestId;
  }

  /** {@return the API the call went to} */
  public MxApi api() {
    return api;
  }

  /** {@return how many attempts were made before giving up} */
  public int attempts() {
    return attempts;
  }

  /**
   * {@return MX's request id from the last response, where it sent one}
   * It is read from {@code X-Request-Id}: MX's reference pages do not name the header.
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }
}
