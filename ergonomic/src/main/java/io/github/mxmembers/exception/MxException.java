package io.github.mxmembers.exception;

import io.github.mxmembers.MxApi;
import java.util.Optional;

/**
 * The root of every failure of a call to MX. Messages never hold credentials, keys or tokens; they
 * give MX's request id, where MX sent one, for MX's support.
 */
public class MxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final MxApi api;
  private final int attempts;
  private final String requestId;

  public MxException(MxApi api, String message, int attempts, String requestId, Throwable cause) {
    super(message, cause);
    this.api = api;
    this.attempts = attempts;
    this.requestId = requestId;
  }

  /** The API the call went to. */
  public MxApi api() {
    return api;
  }

  /** How many attempts were made before giving up. */
  public int attempts() {
    return attempts;
  }

  /**
   * MX's request id from the last response, where it sent one (read from {@code X-Request-Id}: MX's
   * reference pages do not name the header).
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }
}
