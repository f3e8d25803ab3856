package io.github.mxmembers.webhook;

/**
 * A webhook request that is not taken: its credentials failed ({@link #status()} 401) or its body is
 * not what MX sends (400), or it is too large (413). The message says what is wrong and never quotes
 * a header value or the body.
 */
public class WebhookException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status to answer with. */
  private final int status;

  /**
   * Made by the SDK; public for tests that need one.
   *
   * @param status the HTTP status to answer with
   * @param message what is wrong; never a header value or the body
   */
  public WebhookException(int status, String message) {
    super(message, null);
    this.status = status;
  }

  /** {@return the HTTP status a receiver answers with: 401, 400 or 413} */
  public int status() {
    return status;
  }
}
