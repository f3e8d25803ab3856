package io.github.mxmembers.sandbox;

import io.github.mxmembers.MxApi;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened to a member in the sandbox, at an instant of the sandbox's clock: what MX's
 * webhooks report, and what a test waits for instead of sleeping ({@link MxSandbox#events()}, {@link
 * MxSandbox#awaitEvent}). Every change of a member's connection status is one {@link
 * Type#STATUS_CHANGED} event, published by the one place that moves it; an aggregation ends ({@link
 * Type#AGGREGATION_ENDED}) at its time on the sandbox's clock whether or not anyone reads the member.
 * Events never hold a credential value or an MFA answer. Immutable.
 */
public final class SandboxEvent {
  /** What happened. */
  public enum Type {
    /** A member was added ({@link MxSandbox#addMember}). */
    MEMBER_CREATED,
    /** An update was applied to the member, on either API ({@link #api()}, {@link #callbackPayload()}). */
    MEMBER_UPDATED,
    /** An aggregation of the member started ({@link #jobGuid()}): after new credentials, a resume, a session. */
    AGGREGATION_STARTED,
    /** The member's connection status, or whether it is being aggregated, changed. */
    STATUS_CHANGED,
    /** An aggregation ended ({@link #jobGuid()}), with the status it ended in. */
    AGGREGATION_ENDED
  }

  private final long sequence;
  private final Type type;
  private final Instant at;
  private final String memberGuid;
  private final String userGuid;
  private final String connectionStatus;
  private final boolean beingAggregated;
  private final String jobGuid;
  private final MxApi api;
  private final String callbackPayload;
  private final boolean skipWebhook;

  SandboxEvent(
      long sequence,
      Type type,
      Instant at,
      String memberGuid,
      String userGuid,
      String connectionStatus,
      boolean beingAggregated,
      String jobGuid,
      MxApi api,
      String callbackPayload,
      boolean skipWebhook) {
    this.sequence = sequence;
    this.type = Objects.requireNonNull(type);
    this.at = Objects.requireNonNull(at);
    this.memberGuid = Objects.requireNonNull(memberGuid);
    this.userGuid = userGuid;
    this.connectionStatus = connectionStatus;
    this.beingAggregated = beingAggregated;
    this.jobGuid = jobGuid;
    this.api = api;
    this.callbackPayload = callbackPayload;
    this.skipWebhook = skipWebhook;
  }

  /** {@return the event's place in the sandbox's log, from 1: events of one sandbox are in this order} */
  public long sequence() {
    return sequence;
  }

  /** {@return what happened} */
  public Type type() {
    return type;
  }

  /** {@return when, on the sandbox's clock} */
  public Instant at() {
    return at;
  }

  /** {@return the member's guid} */
  public String memberGuid() {
    return memberGuid;
  }

  /** {@return the member's user's guid} */
  public String userGuid() {
    return userGuid;
  }

  /** {@return the member's connection status after the event} */
  public String connectionStatus() {
    return connectionStatus;
  }

  /** {@return whether the member is being aggregated after the event} */
  public boolean beingAggregated() {
    return beingAggregated;
  }

  /** {@return the aggregation's job guid, for {@link Type#AGGREGATION_STARTED} and {@link Type#AGGREGATION_ENDED}} */
  public Optional<String> jobGuid() {
    return Optional.ofNullable(jobGuid);
  }

  /** {@return the API an update came through, for {@link Type#MEMBER_UPDATED}} */
  public Optional<MxApi> api() {
    return Optional.ofNullable(api);
  }

  /**
   * {@return the update's {@code X-CALLBACK-PAYLOAD}, base64 as received: for {@link Type#MEMBER_UPDATED},
   * and for {@link Type#AGGREGATION_ENDED} that of the update that started the workflow}
   */
  public Optional<String> callbackPayload() {
    return Optional.ofNullable(callbackPayload);
  }

  /** {@return whether the update asked MX to send no webhook ({@code MX-Skip-Webhook}, {@code skip_webhook})} */
  public boolean skipWebhook() {
    return skipWebhook;
  }

  /** {@return a description for logs and debugging, which never holds a secret} */
  @Override
  public String toString() {
    return "SandboxEvent{#" + sequence + " " + type + " " + memberGuid + " at " + at + ", " + connectionStatus
        + (beingAggregated ? ", aggregating" : "") + (jobGuid == null ? "" : ", job " + jobGuid)
        + (api == null ? "" : ", " + api) + (callbackPayload == null ? "" : ", callback payload")
        + (skipWebhook ? ", skip webhook" : "") + "}";
  }
}
