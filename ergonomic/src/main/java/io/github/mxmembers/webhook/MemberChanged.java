package io.github.mxmembers.webhook;

import com.google.gson.JsonObject;
import io.github.mxmembers.internal.webhook.WebhookJson;
import io.github.mxmembers.model.ConnectionStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * MX's Members webhook: a member "is created, updated, or deleted in the MX system for any user on
 * that partner's client" (MX's Members webhook page), with the {@code X-CALLBACK-PAYLOAD} header "if
 * it was set in the Create Member or Update Member Platform API request that initiated this
 * webhook". The page's example and the end of its field table were not readable: the root is taken
 * to be {@code member}, as in every resource webhook MX shows ({@code {"action": "created", "user":
 * {...}}}), and a flat body with the member's fields at the top level is read alike; {@code action}
 * is taken to be {@code created}, {@code updated} or {@code deleted}, as the page words it, in any
 * case, any other value kept raw. Times are read as Unix seconds (the page's Integer) or ISO-8601 (as
 * the API has them). A Platform member update always brings one (MX documents no skip flag there); on
 * Nexus {@code MX-Skip-Webhook} skips it.
 */
public final class MemberChanged extends WebhookEvent {
  /** What happened to the member. */
  public enum Action {
    /** {@code created}. */
    CREATED,
    /** {@code updated}. */
    UPDATED,
    /** {@code deleted}. */
    DELETED,
    /** A value this SDK does not know: see {@link #action()}. */
    UNKNOWN_TO_SDK_VERSION
  }

  MemberChanged(Parts parts) {
    super(Kind.MEMBER, parts);
  }

  /** The member's fields: under {@code member}, or the body itself when flat. */
  private JsonObject member() {
    JsonObject rooted = WebhookJson.object(raw(), "member");
    return rooted != null ? rooted : raw();
  }

  /** {@return what happened: {@code action} typed; {@link Action#UNKNOWN_TO_SDK_VERSION} for another value} */
  public Action memberAction() {
    String action = action().orElse("").toUpperCase(Locale.ROOT);
    switch (action) {
      case "CREATED":
        return Action.CREATED;
      case "UPDATED":
        return Action.UPDATED;
      case "DELETED":
        return Action.DELETED;
      default:
        return Action.UNKNOWN_TO_SDK_VERSION;
    }
  }

  @Override
  public Optional<String> memberGuid() {
    JsonObject member = member();
    String guid = text(member, "guid");
    return Optional.ofNullable(guid != null ? guid : text(member, "member_guid"));
  }

  @Override
  public Optional<String> userGuid() {
    String guid = text(member(), "user_guid");
    return Optional.ofNullable(guid != null ? guid : text(raw(), "user_guid"));
  }

  /** {@return the member's partner-defined {@code id}} */
  public Optional<String> memberId() {
    return Optional.ofNullable(text(member(), "id"));
  }

  /** {@return {@code connection_status} as MX sent it} */
  public Optional<String> connectionStatusAsString() {
    return Optional.ofNullable(text(member(), "connection_status"));
  }

  /** {@return the status typed, whatever its case; {@link ConnectionStatus#UNKNOWN} for a value this SDK does not know} */
  public Optional<ConnectionStatus> connectionStatus() {
    return connectionStatusAsString().map(s -> ConnectionStatus.fromValue(s.toUpperCase(Locale.ROOT)));
  }

  /** {@return {@code is_being_aggregated}} */
  public Optional<Boolean> isBeingAggregated() {
    return WebhookJson.bool(member(), "is_being_aggregated");
  }

  /** {@return {@code aggregated_at}: when the latest aggregation started} */
  public Optional<Instant> aggregatedAt() {
    return WebhookJson.time(member(), "aggregated_at");
  }

  /** {@return the member object as MX sent it: a copy of {@code member}, or of the body when flat} */
  public JsonObject memberJson() {
    return member().deepCopy();
  }
}
