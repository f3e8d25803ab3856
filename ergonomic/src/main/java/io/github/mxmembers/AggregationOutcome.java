package io.github.mxmembers;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a wait for an aggregation ended, as AWS SDK v2's {@code WaiterResponse} says what a waiter
 * saw: the member needs nothing more from the program ({@link Kind#CONNECTED}), needs MFA answers
 * ({@link Kind#NEEDS_ANSWERS}, with the challenges), needs the end user ({@link Kind#NEEDS_END_USER},
 * with {@link #endUserAction()}), ended otherwise ({@link Kind#ENDED}), or the wait's own deadline
 * passed ({@link Kind#TIMED_OUT}). The last member read is in {@link #member()}. Immutable.
 */
public final class AggregationOutcome {
  /** The ways a wait ends. */
  public enum Kind {
    /** {@code CONNECTED} and no longer being aggregated: done. */
    CONNECTED,
    /** {@code CHALLENGED}: answer {@link #challenges()} with {@code resume}, then wait again. */
    NEEDS_ANSWERS,
    /** A status only the end user can resolve: see {@link #endUserAction()}. */
    NEEDS_END_USER,
    /**
     * Another end ({@code FAILED}, {@code DISCONTINUED}, {@code CLOSED}, {@code DISABLED}, {@code
     * DEGRADED}, {@code DISCONNECTED}, or a status this SDK does not know, no longer being aggregated):
     * see {@link #connectionStatusAsString()}.
     */
    ENDED,
    /** The wait's timeout passed while MX was still aggregating; the member may connect later. */
    TIMED_OUT
  }

  /** What the end user must do, for {@link Kind#NEEDS_END_USER}. */
  public enum EndUserAction {
    /** Enter new credentials ({@code DENIED}, {@code PREVENTED}, {@code IMPAIRED}, {@code IMPORTED}): update the member. */
    NEW_CREDENTIALS,
    /** Answer MFA again ({@code REJECTED}, {@code EXPIRED}): aggregate again and answer the new challenges. */
    ANSWER_AGAIN,
    /** Act at the institution ({@code LOCKED}, {@code IMPEDED}): unlock the account or accept its terms there. */
    ACT_AT_INSTITUTION,
    /** Finish connecting through OAuth ({@code PENDING}): open the member's OAuth window. */
    FINISH_OAUTH
  }

  private final Kind kind;
  private final Member member;
  private final List<Challenge> challenges;
  private final EndUserAction endUserAction;
  private final int polls;
  private final Duration waited;

  AggregationOutcome(Kind kind, Member member, List<Challenge> challenges, EndUserAction endUserAction, int polls, Duration waited) {
    this.kind = kind;
    this.member = member;
    this.challenges = List.copyOf(challenges);
    this.endUserAction = endUserAction;
    this.polls = polls;
    this.waited = waited;
  }

  /** {@return how the wait ended} */
  public Kind kind() {
    return kind;
  }

  /** {@return the member as the last status read had it} */
  public Member member() {
    return member;
  }

  /** {@return the connection status the wait ended on, as MX sent it} */
  public Optional<String> connectionStatusAsString() {
    return member.connectionStatusAsString();
  }

  /** {@return for {@link Kind#NEEDS_ANSWERS}, the challenges to answer; empty otherwise} */
  public List<Challenge> challenges() {
    return challenges;
  }

  /** {@return for {@link Kind#NEEDS_END_USER}, what the end user must do} */
  public Optional<EndUserAction> endUserAction() {
    return Optional.ofNullable(endUserAction);
  }

  /** {@return how many times the member's status was read} */
  public int polls() {
    return polls;
  }

  /** {@return how long the wait took, by the client's clock} */
  public Duration waited() {
    return waited;
  }

  /** {@return a description for logs and debugging, which never holds a secret} */
  @Override
  public String toString() {
    return "AggregationOutcome{" + kind + (endUserAction == null ? "" : " " + endUserAction) + ", status="
        + member.connectionStatusAsString().orElse(null) + ", polls=" + polls + ", waited=" + waited
        + (challenges.isEmpty() ? "" : ", challenges=" + challenges.size()) + "}";
  }
}
