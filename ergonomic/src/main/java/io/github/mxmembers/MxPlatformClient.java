package io.github.mxmembers;

import io.github.mxmembers.exception.MxException;
import java.util.List;

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
