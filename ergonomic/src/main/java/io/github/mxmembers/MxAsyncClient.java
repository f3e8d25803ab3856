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
import java.util.concurrent.CompletableFuture;

/**
 * What every async client does, on either MX API: the twin of {@link MxClient} without blocking, over
 * HttpClient 5's async client, with the same calls, settings, retries, deadline, listener and errors.
 * {@link MxPlatformAsyncClient} and {@link MxNexusAsyncClient} are both {@code MxAsyncClient}s.
 * Thousands of calls can be in flight on a few threads: the I/O reactor's ({@link
 * MxAsyncClientBuilder#ioThreads} dispatchers, at most 4 by default, and the one HttpClient starts them
 * from) and one timer thread, which aborts attempts at their deadline and ends the waits before
 * retries and between status reads.
 *
 * <p><b>Errors.</b> Bad input throws at once, before anything is sent, exactly as on the sync client
 * ({@code NullPointerException}, {@code IllegalArgumentException}): it is a bug at the call site, and
 * no future is returned. Everything else fails the future with the {@link MxException} itself: {@code
 * whenComplete}, {@code handle} and {@code exceptionally} on the returned future see it as is; {@code
 * join()} throws it wrapped in a {@link java.util.concurrent.CompletionException} and {@code get()} in
 * an {@link java.util.concurrent.ExecutionException}, with it as the cause (and so do stages you chain
 * on it, as for any {@link CompletableFuture}).
 *
 * <p><b>Cancellation.</b> {@code cancel(true)} on the returned future aborts the attempt on the wire
 * (its connection is closed, not returned to the pool half-read) and starts no further attempt; the
 * listener's {@code callFinished} then carries a {@link java.util.concurrent.CancellationException}.
 * What reaches MX: once {@code cancel(true)} has returned true, the call is never handed a connection.
 * One still waiting (for a connection from the pool, for a Nexus session, for a retry, or about to be
 * sent) is never written; only a request already on the wire, handed its connection before the
 * cancel, may have reached MX. Such an update may or may not have been applied: it is an idempotent
 * {@code PUT}, so sending it again is safe. Cancelling the Nexus update that is opening the session
 * fails none of those waiting for it: one of them opens the session instead. {@link #close()} fails
 * every call still under way with an {@link io.github.mxmembers.exception.MxTransportException}.
 *
 * <p><b>Threads.</b> The future completes, and stages you chain without an executor run, on an I/O or
 * timer thread of the client's: keep them quick and never block there (use {@code thenApplyAsync} with
 * an executor of yours for slow work). The listener is called on those threads too.
 */
public interface MxAsyncClient extends AutoCloseable {
  /** {@return the API this client talks to} */
  MxApi api();

  /**
   * Starts the update ({@link MxClient#updateMember}) and returns at once.
   *
   * @param update the update: with a user on the Platform API, without one on Nexus
   * @return completes with the result (MX's status, the member as MX now has it, attempts and request
   *     id), or fails with the {@link MxException} the sync client would throw
   * @throws IllegalArgumentException at once, before any I/O, if the update has a field the API does
   *     not take, or lacks one it needs
   */
  CompletableFuture<MemberUpdateResult> updateMember(MemberUpdate update);

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
   * Starts reading the credentials the member's institution asks for ({@link
   * MxClient#listCredentials}), every page: each page is asked for when the one before has come.
   *
   * @param member the member
   * @return completes with the credentials, in MX's order, or fails with the {@link MxException} the
   *     sync client would throw
   * @throws IllegalArgumentException at once, before any I/O, if the member is not one of this API's
   */
  CompletableFuture<List<RequiredCredential>> listCredentials(MemberRef member);

  /**
   * Starts reading the member's status ({@link MxClient#readStatus}).
   *
   * @param member the member
   * @return completes with the member's status, or fails with the {@link MxException} the sync client
   *     would throw
   * @throws IllegalArgumentException at once, before any I/O, if the member is not one of this API's
   */
  CompletableFuture<Member> readStatus(MemberRef member);

  /**
   * Starts reading the MFA challenges of a {@code CHALLENGED} member ({@link MxClient#listChallenges}),
   * every page.
   *
   * @param member the member
   * @return completes with the challenges (empty when the member is not challenged), or fails with the
   *     {@link MxException} the sync client would throw
   * @throws IllegalArgumentException at once, before any I/O, if the member is not one of this API's
   */
  CompletableFuture<List<Challenge>> listChallenges(MemberRef member);

  /**
   * Starts answering the member's MFA challenges ({@link MxClient#resume}): sent once, never repeated
   * after it may have reached MX.
   *
   * @param resume the member and the answers: with a user on the Platform API, without one on Nexus
   * @return completes with the member as MX now has it, or fails with the {@link MxException} the sync
   *     client would throw
   * @throws IllegalArgumentException at once, before any I/O, if the resume has a user on Nexus or
   *     none on Platform
   */
  CompletableFuture<Member> resume(MemberResume resume);

  /**
   * Starts waiting, with {@link AggregationWait#defaults()}, for the aggregation an update or a resume
   * started: see {@link #waitForAggregation(MemberRef, AggregationWait)}.
   *
   * @param member the member
   * @return completes with how the wait ended, or fails with the {@link MxException} a status read
   *     failed with
   * @throws IllegalArgumentException at once, before any I/O, if the member is not one of this API's
   */
  default CompletableFuture<AggregationOutcome> waitForAggregation(MemberRef member) {
    return waitForAggregation(member, AggregationWait.defaults());
  }

  /**
   * Starts waiting for the aggregation an update or a resume started, as {@link
   * MxClient#waitForAggregation(MemberRef, AggregationWait)} does, holding no thread between reads:
   * they wait on the timer (or your {@code retry.Scheduler}); cancelling the future stops the wait and
   * the read under way, and {@link #wakeWaits} cuts a pause between two reads short.
   *
   * @param member the member
   * @param wait how often to read and how long to wait in all
   * @return completes with how the wait ended: connected, needs answers (with the challenges), needs
   *     the end user (with what to do), ended otherwise, or timed out; or fails with the {@link
   *     MxException} a status read failed with
   * @throws IllegalArgumentException at once, before any I/O, if the member is not one of this API's
   */
  CompletableFuture<AggregationOutcome> waitForAggregation(MemberRef member, AggregationWait wait);

  /**
   * Tells this client's waits on the member to read its status now ({@link MxClient#wakeWaits}).
   *
   * @param member the member as a wait was given it, or its MX guid once the wait has read it
   * @return how many waits were woken
   */
  int wakeWaits(String member);

  /**
   * Fails every call still under way, then closes what the SDK built: the connection pool, the timer
   * thread and the I/O threads. Nothing of the client runs afterwards.
   */
  @Override
  void close();
}
