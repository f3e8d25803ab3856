package io.github.mxmembers.bulk;

import com.google.gson.JsonObject;
import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.exception.MxException;
import io.github.mxmembers.exception.MxResponseException;
import io.github.mxmembers.exception.MxTransportException;
import io.github.mxmembers.model.MemberUpdateResult;
import java.util.Objects;
import java.util.Optional;

/** What became of one item. */
public final class BulkOutcome {
  /** The kinds of outcome. */
  public enum Kind {
    /** MX took the update (200, 202 or 204). */
    DONE,
    /** It was sent and failed: MX's error, no response, or an unreadable one. */
    FAILED,
    /** Bad input: nothing was sent. */
    INVALID,
    /** The journal says an earlier run finished it: nothing was sent. */
    SKIPPED
  }

  private final long key;
  private final Kind kind;
  private final MemberUpdateResult result;
  private final RuntimeException failure;
  private final String reasonBefore;

  private BulkOutcome(long key, Kind kind, MemberUpdateResult result, RuntimeException failure, String reasonBefore) {
    this.key = key;
    this.kind = kind;
    this.result = result;
    this.failure = failure;
    this.reasonBefore = reasonBefore;
  }

  /**
   * The item was sent and MX took it, as a run reports it and as a unit test stubs one.
   *
   * @param item the item
   * @param result what the update returned; null when not known
   * @return the outcome
   */
  public static BulkOutcome done(BulkItem item, MemberUpdateResult result) {
    return new BulkOutcome(item.key(), Kind.DONE, result, null, null);
  }

  /**
   * The item was sent and failed.
   *
   * @param item the item
   * @param failure why, such as an {@link MxException}; a checked one is wrapped in an {@link
   *     IllegalStateException}
   * @return the outcome
   */
  public static BulkOutcome failed(BulkItem item, Throwable failure) {
    Objects.requireNonNull(failure, "failure == null");
    RuntimeException e = failure instanceof RuntimeException ? (RuntimeException) failure : new IllegalStateException(failure);
    return new BulkOutcome(item.key(), Kind.FAILED, null, e, null);
  }

  /**
   * The item was not sent: its input is bad.
   *
   * @param item the item
   * @param failure what is wrong with it
   * @return the outcome
   */
  public static BulkOutcome invalid(BulkItem item, RuntimeException failure) {
    return new BulkOutcome(item.key(), Kind.INVALID, null, Objects.requireNonNull(failure, "failure == null"), null);
  }

  /**
   * The item was not sent: an earlier run's journal has it finished.
   *
   * @param item the item
   * @param reasonBefore the reason of the failure the earlier run recorded, or null if it was done
   * @return the outcome
   */
  public static BulkOutcome skipped(BulkItem item, String reasonBefore) {
    return new BulkOutcome(item.key(), Kind.SKIPPED, null, null, reasonBefore);
  }

  /** {@return the item's key} */
  public long key() {
    return key;
  }

  /** {@return what became of it} */
  public Kind kind() {
    return kind;
  }

  /** {@return the result, when it was done} */
  public Optional<MemberUpdateResult> result() {
    return Optional.ofNullable(result);
  }

  /** {@return why it failed or was invalid: an {@link MxException}, or the bad input's exception} */
  public Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }

  /** {@return for a skipped item: whether the earlier run recorded it as failed or invalid} */
  public boolean failedBefore() {
    return reasonBefore != null;
  }

  /**
   * {@return for a skipped item the earlier run recorded as failed or invalid: its {@link #reason()}
   * then ({@code "invalid"}, an HTTP status, {@code "transport"}, {@code "unreadable"}), so that a
   * rerun can report the whole input as the first run did}
   */
  public Optional<String> reasonBefore() {
    return Optional.ofNullable(reasonBefore);
  }

  /** {@return the last HTTP status: the result's, the API error's, or 0 when there was none} */
  public int status() {
    if (result != null) {
      return result.status();
    }
    return failure instanceof MxApiException ? ((MxApiException) failure).status() : 0;
  }

  /** {@return MX's error code, for an API error that had one} */
  public Optional<Integer> mxCode() {
    return failure instanceof MxApiException ? ((MxApiException) failure).mxCode() : Optional.empty();
  }

  /** {@return MX's request id of the last response, if there was one} */
  public Optional<String> requestId() {
    if (result != null) {
      return result.requestId();
    }
    return failure instanceof MxException ? ((MxException) failure).requestId() : Optional.empty();
  }

  /**
   * {@return in a word, why it failed: the HTTP status ({@code "409"}), {@code "transport"},
   * {@code "unreadable"} or {@code "invalid"}; null when it did not fail}
   */
  public String reason() {
    if (kind == Kind.INVALID) {
      return "invalid";
    }
    if (failure instanceof MxApiException) {
      return String.valueOf(((MxApiException) failure).status());
    }
    if (failure instanceof MxTransportException) {
      return "transport";
    }
    if (failure instanceof MxResponseException) {
      return "unreadable";
    }
    return failure == null ? null : failure.getClass().getSimpleName();
  }

  /** The journal's entry: no credential value, no member data. */
  JsonObject journalEntry() {
    JsonObject entry = new JsonObject();
    entry.addProperty("outcome", kind == Kind.DONE ? "done" : kind == Kind.INVALID ? "invalid" : "failed");
    if (kind != Kind.DONE) {
      entry.addProperty("reason", reason());
    }
    if (kind == Kind.INVALID) {
      entry.addProperty("problem", failure.getMessage());
    }
    if (status() != 0) {
      entry.addProperty("status", status());
    }
    mxCode().ifPresent(code -> entry.addProperty("mx_code", code));
    requestId().ifPresent(id -> entry.addProperty("request_id", id));
    return entry;
  }

  /** {@return a description for logs and debugging, which never holds a secret} */
  @Override
  public String toString() {
    return "BulkOutcome{key=" + key + ", " + kind + (reason() == null ? "" : " " + reason()) + ", status=" + status() + "}";
  }
}
