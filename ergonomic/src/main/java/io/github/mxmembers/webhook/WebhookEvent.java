package io.github.mxmembers.webhook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.mxmembers.model.MemberRef;
import java.util.Optional;

/**
 * A webhook MX sent, verified and read ({@link Webhook#constructEvent}): one subclass per kind that
 * concerns members, and {@link OtherWebhook} for any other, never dropped. Every field is read
 * leniently, as MX's payloads "may contain null values or include unexpected new fields" (MX's
 * Webhooks page): one absent, null or of an unexpected type reads as empty, and {@link #json()} and
 * {@link #body()} keep all MX sent, new fields included. Raw {@link #type()} and {@link #action()}
 * are kept beside each typed value. Immutable and thread-safe.
 *
 * <p>How a body is told apart (MX's pages show no single rule; this one accepts each shape they
 * show, flat or rooted): a top-level {@code job} object is a {@link JobStatusChanged}; a top-level
 * {@code member} object a {@link MemberChanged}; {@code type} {@code CONNECTION_STATUS} a {@link
 * ConnectionStatusChanged}; {@code action} {@code member_data_updated} a {@link MemberDataUpdated};
 * {@code type} {@code initial_data_ready} an {@link InitialDataReady}; a flat body with an {@code
 * action} of {@code created}, {@code updated} or {@code deleted} and a member {@code guid} ({@code
 * MBR-...}) a {@link MemberChanged} too; anything else an {@link OtherWebhook}. Values are matched in
 * any case.
 */
public abstract sealed class WebhookEvent
    permits ConnectionStatusChanged, MemberChanged, MemberDataUpdated, InitialDataReady, JobStatusChanged, OtherWebhook {
  /** Which kind of webhook. */
  public enum Kind {
    /** MX's Connection Status webhook: a member entered an end-user-actionable status. */
    CONNECTION_STATUS,
    /** MX's Members webhook: a member was created, updated or deleted. */
    MEMBER,
    /** The {@code member_data_updated} family: AGGREGATION, BALANCE, HISTORY, STATEMENT, VERIFICATION, REWARD... */
    MEMBER_DATA_UPDATED,
    /** Initial Data Ready (Platform API v20250224). */
    INITIAL_DATA_READY,
    /** Job Status (the Nexus API's jobs). */
    JOB_STATUS,
    /** Any other webhook, kept whole. */
    OTHER
  }

  private final Kind kind;
  private final String json;
  private final JsonObject body;
  private final EchoedCallbackPayload callbackPayload;
  private final String deduplicationKey;

  WebhookEvent(Kind kind, Parts parts) {
    this.kind = kind;
    this.json = parts.json;
    this.body = parts.body;
    this.callbackPayload = parts.callbackPayload;
    this.deduplicationKey = parts.deduplicationKey;
  }

  /** What every event is made of: the body as text and as read, the echoed payload, the key. */
  static final class Parts {
    final String json;
    final JsonObject body;
    final EchoedCallbackPayload callbackPayload;
    final String deduplicationKey;

    Parts(String json, JsonObject body, EchoedCallbackPayload callbackPayload, String deduplicationKey) {
      this.json = json;
      this.body = body;
      this.callbackPayload = callbackPayload;
      this.deduplicationKey = deduplicationKey;
    }
  }

  /** {@return which kind of webhook this is} */
  public Kind kind() {
    return kind;
  }

  /** {@return the body's {@code type} as MX sent it, where it has one (Job Status and Members have none)} */
  public Optional<String> type() {
    return Optional.ofNullable(text(body, "type"));
  }

  /** {@return the body's {@code action} as MX sent it, where it has one} */
  public Optional<String> action() {
    return Optional.ofNullable(text(body, "action"));
  }

  /**
   * {@return MX's guid of the member the webhook is about ({@code MBR-...}), where it names one: the
   * flat webhooks' {@code member_guid}; a Members webhook's {@code member.guid}; a Job Status
   * webhook's {@code job.member_guid}}
   */
  public Optional<String> memberGuid() {
    return Optional.ofNullable(text(body, "member_guid"));
  }

  /** {@return MX's guid of the member's user ({@code USR-...}), where it names one ({@code user_guid})} */
  public Optional<String> userGuid() {
    return Optional.ofNullable(text(body, "user_guid"));
  }

  /**
   * {@return the member as a Platform API call takes it ({@link MemberRef#of(String, String)}), where
   * the webhook names both the user and the member; the guids as MX sent them}
   */
  public Optional<MemberRef> platformMember() {
    try {
      return userGuid().isPresent() && memberGuid().isPresent()
          ? Optional.of(MemberRef.of(userGuid().get(), memberGuid().get()))
          : Optional.empty();
    } catch (IllegalArgumentException notAnIdentifier) {
      return Optional.empty();
    }
  }

  /** {@return the member as a Nexus API call takes it ({@link MemberRef#of(String)}), where the webhook names it} */
  public Optional<MemberRef> nexusMember() {
    try {
      return memberGuid().map(MemberRef::of);
    } catch (IllegalArgumentException notAnIdentifier) {
      return Optional.empty();
    }
  }

  /** {@return the {@code X-CALLBACK-PAYLOAD} header MX sent with the webhook, where it sent one} */
  public Optional<EchoedCallbackPayload> callbackPayload() {
    return Optional.ofNullable(callbackPayload);
  }

  /** {@return the body as MX sent it: the JSON text, every field kept} */
  public String json() {
    return json;
  }

  /** {@return the body as read: a copy, every field kept, new ones included} */
  public JsonObject body() {
    return body.deepCopy();
  }

  /**
   * One field of the body as MX sent it, for a field this SDK does not type (yet).
   *
   * @param name the field's name at the top level of the body
   * @return a copy of its value; empty when the body has no such field
   */
  public Optional<JsonElement> field(String name) {
    JsonElement value = body.get(name);
    return value == null ? Optional.empty() : Optional.of(value.deepCopy());
  }

  /**
   * {@return the key re-sends of this webhook share, which a {@link WebhookReceiver} delivers once:
   * {@code initial_data_ready:} and the webhook's own {@code guid} for Initial Data Ready (the only
   * webhook MX gives an id); otherwise {@code sha256:} and the first 128 bits, in hex, of the SHA-256
   * of the body written canonically (fields sorted at every level, no white space) followed by a
   * newline and the {@code X-CALLBACK-PAYLOAD} header. MX re-sends "the same ... payload" after an
   * error (MX's Webhooks page), and "the order of fields isn't guaranteed"}
   */
  public String deduplicationKey() {
    return deduplicationKey;
  }

  /** The body, for subclasses. */
  final JsonObject raw() {
    return body;
  }

  static String text(JsonObject object, String name) {
    return io.github.mxmembers.internal.webhook.WebhookJson.text(object, name);
  }

  /** {@return the kind, type, action and member guid: never the body, which is your users' data} */
  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "{"
        + type().map(t -> "type=" + t + ", ").orElse("")
        + action().map(a -> "action=" + a + ", ").orElse("")
        + "member="
        + memberGuid().orElse("?")
        + (callbackPayload == null ? "" : ", callbackPayload")
        + "}";
  }
}
