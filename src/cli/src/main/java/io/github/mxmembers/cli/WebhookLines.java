package io.github.mxmembers.cli;

import com.google.gson.JsonObject;
import io.github.mxmembers.webhook.ConnectionStatusChanged;
import io.github.mxmembers.webhook.EchoedCallbackPayload;
import io.github.mxmembers.webhook.JobStatusChanged;
import io.github.mxmembers.webhook.MemberChanged;
import io.github.mxmembers.webhook.MemberDataUpdated;
import io.github.mxmembers.webhook.WebhookEvent;
import java.util.Locale;

/**
 * How the tool shows a webhook: one line of text, or one JSON object. A webhook holds no secret (MX
 * sends none in them); the callback payload is the caller's own text, shown as sent.
 */
final class WebhookLines {
  private WebhookLines() {}

  /** {@return the kind and what it says, such as {@code CONNECTION_STATUS CHALLENGED member=MBR-...}} */
  static String line(WebhookEvent event) {
    StringBuilder line = new StringBuilder(event.kind().name());
    if (event instanceof ConnectionStatusChanged) {
      ((ConnectionStatusChanged) event).connectionStatusAsString().ifPresent(s -> line.append(' ').append(s));
    } else if (event instanceof MemberChanged) {
      event.action().ifPresent(a -> line.append(' ').append(a.toLowerCase(Locale.ROOT)));
    } else if (event instanceof MemberDataUpdated) {
      event.type().ifPresent(t -> line.append(' ').append(t));
    } else if (event instanceof JobStatusChanged) {
      ((JobStatusChanged) event).statusName().ifPresent(s -> line.append(' ').append(s));
    } else {
      event.type().ifPresent(t -> line.append(" type=").append(t));
      event.action().ifPresent(a -> line.append(" action=").append(a));
    }
    event.memberGuid().ifPresent(m -> line.append(" member=").append(m));
    event.userGuid().ifPresent(u -> line.append(" user=").append(u));
    event.callbackPayload().ifPresent(p -> line.append(" callback_payload=").append(Report.faithful(
        new com.google.gson.JsonPrimitive(p.text().orElse(p.raw())))));
    return line.toString();
  }

  /**
   * {@return {@code kind}, {@code type}, {@code action}, {@code member_guid}, {@code user_guid},
   * {@code callback_payload} (as received) and {@code callback_text} (decoded, where it decodes),
   * {@code deduplication_key} and {@code body} (as MX sent it)}
   */
  static JsonObject json(WebhookEvent event) {
    JsonObject json = new JsonObject();
    json.addProperty("kind", event.kind().name());
    event.type().ifPresent(t -> json.addProperty("type", t));
    event.action().ifPresent(a -> json.addProperty("action", a));
    event.memberGuid().ifPresent(m -> json.addProperty("member_guid", m));
    event.userGuid().ifPresent(u -> json.addProperty("user_guid", u));
    if (event.callbackPayload().isPresent()) {
      EchoedCallbackPayload payload = event.callbackPayload().get();
      json.addProperty("callback_payload", payload.raw());
      payload.text().ifPresent(text -> json.addProperty("callback_text", text));
    }
    json.addProperty("deduplication_key", event.deduplicationKey());
    json.add("body", event.body());
    return json;
  }
}
