package io.github.mxmembers;

import io.github.mxmembers.exception.MxException;
import io.github.mxmembers.internal.nexus.NexusClients;
import io.github.mxmembers.model.Challenge;
import io.github.mxmembers.model.Member;
import io.github.mxmembers.model.MemberRef;
import io.github.mxmembers.model.RequiredCredential;
import io.github.mxmembers.waiter.AggregationOutcome;
import io.github.mxmembers.waiter.AggregationWait;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Updates members on the MX Nexus API for one user without blocking: the async twin of {@link
 * MxNexusClient}, an {@link MxAsyncClient} whose members are MX guids alone. Concurrent calls share one
 * session, and one renewal after MX's 4011; while a session opens, the calls waiting for it hold no
 * thread. Errors, cancellation and threads are as {@link MxAsyncClient} describes them. Immutable and
 * thread-safe; close it when done with the user.
 *
 * <pre>{@code
 * try (MxNexusAsyncClient nexus = MxNexusAsyncClient.builder()
 *     .environment(MxEnvironment.INTEGRATION)
 *     .sso(clientId, apiKey, userId)          // or .apiTokenSource(yourAsyncSource)
 *     .build()) {
 *   CompletableFuture<MemberUpdateResult> result = nexus.updateMember(MemberUpdate.builder()
 *       .member("MBR-7c6f361b-e582-15b6-60c0-358f12466b4b")
 *       .credential("CRD-27d0edb8-1d50-5b90-bcbc-be270ca42b9f", password)
 *       .build());
 * }
 * }</pre>
 */
public interface MxNexusAsyncClient extends MxAsyncClient {
  /** {@return a new builder} */
  static Builder builder() {
    return NexusClients.asyncBuilder();
  }

  /**
   * The credentials the member's institution asks for: {@code GET /member/{guid}/credentials}
   * (singular, as MX's page has it), every page read ({@link MxAsyncClient#listCredentials}).
   *
   * @param member the member's MX guid
   * @return completes with the credentials, in MX's order, or fails with the {@link MxException} the
   *     sync client would throw
   * @throws IllegalArgumentException at once, before any I/O, if the member is not a valid identifier
   */
  default CompletableFuture<List<RequiredCredential>> listCredentials(String member) {
    return listCredentials(MemberRef.of(member));
  }

  /**
   * Reads the member, whose status fields a wait follows: {@code GET /members/{guid}} ({@link
   * MxClient#readStatus}).
   *
   * @param member the member's MX guid
   * @return completes with the member's status, or fails with the {@link MxException} the sync client
   *     would throw
   * @throws IllegalArgumentException at once, before any I/O, if the member is not a valid identifier
   */
  default CompletableFuture<Member> readStatus(String member) {
    return readStatus(MemberRef.of(member));
  }

  /**
   * The MFA challenges a {@code CHALLENGED} member must answer: {@code GET /members/{guid}/challenges},
   * every page read ({@link MxAsyncClient#listChallenges}).
   *
   * @param member the member's MX guid
   * @return completes with the challenges (empty when the member is not challenged), or fails with the
   *     {@link MxException} the sync client would throw
   * @throws IllegalArgumentException at once, before any I/O, if the member is not a valid identifier
   */
  default CompletableFuture<List<Challenge>> listChallenges(String member) {
    return listChallenges(MemberRef.of(member));
  }

  /**
   * Waits, with {@link AggregationWait#defaults()}, for the aggregation an update or a resume started
   * ({@link MxAsyncClient#waitForAggregation(MemberRef, AggregationWait)}).
   *
   * @param member the member's MX guid
   * @return completes with how the wait ended, or fails with the {@link MxException} a status read
   *     failed with
   * @throws IllegalArgumentException at once, before any I/O, if the member is not a valid identifier
   */
  default CompletableFuture<AggregationOutcome> waitForAggregation(String member) {
    return waitForAggregation(MemberRef.of(member), AggregationWait.defaults());
  }

  /**
   * Waits for the aggregation an update or a resume started, reading {@code GET /members/{guid}} as
   * {@code wait} says ({@link MxAsyncClient#waitForAggregation(MemberRef, AggregationWait)}).
   *
   * @param member the member's MX guid
   * @param wait how often to read and how long to wait in all
   * @return completes with how the wait ended, or fails with the {@link MxException} a status read
   *     failed with
   * @throws IllegalArgumentException at once, before any I/O, if the member is not a valid identifier
   */
  default CompletableFuture<AggregationOutcome> waitForAggregation(String member, AggregationWait wait) {
    return waitForAggregation(MemberRef.of(member), wait);
  }

  /** Builds an {@link MxNexusAsyncClient}; {@link #build()} names anything missing. */
  interface Builder extends MxAsyncClientBuilder<Builder>, NexusClientBuilder<Builder> {
    /**
     * Where one-time API tokens come from, when you fetch them yourself.
     *
     * @param apiTokenSource asked for a new token each time a session is opened, on an SDK thread that
     *     it must not block
     * @return this builder
     */
    Builder apiTokenSource(AsyncApiTokenSource apiTokenSource);

    /**
     * Builds the client and starts its I/O reactor.
     *
     * @return the client; it opens its first session on its first call
     * @throws IllegalStateException if the environment (or base URL) or the session source is missing,
     *     or both session sources are set
     */
    MxNexusAsyncClient build();
  }
}
