package io.github.mxmembers.webhook;

import com.google.gson.JsonObject;
import io.github.mxmembers.internal.webhook.WebhookJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns what MX sent into a {@link WebhookEvent}, checking before it reads, as stripe-java's {@code
 * Webhook.constructEvent} does: the credentials first ({@link WebhookAuth}), then the body. For a
 * receiver that answers MX as MX asks (204 at once, re-sends delivered once, your listener run apart
 * from MX's request), use {@link WebhookReceiver}, which calls this.
 *
 * <pre>{@code
 * WebhookEvent event = Webhook.constructEvent(
 *     WebhookHeaders.of(request.headers()), request.body(), WebhookAuth.basic(user, password));
 * if (event instanceof ConnectionStatusChanged) { ... }
 * }</pre>
 */
public final class Webhook {
  /** The header MX returns an update's callback payload in. */
  public static final String CALLBACK_PAYLOAD_HEADER = "X-CALLBACK-PAYLOAD";

  private Webhook() {}

  /**
   * Verifies and reads one webhook.
   *
   * @param headers the request's headers
   * @param body the request's body, as received
   * @param auth the check agreed with MX
   * @return the event
   * @throws WebhookAuthenticationException (401) if the credentials are missing or wrong: the body is
   *     then not read at all
   * @throws WebhookException (400) if the body is not a JSON object in UTF-8; the message never
   *     quotes it
   */
  public static WebhookEvent constructEvent(WebhookHeaders headers, byte[] body, WebhookAuth auth) {
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(body, "body == null");
    Objects.requireNonNull(auth, "auth == null");
    if (!auth.verify(headers)) {
      throw new WebhookAuthenticationException("the webhook's credentials are missing or wrong");
    }
    return read(headers, body);
  }

  /** Reads a body whose request was verified already. */
  static WebhookEvent read(WebhookHeaders headers, byte[] body) {
    Map.Entry<String, JsonObject> read;
    try {
      read = WebhookJson.object(body);
    } catch (IllegalArgumentException e) {
      throw new WebhookException(400, e.getMessage());
    }
    String echoed = headers.first(CALLBACK_PAYLOAD_HEADER).orElse(null);
    JsonObject object = read.getValue();
    WebhookEvent.Kind kind = kindOf(object);
    String key =
        kind == WebhookEvent.Kind.INITIAL_DATA_READY && WebhookJson.text(object, "guid") != null
            ? "initial_data_ready:" + WebhookJson.text(object, "guid")
            : "sha256:" + hash(WebhookJson.canonical(object) + "\n" + (echoed == null ? "" : echoed));
    WebhookEvent.Parts parts =
        new WebhookEvent.Parts(read.getKey(), object, echoed == null ? null : EchoedCallbackPayload.of(echoed), key);
    switch (kind) {
      case JOB_STATUS:
        return new JobStatusChanged(parts);
      case MEMBER:
        return new MemberChanged(parts);
      case CONNECTION_STATUS:
        return new ConnectionStatusChanged(parts);
      case MEMBER_DATA_UPDATED:
        return new MemberDataUpdated(parts);
      case INITIAL_DATA_READY:
        return new InitialDataReady(parts);
      default:
        return new OtherWebhook(parts);
    }
  }

  /** How {@link WebhookEvent} says a body is told apart. */
  static WebhookEvent.Kind kindOf(JsonObject body) {
    if (WebhookJson.object(body, "job") != null) {
      return WebhookEvent.Kind.JOB_STATUS;
    }
    if (WebhookJson.object(body, "member") != null) {
      return WebhookEvent.Kind.MEMBER;
    }
    String type = lower(WebhookJson.text(body, "type"));
    String action = lower(WebhookJson.text(body, "action"));
    if ("connection_status".equals(type)) {
      return WebhookEvent.Kind.CONNECTION_STATUS;
    }
    if ("member_data_updated".equals(action)) {
      return WebhookEvent.Kind.MEMBER_DATA_UPDATED;
    }
    if ("initial_data_ready".equals(type)) {
      return WebhookEvent.Kind.INITIAL_DATA_READY;
    }
    String guid = WebhookJson.text(body, "guid");
    if (type == null
        && ("created".equals(action) || "updated".equals(action) || "deleted".equals(action))
        && guid != null
        && guid.startsWith("MBR-")) {
      return WebhookEvent.Kind.MEMBER;
    }
    return WebhookEvent.Kind.OTHER;
  }

  private static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  private static String hash(String text) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    StringBuilder hex = new StringBuilder(32);
    for (int i = 0; i < 16; i++) {
      hex.append(Character.forDigit((digest[i] >> 4) & 0xF, 16)).append(Character.forDigit(digest[i] & 0xF, 16));
    }
    return hex.toString();
  }
}
