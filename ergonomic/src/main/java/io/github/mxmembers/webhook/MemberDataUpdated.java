package io.github.mxmembers.webhook;

import io.github.mxmembers.internal.webhook.WebhookJson;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code member_data_updated} webhooks, told apart by {@code type} (MX's Aggregation, Balance,
 * Statements, Verifications and Rewards webhook pages): new data after a completed aggregation
 * ("including background aggregations"), balance, history, statement or rewards fetch, or a
 * successful verification. An AGGREGATION one is how a webhook says an aggregation ended well; MX
 * returns the update's {@code X-CALLBACK-PAYLOAD} with these ("Member Data Updated webhooks", MX's
 * {@code xCallback} parameter). MX says more types "may be added at any time": those are {@link
 * DataType#UNKNOWN_TO_SDK_VERSION} with the raw {@link #type()}.
 */
public final class MemberDataUpdated extends WebhookEvent {
  /** The {@code type} of data that was updated. */
  public enum DataType {
    /** {@code AGGREGATION}: new or updated data after an aggregation. */
    AGGREGATION,
    /** {@code BALANCE}: a balance fetch. */
    BALANCE,
    /** {@code HISTORY}: a history fetch. */
    HISTORY,
    /** {@code STATEMENT}: a statement fetch. */
    STATEMENT,
    /** {@code VERIFICATION}: a successful verification. */
    VERIFICATION,
    /** {@code REWARD}: a rewards fetch. */
    REWARD,
    /** A value this SDK does not know: see {@link #type()}. */
    UNKNOWN_TO_SDK_VERSION
  }

  MemberDataUpdated(Parts parts) {
    super(Kind.MEMBER_DATA_UPDATED, parts);
  }

  /** {@return {@code type} typed, whatever its case} */
  public DataType dataType() {
    String type = type().orElse("").toUpperCase(Locale.ROOT);
    for (DataType known : DataType.values()) {
      if (known.name().equals(type) && known != DataType.UNKNOWN_TO_SDK_VERSION) {
        return known;
      }
    }
    return DataType.UNKNOWN_TO_SDK_VERSION;
  }

  /** {@return the user's partner-defined {@code user_id}} */
  public Optional<String> userId() {
    return Optional.ofNullable(text(raw(), "user_id"));
  }

  /** {@return {@code job_guid}: MX's job; MX says Platform API partners should ignore it} */
  public Optional<String> jobGuid() {
    return Optional.ofNullable(text(raw(), "job_guid"));
  }

  /** {@return {@code completed_at}: when the process finished (Unix seconds, or ISO-8601)} */
  public Optional<Instant> completedAt() {
    return WebhookJson.time(raw(), "completed_at");
  }

  /** {@return {@code completed_on}: the date it finished} */
  public Optional<LocalDate> completedOn() {
    return WebhookJson.date(raw(), "completed_on");
  }

  /** {@return {@code is_background}: whether MX aggregated in the background rather than on request} */
  public Optional<Boolean> isBackground() {
    return WebhookJson.bool(raw(), "is_background");
  }

  /** {@return {@code transactions_created_count}} */
  public OptionalLong transactionsCreated() {
    return WebhookJson.number(raw(), "transactions_created_count");
  }

  /** {@return {@code transactions_updated_count}} */
  public OptionalLong transactionsUpdated() {
    return WebhookJson.number(raw(), "transactions_updated_count");
  }

  /** {@return {@code accounts} of a VERIFICATION: account guids, from an array or one string (MX's page shows both)} */
  public List<String> accounts() {
    return WebhookJson.texts(raw(), "accounts");
  }
}
