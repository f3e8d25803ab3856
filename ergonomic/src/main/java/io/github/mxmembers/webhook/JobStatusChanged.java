package io.github.mxmembers.webhook;

import com.google.gson.JsonObject;
import io.github.mxmembers.internal.webhook.WebhookJson;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * MX's Job Status webhook, rooted in {@code job} (MX's Job Status webhook page): a Nexus job "hits an
 * actionable state": DENIED, PREVENTED, HALTED, COMPLETED or CHALLENGED, the states Nexus's read job
 * shows. {@code status_name} and {@code status} are kept open: HALTED is not among the job codes MX's
 * Nexus pages list. MX's table spells {@code insitution_guid}; both spellings are read.
 */
public final class JobStatusChanged extends WebhookEvent {
  JobStatusChanged(Parts parts) {
    super(Kind.JOB_STATUS, parts);
  }

  private JsonObject job() {
    JsonObject job = WebhookJson.object(raw(), "job");
    return job != null ? job : raw();
  }

  /** {@return the job's {@code guid} ({@code JOB-...})} */
  public Optional<String> jobGuid() {
    return Optional.ofNullable(text(job(), "guid"));
  }

  @Override
  public Optional<String> memberGuid() {
    return Optional.ofNullable(text(job(), "member_guid"));
  }

  @Override
  public Optional<String> userGuid() {
    return Optional.ofNullable(text(job(), "user_guid"));
  }

  /** {@return {@code status_name} as MX sent it, such as {@code COMPLETED}} */
  public Optional<String> statusName() {
    return Optional.ofNullable(text(job(), "status_name"));
  }

  /** {@return {@code status}: MX's integer for the job status} */
  public OptionalInt status() {
    return WebhookJson.integer(job(), "status");
  }

  /** {@return {@code is_authenticated}: whether the credentials and any MFA were accepted} */
  public Optional<Boolean> isAuthenticated() {
    return WebhookJson.bool(job(), "is_authenticated");
  }

  /** {@return {@code error_message}, where the job has one} */
  public Optional<String> errorMessage() {
    return Optional.ofNullable(text(job(), "error_message"));
  }

  /** {@return the member's partner-defined {@code member_id}} */
  public Optional<String> memberId() {
    return Optional.ofNullable(text(job(), "member_id"));
  }

  /** {@return {@code institution_guid}, or MX's {@code insitution_guid}} */
  public Optional<String> institutionGuid() {
    String guid = text(job(), "institution_guid");
    return Optional.ofNullable(guid != null ? guid : text(job(), "insitution_guid"));
  }

  /** {@return {@code finished_at}} */
  public Optional<Instant> finishedAt() {
    return WebhookJson.time(job(), "finished_at");
  }

  /** {@return {@code updated_at}} */
  public Optional<Instant> updatedAt() {
    return WebhookJson.time(job(), "updated_at");
  }
}
