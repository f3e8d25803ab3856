package io.github.mxmembers.waiter;

import io.github.mxmembers.model.Challenge;
import io.github.mxmembers.model.Member;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a wait for an aggregation ended, as AWS SDK v2's {@code WaiterResponse} says what a waiter
 * saw: the member needs nothing more from the program ({@link Kind#CONNECTED}), needs MFA answers
 * ({@link Kind#NEEDS_ANSWERS}, with the challenges), needs the end user ({@link Kind#NEEDS_END_USER},
 * with {@link #endUserAction()}), ended otherwise ({@link Kind#ENDED}), or the wait's own deadline
 * passed ({@link Kind#TIMED_OUT}). The last member read is in {@link #member()}. Immutable; {@link
 * #builder(Kind, Member)} makes one, as the waiter does and as a unit test does to stub the SDK.
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
    /**
     * The wait's timeout passed while MX was still aggregating; the member may connect later. Only
     * once it has passed: the wait's last read is at its deadline (or 3 s after the read before it,
     * if that is later), and {@link AggregationOutcome#waited()} is at least the timeout; or a read
     * the deadline cut, the member then as the read before it had it.
     */
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

  private AggregationOutcome(Builder builder) {
    this.kind = builder.kind;
    this.member = builder.member;
    this.challenges = builder.challenges;
    this.endUserAction = builder.endUserAction;
    this.polls = builder.polls;
    this.waited = builder.waited;
  }

  /**
   * A new builder: one status read, no time waited, no challenges, no end-user action.
   *
   * @param kind how the wait ended
   * @param member the member as the last status read had it
   * @return the builder
   */
  public static Builder builder(Kind kind, Member member) {
    return new Builder(Objects.requireNonNull(kind, "kind == null"), Objects.requireNonNull(member, "member == null"));
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

  /** Builds an {@link AggregationOutcome}; {@link #build()} checks that its parts agree with its kind. */
  public static final class Builder {
    private final Kind kind;
    private final Member member;
    private List<Challenge> challenges = List.of();
    private EndUserAction endUserAction;
    private int polls = 1;
    private Duration waited = Duration.ZERO;

    private Builder(Kind kind, Member member) {
      this.kind = kind;
      this.member = member;
    }

    /**
     * Sets the challenges to answer, for {@link Kind#NEEDS_ANSWERS}.
     *
     * @param challenges the challenges; copied
     * @return this builder
     */
    public Builder challenges(List<Challenge> challenges) {
      this.challenges = List.copyOf(Objects.requireNonNull(challenges, "challenges == null"));
      return this;
    }

    /**
     * Sets what the end user must do, for {@link Kind#NEEDS_END_USER}.
     *
     * @param endUserAction the action
     * @return this builder
     */
    public Builder endUserAction(EndUserAction endUserAction) {
      this.endUserAction = Objects.requireNonNull(endUserAction, "endUserAction == null");
      return this;
    }

    /**
     * Sets how many times the status was read; 1 by default.
     *
     * @param polls at least 1
     * @return this builder
     * @throws IllegalArgumentException if under 1
     */
    public Builder polls(int polls) {
      if (polls < 1) {
        throw new IllegalArgumentException("polls must be at least 1: " + polls);
      }
      this.polls = polls;
      return this;
    }

    /**
     * Sets how long the wait took; zero by default.
     *
     * @param waited zero or more
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder waited(Duration waited) {
      Objects.requireNonNull(waited, "waited == null");
      if (waited.isNegative()) {
        throw new IllegalArgumentException("waited must not be negative: " + waited);
      }
      this.waited = waited;
      return this;
    }

    /**
     * Builds the outcome.
     *
     * @return the outcome
     * @throws IllegalStateException if challenges are set on another kind than {@link
     *     Kind#NEEDS_ANSWERS}, or an end-user action is missing on {@link Kind#NEEDS_END_USER} or set
     *     on another kind
     */
    public AggregationOutcome build() {
      if (!challenges.isEmpty() && kind != Kind.NEEDS_ANSWERS) {
        throw new IllegalStateException("challenges go with NEEDS_ANSWERS, not " + kind);
      }
      if ((endUserAction != null) != (kind == Kind.NEEDS_END_USER)) {
        throw new IllegalStateException("an endUserAction goes with NEEDS_END_USER, and NEEDS_END_USER needs one");
      }
      return new AggregationOutcome(this);
    }
  }
}
