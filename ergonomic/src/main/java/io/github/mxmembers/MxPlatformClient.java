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

/**
 * Updates members on the MX Platform API, with Basic auth, a pinned {@code Accept-Version} and
 * retries, on the calling thread: an {@link MxClient} whose members are a user and a member, each by
 * your id or MX's guid. Immutable and thread-safe; share one per application and close it on
 * shutdown. {@link MxPlatformAsyncClient} does the same without blocking.
 *
 * <pre>{@code
 * try (MxPlatformClient mx = MxPlatformClient.builder()
 *     .environment(MxEnvironment.INTEGRATION)
 *     .credentials(clientId, apiKey)
 *     .build()) {
 *   MemberUpdateResult result = mx.updateMember(MemberUpdate.builder()
 *       .user("u-1234").member("MBR-7c6f361b-e582-15b6-60c0-358f12466b4b")
 *       .credential("CRD-27d0edb8-1d50-5b90-bcbc-be270ca42b9f", password)
 *       .build());
 * }
 * }</pre>
 */
public interface MxPlatformClient extends MxClient {
  /** {@return a new builder} */
  static Builder builder() {
    return PlatformClients.syncBuilder();
  }

  /** {@return the version every request pins in {@code Accept-Version}} */
  PlatformApiVersion apiVersion();

  /**
   * The credentials the member's institution asks for: {@code GET
   * /users/{user}/members/{member}/credentials}, every page read ({@link MxClient#listCredentials}).
   *
   * @param user the user, by your id or MX's guid
   * @param member the member, by your id or MX's guid
   * @return the credentials, in MX's order
   * @throws IllegalArgumentException before any I/O, if the user or member is not a valid identifier
   * @throws MxException if MX answers with an error, the response is unreadable, or no response came
   *     back in the attempts and time allowed
   */
  default List<RequiredCredential> listCredentials(String user, String member) {
    return listCredentials(MemberRef.of(user, member));
  }

  /**
   * Reads the member's status: {@code GET /users/{user}/members/{member}/status} ({@link
   * MxClient#readStatus}); {@code is_authenticated}, {@code has_processed_*} and its challenges are in
   * {@link Member#asJson()}.
   *
   * @param user the user, by your id or MX's guid
   * @param member the member, by your id or MX's guid
   * @return the member's status
   * @throws IllegalArgumentException before any I/O, if the user or member is not a valid identifier
   * @throws MxException if MX answers with an error, the response is unreadable, or no response came
   *     back in the attempts and time allowed
   */
  default Member readStatus(String user, String member) {
    return readStatus(MemberRef.of(user, member));
  }

  /**
   * The MFA challenges a {@code CHALLENGED} member must answer: {@code GET
   * /users/{user}/members/{member}/challenges}, every page read ({@link MxClient#listChallenges}).
   *
   * @param user the user, by your id or MX's guid
   * @param member the member, by your id or MX's guid
   * @return the challenges; empty when the member is not challenged
   * @throws IllegalArgumentException before any I/O, if the user or member is not a valid identifier
   * @throws MxException if MX answers with an error, the response is unreadable, or no response came
   *     back in the attempts and time allowed
   */
  default List<Challenge> listChallenges(String user, String member) {
    return listChallenges(MemberRef.of(user, member));
  }

  /**
   * Waits, with {@link AggregationWait#defaults()}, for the aggregation an update or a resume started
   * ({@link MxClient#waitForAggregation(MemberRef, AggregationWait)}).
   *
   * @param user the user, by your id or MX's guid
   * @param member the member, by your id or MX's guid
   * @return how the wait ended
   * @throws IllegalArgumentException before any I/O, if the user or member is not a valid identifier
   * @throws MxException if a status read fails (after its own retries)
   * @throws java.util.concurrent.CancellationException if the waiting thread is interrupted
   */
  default AggregationOutcome waitForAggregation(String user, String member) {
    return waitForAggregation(MemberRef.of(user, member), AggregationWait.defaults());
  }

  /**
   * Waits for the aggregation an update or a resume started, reading {@code GET .../status} as
   * {@code wait} says ({@link MxClient#waitForAggregation(MemberRef, AggregationWait)}).
   *
   * @param user the user, by your id or MX's guid
   * @param member the member, by your id or MX's guid
   * @param wait how often to read and how long to wait in all
   * @return how the wait ended
   * @throws IllegalArgumentException before any I/O, if the user or member is not a valid identifier
   * @throws MxException if a status read fails (after its own retries)
   * @throws java.util.concurrent.CancellationException if the waiting thread is interrupted
   */
  default AggregationOutcome waitForAggregation(String user, String member, AggregationWait wait) {
    return waitForAggregation(MemberRef.of(user, member), wait);
  }

  /** Builds an {@link MxPlatformClient}; {@link #build()} names anything missing. */
  interface Builder extends MxSyncClientBuilder<Builder>, PlatformClientBuilder<Builder> {
    /**
     * Builds the client.
     *
     * @return the client, ready to send
     * @throws IllegalStateException if the environment (or base URL) or the credentials are missing,
     *     or a proxy is set with your own httpClient
     */
    MxPlatformClient build();
  }
}
