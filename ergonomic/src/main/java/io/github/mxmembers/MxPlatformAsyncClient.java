package io.github.mxmembers;

import io.github.mxmembers.exception.MxException;
import io.github.mxmembers.internal.platform.PlatformClients;
import io.github.mxmembers.model.Challenge;
import io.github.mxmembers.model.Member;
import io.github.mxmembers.model.MemberRef;
import io.github.mxmembers.model.RequiredCredential;
import io.github.mxmembers.waiter.AggregationOutcome;
import io.github.mxmembers.waiter.AggregationWait;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Updates members on the MX Platform API without blocking: the async twin of {@link
 * MxPlatformClient}, an {@link MxAsyncClient} whose members are a user and a member, each by your id
 * or MX's guid. Errors, cancellation and threads are as {@link MxAsyncClient} describes them.
 * Immutable and thread-safe; share one per application and close it on shutdown.
 *
 * <pre>{@code
 * try (MxPlatformAsyncClient mx = MxPlatformAsyncClient.builder()
 *     .environment(MxEnvironment.INTEGRATION)
 *     .credentials(clientId, apiKey)
 *     .maxConnections(256)
 *     .build()) {
 *   mx.updateMember(update)
 *       .thenAccept(result -> log.info("updated, request id {}", result.requestId().orElse("-")))
 *       .exceptionally(failure -> { log.warn("not updated", failure); return null; });
 * }
 * }</pre>
 */
public interface MxPlatformAsyncClient extends MxAsyncClient {
  /** {@return a new builder} */
  static Builder builder() {
    return PlatformClients.asyncBuilder();
  }

  /** {@return the version every request pins in {@code Accept-Version}} */
  PlatformApiVersion apiVersion();

  /**
   * The credentials the member's institution asks for: {@code GET
   * /users/{user}/members/{member}/credentials}, every page read ({@link MxAsyncClient#listCredentials}).
   *
   * @param user the user, by your id or MX's guid
   * @param member the member, by your id or MX's guid
   * @return completes with the credentials, in MX's order, or fails with the {@link MxException} the
   *     sync client would throw
   * @throws IllegalArgumentException at once, before any I/O, if the user or member is not a valid identifier
   */
  default CompletableFuture<List<RequiredCredential>> listCredentials(String user, String member) {
    return listCredentials(MemberRef.of(user, member));
  }

  /**
   * Reads the member's status: {@code GET /users/{user}/members/{member}/status} ({@link
   * MxClient#readStatus}); {@code is_authenticated}, {@code has_processed_*} and its challenges are in
   * {@link Member#asJson()}.
   *
   * @param user the user, by your id or MX's guid
   * @param member the member, by your id or MX's guid
   * @return completes with the member's status, or fails with the {@link MxException} the sync client
   *     would throw
   * @throws IllegalArgumentException at once, before any I/O, if the user or member is not a valid identifier
   */
  default CompletableFuture<Member> readStatus(String user, String member) {
    return readStatus(MemberRef.of(user, member));
  }

  /**
   * The MFA challenges a {@code CHALLENGED} member must answer: {@code GET
   * /users/{user}/members/{member}/challenges}, every page read ({@link MxAsyncClient#listChallenges}).
   *
   * @param user the user, by your id or MX's guid
   * @param member the member, by your id or MX's guid
   * @return completes with the challenges (empty when the member is not challenged), or fails with the
   *     {@link MxException} the sync client would throw
   * @throws IllegalArgumentException at once, before any I/O, if the user or member is not a valid identifier
   */
  default CompletableFuture<List<Challenge>> listChallenges(String user, String member) {
    return listChallenges(MemberRef.of(user, member));
  }

  /**
   * Waits, with {@link AggregationWait#defaults()}, for the aggregation an update or a resume started
   * ({@link MxAsyncClient#waitForAggregation(MemberRef, AggregationWait)}).
   *
   * @param user the user, by your id or MX's guid
   * @param member the member, by your id or MX's guid
   * @return completes with how the wait ended, or fails with the {@link MxException} a status read
   *     failed with
   * @throws IllegalArgumentException at once, before any I/O, if the user or member is not a valid identifier
   */
  default CompletableFuture<AggregationOutcome> waitForAggregation(String user, String member) {
    return waitForAggregation(MemberRef.of(user, member), AggregationWait.defaults());
  }

  /**
   * Waits for the aggregation an update or a resume started, reading {@code GET .../status} as
   * {@code wait} says ({@link MxAsyncClient#waitForAggregation(MemberRef, AggregationWait)}).
   *
   * @param user the user, by your id or MX's guid
   * @param member the member, by your id or MX's guid
   * @param wait how often to read and how long to wait in all
   * @return completes with how the wait ended, or fails with the {@link MxException} a status read
   *     failed with
   * @throws IllegalArgumentException at once, before any I/O, if the user or member is not a valid identifier
   */
  default CompletableFuture<AggregationOutcome> waitForAggregation(String user, String member, AggregationWait wait) {
    return waitForAggregation(MemberRef.of(user, member), wait);
  }

  /** Builds an {@link MxPlatformAsyncClient}; {@link #build()} names anything missing. */
  interface Builder extends MxAsyncClientBuilder<Builder>, PlatformClientBuilder<Builder> {
    /**
     * Builds the client and starts its I/O reactor.
     *
     * @return the client, ready to send
     * @throws IllegalStateException if the environment (or base URL) or the credentials are missing
     */
    MxPlatformAsyncClient build();
  }
}
