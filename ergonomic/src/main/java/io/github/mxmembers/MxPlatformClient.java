package io.github.mxmembers;

import io.github.mxmembers.exception.MxException;
import java.util.List;
import java.util.Objects;

/**
 * Updates members on the MX Platform API, with Basic auth, a pinned {@code Accept-Version} and
 * retries, on the calling thread. Immutable and thread-safe; share one per application and close it
 * on shutdown. {@link MxPlatformAsyncClient} does the same without blocking.
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
public final class MxPlatformClient extends AbstractPlatformClient {
  private MxPlatformClient(Builder builder) {
    super(builder, builder.platformAuth());
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends the update: {@code PUT /users/{user}/members/{member}}.
   *
   * @param update the update, with a user
   * @return the result: MX's status, the member as MX now has it, attempts and request id
   * @throws IllegalArgumentException before any I/O, if the update has no user or has a field the
   *     Platform API does not have
   * @throws MxException if MX answers with an error, the response is unreadable, or no response
   *     came back in the attempts and time allowed
   */
  public MemberUpdateResult updateMember(MemberUpdate update) {
    return calls.send(updateMember, update);
  }

  /**
   * The credentials the member's institution asks for, to build an update with ({@link
   * RequiredCredential#withValue}): {@code GET /users/{user}/members/{member}/credentials}, every page read.
   *
   * @param user the user, by your id or MX's guid
   * @param member the member, by your id or MX's guid
   * @return the credentials, in MX's order (sort by {@link RequiredCredential#displayOrder()} to
   *     ask for them)
   * @throws IllegalArgumentException before any I/O, if the user or member is not a valid identifier
   * @throws MxException if MX answers with an error, the response is unreadable, or no response
   *     came back in the attempts and time allowed
   */
  public List<RequiredCredential> listCredentials(String user, String member) {
    return calls.sendAll(listCredentials, MemberAddress.platform(user, member));
  }

  /**
   * Reads the member's status, to follow the aggregation an update or a resume started: {@code GET
   * /users/{user}/members/{member}/status}.
   *
   * @param user the user, by your id or MX's guid
   * @param member the member, by your id or MX's guid
   * @return the member's status: {@link Member#connectionStatus()}, {@link Member#isBeingAggregated()},
   *     {@link Member#aggregatedAt()}; {@code is_authenticated}, {@code has_processed_*} and its
   *     challenges in {@link Member#asJson()}
   * @throws IllegalArgumentException before any I/O, if the user or member is not a valid identifier
   * @throws MxException if MX answers with an error, the response is unreadable, or no response
   *     came back in the attempts and time allowed
   */
  public Member readStatus(String user, String member) {
    return calls.send(readStatus, MemberAddress.platform(user, member));
  }

  /**
   * The MFA challenges a {@code CHALLENGED} member must answer: {@code GET /users/{user}/members/{member}/challenges}, every page
   * read. A member that is not challenged has none (MX answers 204).
   *
   * @param user the user, by your id or MX's guid
   * @param member the member, by your id or MX's guid
   * @return the challenges; empty when the member is not challenged
   * @throws IllegalArgumentException before any I/O, if the user or member is not a valid identifier
   * @throws MxException if MX answers with an error, the response is unreadable, or no response
   *     came back in the attempts and time allowed
   */
  public List<Challenge> listChallenges(String user, String member) {
    return calls.sendAll(listChallenges, MemberAddress.platform(user, member));
  }

  /**
   * Answers the member's MFA challenges and resumes its aggregation: {@code PUT /users/{user}/members/{member}/resume}. Sent
   * once, never repeated after it may have reached MX (a one-time code answered twice, or a member
   * no longer challenged, would fail where the first succeeded): a retry follows only a failure
   * before anything was sent. MX refuses a member that is not challenged ({@link
   * io.github.mxmembers.exception.MxApiException}, 405 on Nexus) and answers it does not take (400).
   *
   * @param resume the member and the answers, with a user
   * @return the member as MX now has it (connection status {@code RESUMED} while it aggregates)
   * @throws IllegalArgumentException before any I/O, if the resume has no user
   * @throws MxException if MX answers with an error, the response is unreadable, or no response
   *     came back in the attempts and time allowed
   */
  public Member resume(MemberResume resume) {
    return calls.send(this.resume, resume);
  }

  /**
   * Waits, with {@link AggregationWait#defaults()} (3 s backing off to 15 s, 5 minutes in all), for
   * the aggregation an update or a resume started, until the member needs nothing more from the
   * program: see {@link #waitForAggregation(String, String, AggregationWait)}.
   *
   * @param user the user, by your id or MX's guid
   * @param member the member, by your id or MX's guid
   * @return how the wait ended: connected, needs answers (with the challenges), needs the end user
   *     (with what to do), ended otherwise, or timed out
   * @throws IllegalArgumentException before any I/O, if the user or member is not a valid identifier
   * @throws MxException if a status read fails (after its own retries)
   * @throws java.util.concurrent.CancellationException if the waiting thread is interrupted
   */
  public AggregationOutcome waitForAggregation(String user, String member) {
    return waitForAggregation(user, member, AggregationWait.defaults());
  }

  /**
   * Waits for the aggregation an update or a resume started, reading the member's status ({@code GET .../status})
   * no more often than {@code wait} allows, backing off to its cap, until the member needs nothing
   * more from the program or {@code wait}'s timeout passes. Each read goes through this client's
   * pipeline (its retries, listener and typed errors) under the nearer of the call timeout and the
   * wait's deadline; a read that fails ends the wait with its exception. {@code CHALLENGED} ends it
   * at once with the challenges to answer; {@code CONNECTED} once the member is no longer being
   * aggregated; a status this SDK does not know keeps it waiting while the member is being
   * aggregated and otherwise ends it ({@link AggregationOutcome.Kind#ENDED}) with the raw value. It waits on the calling thread (with the
   * builder's sleeper); interrupting the thread ends it.
   *
   * @param user the user, by your id or MX's guid
   * @param member the member, by your id or MX's guid
   * @param wait how often to read and how long to wait in all
   * @return how the wait ended: connected, needs answers (with the challenges), needs the end user
   *     (with what to do), ended otherwise, or timed out
   * @throws IllegalArgumentException before any I/O, if the user or member is not a valid identifier
   * @throws MxException if a status read fails (after its own retries)
   * @throws java.util.concurrent.CancellationException if the waiting thread is interrupted
   */
  public AggregationOutcome waitForAggregation(String user, String member, AggregationWait wait) {
    Objects.requireNonNull(wait, "wait == null");
    return AggregationWaiter.await(calls, readStatus, listChallenges, MemberAddress.platform(user, member), wait);
  }

  /** Builds an {@link MxPlatformClient}; {@link #build()} names anything missing. */
  public static final class Builder extends MxSyncClientBuilder<Builder> {
    private Builder() {
      super(new PlatformAuth());
    }

    /**
     * Your MX client id and API key from the environment variables {@code MX_CLIENT_ID} and {@code
     * MX_API_KEY}, read now (and only when this is called), as AWS SDK's environment-variable
     * credentials provider reads its own; the same variables this SDK's CLI reads.
     *
     * @return this builder
     * @throws IllegalStateException naming a variable that is unset or blank (never a value)
     * @throws IllegalArgumentException if a value is not a valid client id or key
     */
    public Builder credentialsFromEnvironment() {
      platformAuth().credentialsFromEnvironment(System.getenv());
      return this;
    }

    /**
     * Your MX client id and API key, sent as HTTP Basic auth on every request.
     *
     * @param clientId your client id; no {@code :} and no control characters
     * @param apiKey your API key; never printed
     * @return this builder
     * @throws IllegalArgumentException if either is blank or holds control characters, or the client id a {@code :}
     */
    public Builder credentials(String clientId, String apiKey) {
      platformAuth().credentials(clientId, apiKey);
      return this;
    }

    /**
     * The API version to pin; {@link PlatformApiVersion#latest()} by default.
     *
     * @param apiVersion a version this SDK was generated for
     * @return this builder
     */
    public Builder apiVersion(PlatformApiVersion apiVersion) {
      platformAuth().apiVersion(apiVersion);
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client, ready to send
     * @throws IllegalStateException if the environment (or base URL) or the credentials are missing,
     *     or a proxy is set with your own httpClient
     */
    public MxPlatformClient build() {
      return new MxPlatformClient(this);
    }
  }
}
