package io.github.mxmembers.webhook;

/**
 * A webhook request whose credentials are missing or wrong: answered 401, its body not read or parsed,
 * delivered to no one. The message never holds what was sent.
 */
public final class WebhookAuthenticationException extends WebhookException {
  private static final long serialVersionUID = 1L;

  /**
   * Made by the SDK; public for tests that need one.
   *
   * @param message why; never a credential
   */
  public WebhookAuthenticationException(String message) {
    super(401, message);
  }
}
