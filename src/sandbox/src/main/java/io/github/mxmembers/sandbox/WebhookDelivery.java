package io.github.mxmembers.sandbox;

import io.github.mxmembers.webhook.WebhookEvent;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One attempt of the sandbox to deliver a webhook ({@link MxSandbox#webhooks()}): what it sent, where,
 * when on the sandbox's clock, and what it was answered. Immutable. Its {@link #toString()} holds no
 * credential and no body.
 */
public final class WebhookDelivery {
  private final WebhookEvent.Kind kind;
  private final String memberGuid;
  private final URI url;
  private final int attempt;
  private final Instant at;
  private final int status;
  private final String json;
  private final String callbackPayload;
  private final Instant nextAttemptAt;

  WebhookDelivery(
      WebhookEvent.Kind kind,
      String memberGuid,
      URI url,
      int attempt,
      Instant at,
      int status,
      String json,
      String callbackPayload,
      Instant nextAttemptAt) {
    this.kind = Objects.requireNonNull(kind);
    this.memberGuid = memberGuid;
    this.url = url;
    this.attempt = attempt;
    this.at = at;
    this.status = status;
    this.json = json;
    this.callbackPayload = callbackPayload;
    this.nextAttemptAt = nextAttemptAt;
  }

  /** {@return which webhook: {@code CONNECTION_STATUS}, {@code MEMBER} or {@code MEMBER_DATA_UPDATED}} */
  public WebhookEvent.Kind kind() {
    return kind;
  }

  /** {@return the guid of the member it is about} */
  public String memberGuid() {
    return memberGuid;
  }

  /** {@return where it was posted} */
  public URI url() {
    return url;
  }

  /** {@return which attempt: 1 for the first, up to 13 (MX retries "no more than 12" times)} */
  public int attempt() {
    return attempt;
  }

  /** {@return when it was sent, on the sandbox's clock} */
  public Instant at() {
    return at;
  }

  /** {@return the status the receiver answered; empty when it gave no answer (refused, reset, timed out)} */
  public OptionalInt status() {
    return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** {@return whether the receiver took it: a 2xx answer} */
  public boolean delivered() {
    return status >= 200 && status < 300;
  }

  /** {@return the body as sent} */
  public String json() {
    return json;
  }

  /** {@return the {@code X-CALLBACK-PAYLOAD} header sent with it, base64 as the update had it; empty when none} */
  public Optional<String> callbackPayload() {
    return Optional.ofNullable(callbackPayload);
  }

  /** {@return when the sandbox sends it again, on its clock: empty once delivered or after the last attempt} */
  public Optional<Instant> nextAttemptAt() {
    return Optional.ofNullable(nextAttemptAt);
  }

  /** {@return a description for logs and debugging, which never holds a secret or the body} */
  @Override
  public String toString() {
    return "WebhookDelivery{" + kind + " " + memberGuid + " #" + attempt + " -> " + (status < 0 ? "no answer" : status)
        + (callbackPayload == null ? "" : ", callback payload") + "}";
  }
}
