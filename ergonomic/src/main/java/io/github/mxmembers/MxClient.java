package io.github.mxmembers;

import io.github.mxmembers.exception.MxException;
import io.github.mxmembers.model.Challenge;
import io.github.mxmembers.model.Member;
import io.github.mxmembers.model.MemberRef;
import io.github.mxmembers.model.MemberResume;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import io.github.mxmembers.model.RequestPreview;
import io.github.mxmembers.model.RequiredCredential;
import io.github.mxmembers.waiter.AggregationOutcome;
import io.github.mxmembers.waiter.AggregationWait;
import java.util.List;

/**
 * What every sync client does, on either MX API: update a member and carry the update through to a
 * connected member, on the calling thread. {@link MxPlatformClient} and {@link MxNexusClient} are
 * both {@code MxClient}s, so code written against this interface serves either API (the member is a
 * {@link MemberRef}: a user and a member on the Platform API, a member alone on Nexus), and a unit
 * test can stub it. {@link MxAsyncClient} is its twin without blocking.
 *
 * <p>Every call goes through the client's one pipeline: auth (Basic, or a Nexus session the client
 * opens and renews), retries of what is safe to repeat, one deadline ({@code callTimeout}), the
 * listener, and typed errors ({@link MxException}). Bad input throws before any I/O. Implementations
 * are immutable and thread-safe; share one and close it on shutdown.
 */
public interface MxClient extends AutoCloseable {
  /** {@return the API this client talks to} */
  MxApi api();

  /**
   * Sends the update: Platform {@code PUT /users/{user}/members/{member}}, Nexus {@code PUT
   * /members/{member_guid}} (a session is opened first when there is none, and renewed once if MX
   * reports it expired, 4011).
   *
   * @param update the update: with a user on the Platform API, without one on Nexus
   * @return the result: MX's status, the member as MX now has it, attempts and request id
   * @throws IllegalArgumentException before any I/O, if the update has a field the API does not take,
   *     or lacks one it needs
   * @throws MxException if MX answers with an error, the response is unreadable, or no response came
   *     back in the attempts and time allowed
   */
  MemberUpdateResult updateMember(MemberUpdate update);

  /**
   * The request {@code updateMember} would send for this update, secrets redacted, without sending
   * it; on Nexus the session header stands for the token the pipeline would add.
   *
   * @param update the update
   * @return the request, redacted
   * @throws IllegalArgumentException as {@code updateMember} would, before any I/O
   */
  RequestPreview preview(MemberUpdate update);

  /**
   * The credentials the member's institution asks for, to build an update with ({@link
   * RequiredCredential#withValue}): Platform {@code GET /users/{user}/members/{member}/credentials},
   * Nexus {@code GET /member/{guid}/credentials}; every page read.
   *
   * @param member the member
   * @return the credentials, in MX's order (sort by {@link RequiredCredential#displayOrder()} to ask
   *     for them)
   * @throws IllegalArgumentException before any I/O, if the member is not one of this API's (a user on
   *     Nexus, none on Platform)
   * @throws MxException if MX answers with an error, the response is unreadable, or no response came
   *     back in the attempts and time allowed
   */
  List<RequiredCredential> listCredentials(MemberRef member);

  /**
   * Reads the member's status, to follow the aggregation an update or a resume started: Platform
   * {@code GET /users/{user}/members/{member}/status}, Nexus {@code GET /members/{guid}}.
   *
   * @param member the member
   * @return the member's status: {@link Member#connectionStatus()}, {@link Member#isBeingAggregated()},
   *     {@link Member#aggregatedAt()}; everything else MX sent in {@link Member#asJson()}
   * @throws IllegalArgumentException before any I/O, if the member is not one of this API's
   * @throws MxException if MX answers with an error, the response is unreadable, or no response came
   *     back in the attempts and time allowed
   */
  Member readStatus(MemberRef member);

  /**
   * The MFA challenges a {@code CHALLENGED} member must answer: {@code .../challenges}, every page
   * read. A member that is not challenged has none (MX answers 204).
   *
   * @param member the member
   * @return the challenges; empty when the member is not challenged
   * @throws IllegalArgumentException before any I/O, if the member is not one of this API's
   * @throws MxException if MX answers with an error, the response is unreadable, or no response came
   *     back in the attempts and time allowed
   */
  List<Challenge> listChallenges(MemberRef member);

  /**
   * Answers the member's MFA challenges and resumes its aggregation: {@code .../resume}. Sent once,
   * never repeated after it may have reached MX (a one-time code answered twice, or a member no longer
   * challenged, would fail where the first succeeded): a retry follows only a failure before anything
   * was sent. MX refuses a member that is not challenged ({@link
   * io.github.mxmembers.exception.MxApiException}, 405 on Nexus) and answers it does not take (400).
   *
   * @param resume the member and the answers: with a user on the Platform API, without one on Nexus
   * @return the member as MX now has it (connection status {@code RESUMED} while it aggregates)
   * @throws IllegalArgumentException before any I/O, if the resume has a user on Nexus or none on
   *     Platform
   * @throws MxException if MX answers with an error, the response is unreadable, or no response came
   *     back in the attempts and time allowed
   */
  Member resume(MemberResume resume);

  /**
   * Waits, with {@link AggregationWait#defaults()} (3 s backing off to 15 s, 5 minutes in all), for
   * the aggregation an update or a resume started: see {@link #waitForAggregation(MemberRef,
   * AggregationWait)}.
   *
   * @param member the member
   * @return how the wait ended: connected, needs answers (with the challenges), needs the end user
   *     (with what to do), ended otherwise, or timed out
   * @throws IllegalArgumentException before any I/O, if the member is not one of this API's
   * @throws MxException if a status read fails (after its own retries)
   * @throws java.util.concurrent.CancellationException if the waiting thread is interrupted
   */
  default AggregationOutcome waitForAggregation(MemberRef member) {
    return waitForAggregation(member, AggregationWait.defaults());
  }

  /**
   * Waits for the aggregation an update or a resume started, reading the member's status ({@link
   * #readStatus}) no more often than {@code wait} allows, backing off to its cap, until the member
   * needs nothing more from the program or {@code wait}'s timeout passes (TIMED_OUT only then, after a
   * last read at the deadline: {@link AggregationWait}). Each read goes through this client's
   * pipeline (its retries, listener and typed errors) under the nearer of the call timeout and the
   * wait's deadline; a read that fails ends the wait with its exception. No two reads of the member by
   * this client's waits come closer than 3 s, the first read of a wait included. {@code CHALLENGED}
   * ends it at once with the challenges to answer; {@code CONNECTED} once the member is no longer
   * being aggregated; a status this SDK does not know keeps it waiting while the member is being
   * aggregated and otherwise ends it ({@link AggregationOutcome.Kind#ENDED}) with the raw value. It
   * waits on the calling thread (with the builder's sleeper); interrupting the thread ends it, and
   * {@link #wakeWaits} cuts a pause between two reads short.
   *
   * @param member the member
   * @param wait how often to read and how long to wait in all
   * @return how the wait ended: connected, needs answers (with the challenges), needs the end user
   *     (with what to do), ended otherwise, or timed out
   * @throws IllegalArgumentException before any I/O, if the member is not one of this API's
   * @throws MxException if a status read fails (after its own retries)
   * @throws java.util.concurrent.CancellationException if the waiting thread is interrupted
   */
  AggregationOutcome waitForAggregation(MemberRef member, AggregationWait wait);

  /**
   * Tells this client's waits on the member to read its status now rather than at the end of their
   * pause, as a webhook saying the member changed would: each reads at once, or {@link
   * AggregationWait#MIN_INTERVAL} after its last read if that is later (MX's shortest interval
   * between two status reads). A wait that is reading when woken reads again at its next pause's
   * earliest; a wait that has ended, or not started, is not affected.
   *
   * @param member the member as a wait was given it (your id or MX's guid), or its MX guid once the
   *     wait has read it
   * @return how many waits were woken
   */
  int wakeWaits(String member);

  /**
   * Fails every call still under way, then closes what the SDK built: the connection pool (an
   * HttpClient you supplied stays open), the timer thread and, on an async client, the I/O threads.
   * Nothing of the client runs afterwards.
   */
  @Override
  void close();
}
