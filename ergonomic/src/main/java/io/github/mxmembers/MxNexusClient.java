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

/**
 * Updates members on the MX Nexus API for one user, over a session it opens and keeps alive, on the
 * calling thread: an {@link MxClient} whose members are MX guids alone. Immutable and thread-safe;
 * close it when done with the user. {@link MxNexusAsyncClient} does the same without blocking.
 *
 * <pre>{@code
 * try (MxNexusClient nexus = MxNexusClient.builder()
 *     .environment(MxEnvironment.INTEGRATION)
 *     .sso(clientId, apiKey, userId)          // or .apiTokenSource(yourSource)
 *     .build()) {
 *   nexus.updateMember(MemberUpdate.builder()
 *       .member("MBR-7c6f361b-e582-15b6-60c0-358f12466b4b")
 *       .credential("CRD-27d0edb8-1d50-5b90-bcbc-be270ca42b9f", password)
 *       .skipAggregation(false)
 *       .build());
 * }
 * }</pre>
 */
public interface MxNexusClient extends MxClient {
  /** {@return a new builder} */
  static Builder builder() {
    return NexusClients.syncBuilder();
  }

  /**
   * The credentials the member's institution asks for: {@code GET /member/{guid}/credentials}
   * (singular, as MX's page has it), every page read ({@link MxClient#listCredentials}).
   *
   * @param member the member's MX guid
   * @return the credentials, in MX's order
   * @throws IllegalArgumentException before any I/O, if the member is not a valid identifier
   * @throws MxException if MX answers with an error, the response is unreadable, or no response came
   *     back in the attempts and time allowed
   */
  default List<RequiredCredential> listCredentials(String member) {
    return listCredentials(MemberRef.of(member));
  }

  /**
   * Reads the member, whose status fields a wait follows: {@code GET /members/{guid}} ({@link
   * MxClient#readStatus}).
   *
   * @param member the member's MX guid
   * @return the member's status
   * @throws IllegalArgumentException before any I/O, if the member is not a valid identifier
   * @throws MxException if MX answers with an error, the response is unreadable, or no response came
   *     back in the attempts and time allowed
   */
  default Member readStatus(String member) {
    return readStatus(MemberRef.of(member));
  }

  /**
   * The MFA challenges a {@code CHALLENGED} member must answer: {@code GET /members/{guid}/challenges},
   * every page read ({@link MxClient#listChallenges}).
   *
   * @param member the member's MX guid
   * @return the challenges; empty when the member is not challenged
   * @throws IllegalArgumentException before any I/O, if the member is not a valid identifier
   * @throws MxException if MX answers with an error, the response is unreadable, or no response came
   *     back in the attempts and time allowed
   */
  default List<Challenge> listChallenges(String member) {
    return listChallenges(MemberRef.of(member));
  }

  /**
   * Waits, with {@link AggregationWait#defaults()}, for the aggregation an update or a resume started
   * ({@link MxClient#waitForAggregation(MemberRef, AggregationWait)}).
   *
   * @param member the member's MX guid
   * @return how the wait ended
   * @throws IllegalArgumentException before any I/O, if the member is not a valid identifier
   * @throws MxException if a status read fails (after its own retries)
   * @throws java.util.concurrent.CancellationException if the waiting thread is interrupted
   */
  default AggregationOutcome waitForAggregation(String member) {
    return waitForAggregation(MemberRef.of(member), AggregationWait.defaults());
  }

  /**
   * Waits for the aggregation an update or a resume started, reading {@code GET /members/{guid}} as
   * {@code wait} says ({@link MxClient#waitForAggregation(MemberRef, AggregationWait)}).
   *
   * @param member the member's MX guid
   * @param wait how often to read and how long to wait in all
   * @return how the wait ended
   * @throws IllegalArgumentException before any I/O, if the member is not a valid identifier
   * @throws MxException if a status read fails (after its own retries)
   * @throws java.util.concurrent.CancellationException if the waiting thread is interrupted
   */
  default AggregationOutcome waitForAggregation(String member, AggregationWait wait) {
    return waitForAggregation(MemberRef.of(member), wait);
  }

  /** Builds an {@link MxNexusClient}; {@link #build()} names anything missing. */
  interface Builder extends MxSyncClientBuilder<Builder>, NexusClientBuilder<Builder> {
    /**
     * Where one-time API tokens come from, when you fetch them yourself.
     *
     * @param apiTokenSource asked, on the calling thread, for a new token each time a session is opened
     * @return this builder
     */
    Builder apiTokenSource(ApiTokenSource apiTokenSource);

    /**
     * Builds the client.
     *
     * @return the client; it opens its first session on its first call
     * @throws IllegalStateException if the environment (or base URL) or the session source is missing,
     *     or both session sources are set, or a proxy is set with your own httpClient
     */
    MxNexusClient build();
  }
}
