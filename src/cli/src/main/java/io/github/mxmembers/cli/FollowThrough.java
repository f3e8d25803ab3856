package io.github.mxmembers.cli;

import io.github.mxmembers.MxClient;
import io.github.mxmembers.model.Challenge;
import io.github.mxmembers.model.Credential;
import io.github.mxmembers.model.MemberRef;
import io.github.mxmembers.model.MemberResume;
import io.github.mxmembers.waiter.AggregationOutcome;
import java.io.PrintWriter;
import java.util.List;

/**
 * Follows an aggregation through, as {@code update-member --wait} and {@code resume} do: wait; while
 * the member is CHALLENGED, answer its challenges (from the answers given, or on the terminal),
 * resume, and wait again, up to {@link #MAX_ROUNDS} rounds. Each round goes into the report, shown as
 * it ends when the output is for a person.
 */
final class FollowThrough {
  /** The most rounds of MFA answers given before it stops. */
  static final int MAX_ROUNDS = 5;

  private final MxClient client;
  private final MemberRef member;
  private final WaitOptions options;
  private final Answers answers;
  private final Report report;
  private final PrintWriter err;
  private final boolean errIsTerminal;

  FollowThrough(
      MxClient client, MemberRef member, WaitOptions options, Answers answers, Report report, PrintWriter err, boolean errIsTerminal) {
    this.client = client;
    this.member = member;
    this.options = options;
    this.answers = answers;
    this.report = report;
    this.err = err;
    this.errIsTerminal = errIsTerminal;
  }

  /** Waits for the aggregation an update started, answering its challenges; {@return how it ended} */
  AggregationOutcome fromUpdate() {
    return answering(await(), MAX_ROUNDS);
  }

  /**
   * Answers a member that is CHALLENGED already (its challenges as listed), resumes, and, with
   * {@code --wait}, follows it through.
   *
   * @return how it ended; null without {@code --wait}
   */
  AggregationOutcome fromChallenges(List<Challenge> challenges) {
    if (!answer(challenges)) {
      return null;
    }
    if (!options.waitForAggregation) {
      return null;
    }
    return answering(await(), MAX_ROUNDS - 1);
  }

  private AggregationOutcome answering(AggregationOutcome outcome, int rounds) {
    for (int round = 1; outcome.kind() == AggregationOutcome.Kind.NEEDS_ANSWERS && round <= rounds; round++) {
      if (!answer(outcome.challenges())) {
        return outcome;
      }
      outcome = await();
    }
    return outcome;
  }

  private AggregationOutcome await() {
    AggregationOutcome outcome = client.waitForAggregation(member, options.wait(err, errIsTerminal));
    report.round(outcome);
    return outcome;
  }

  /** Answers and resumes; false when an answer was missing (the member stays CHALLENGED). */
  private boolean answer(List<Challenge> challenges) {
    if (errIsTerminal) {
      err.println("mx-members: the member is CHALLENGED (" + challenges.size() + (challenges.size() == 1 ? " challenge" : " challenges") + ")");
      err.flush();
    }
    List<Credential> given;
    try {
      given = answers.to(challenges);
    } catch (Answers.Missing missing) {
      report.unanswered(missing.getMessage());
      return false;
    }
    MemberResume.Builder resume = MemberResume.builder().member(member.member()).challenges(challenges);
    member.user().ifPresent(resume::user);
    given.forEach(resume::answer);
    client.resume(resume.build());
    report.answered(given.size(), options.answersSource());
    return true;
  }
}
