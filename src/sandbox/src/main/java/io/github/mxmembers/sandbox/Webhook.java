package io.github.mxmembers.sandbox;

import java.util.Optional;

/** A Member webhook the sandbox would have sent, with the callback payload MX echoes back: one per update ({@link SandboxEvent.Type#MEMBER_UPDATED}) not sent with {@code MX-Skip-Webhook}. */
public final class Webhook {
  private final String memberGuid;
  private final String callbackPayload;

  Webhook(String memberGuid, String callbackPayload) {
    this.memberGuid = memberGuid;
    this.callbackPayload = callbackPayload;
  }

  /** {@return the guid of the member the webhook is about} */
  public String memberGuid() {
    return memberGuid;
  }

  /** {@return the {@code X-CALLBACK-PAYLOAD} of the update, base64 as received; empty when none was sent} */
  public Optional<String> callbackPayload() {
    return Optional.ofNullable(callbackPayload);
  }

  /** {@return a description for logs and debugging, which never holds a secret} */
  @Override
  public String toString() {
    return "Webhook{member=" + memberGuid + ", callbackPayload=" + (callbackPayload != null) + "}";
  }
}
