package io.github.mxmembers.model;

import io.github.mxmembers.internal.Identifiers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Answers to a {@code CHALLENGED} member's MFA challenges, for {@code resume}: which member, and one
 * answer per challenge guid. Immutable; build one with {@link #builder()}. Answers are secrets, as
 * credential values are: {@link #toString()} names the challenges answered, never the answers.
 */
public final class MemberResume {
  private final String user;
  private final String member;
  private final List<Credential> answers;

  private MemberResume(Builder builder) {
    this.user = builder.user;
    this.member = builder.member;
    this.answers = List.copyOf(builder.answers);
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return Platform only: the user's partner-defined id or MX guid} */
  public Optional<String> user() {
    return Optional.ofNullable(user);
  }

  /** {@return the member: on the Platform API its id or guid, on the Nexus API its MX guid} */
  public String member() {
    return member;
  }

  /** {@return the answers, one per challenge guid, in the order given} */
  public List<Credential> answers() {
    return answers;
  }

  /** {@return a description for logs and debugging: the challenges answered, never an answer} */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("MemberResume{");
    if (user != null) {
      sb.append("user=").append(user).append(", ");
    }
    sb.append("member=").append(member).append(", answers=[");
    for (int i = 0; i < answers.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(answers.get(i).guid()).append("=****");
    }
    return sb.append("]}").toString();
  }

  /** Builds a {@link MemberResume}; {@link #build()} checks the whole before any I/O. */
  public static final class Builder {
    private String user;
    private String member;
    private final List<Credential> answers = new ArrayList<>();
    private Set<String> asked;

    private Builder() {}

    /**
     * Platform only: the user, by your id or MX's guid.
     *
     * @param user the user
     * @return this builder
     * @throws IllegalArgumentException if blank or not a valid identifier
     */
    public Builder user(String user) {
      this.user = Identifiers.check(user, "user");
      return this;
    }

    /**
     * The member to resume.
     *
     * @param member on the Platform API its id or guid, on the Nexus API its MX guid
     * @return this builder
     * @throws IllegalArgumentException if blank or not a valid identifier
     */
    public Builder member(String member) {
      this.member = Identifiers.check(member, "member");
      return this;
    }

    /**
     * One answer, as {@link Challenge#answer} makes it.
     *
     * @param answer the challenge's guid and the end user's answer
     * @return this builder
     * @throws IllegalArgumentException if that challenge was answered already
     */
    public Builder answer(Credential answer) {
      Objects.requireNonNull(answer, "answer == null");
      for (int i = 0; i < answers.size(); i++) {
        if (answers.get(i).guid().equals(answer.guid())) {
          // the guid is not shown: it may be a secret typed in the wrong place
          throw new IllegalArgumentException(
              "answer: answer " + (answers.size() + 1) + " is to the challenge of answer " + (i + 1)
                  + " (counting from 1): each challenge is answered once");
        }
      }
      answers.add(answer);
      return this;
    }

    /**
     * One answer.
     *
     * @param challengeGuid the challenge's guid
     * @param value the end user's answer; not empty, never printed
     * @return this builder
     * @throws IllegalArgumentException if the value is empty or the challenge was answered already
     */
    public Builder answer(String challengeGuid, String value) {
      return answer(Credential.of(challengeGuid, value, "challengeGuid", "value"));
    }

    /**
     * The challenges the member was asked, as {@code listChallenges} gave them: {@link #build()}
     * then refuses an answer to any other guid, before anything is sent.
     *
     * @param challenges the challenges asked
     * @return this builder
     */
    public Builder challenges(List<Challenge> challenges) {
      Objects.requireNonNull(challenges, "challenges == null");
      Set<String> guids = new LinkedHashSet<>();
      for (Challenge challenge : challenges) {
        guids.add(Objects.requireNonNull(challenge, "challenges holds null").guid());
      }
      this.asked = guids;
      return this;
    }

    /**
     * Builds the resume.
     *
     * @return it
     * @throws IllegalStateException if no member or no answer was given
     * @throws IllegalArgumentException if an answer names a challenge the member was not asked
     *     (when {@link #challenges} was given)
     */
    public MemberResume build() {
      if (member == null) {
        throw new IllegalStateException("member is required");
      }
      if (answers.isEmpty()) {
        throw new IllegalStateException("answers: at least one answer is required");
      }
      if (asked != null) {
        for (int i = 0; i < answers.size(); i++) {
          if (!asked.contains(answers.get(i).guid())) {
            // the guid given is not shown (it may be a secret typed in the wrong place); MX's are
            throw new IllegalArgumentException(
                "answer: answer " + (i + 1) + " (counting from 1) is to a challenge the member was not asked; it was asked "
                    + asked);
          }
        }
      }
      return new MemberResume(this);
    }
  }
}
