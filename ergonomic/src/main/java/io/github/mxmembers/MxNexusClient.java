package io.github.mxmembers;

import io.github.mxmembers.exception.MxException;

/**
 * Updates members on the MX Nexus API for one user, over a session it opens and keeps alive, on the
 * calling thread. Immutable and thread-safe; close it when done with the user. {@link
 * MxNexusAsyncClient} does the same without blocking.
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
public final class MxNexusClient extends AbstractNexusClient {
  private MxNexusClient(Builder builder) {
    super(builder, builder.nexusAuth());
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends the update: {@code PUT /members/{member_guid}}. A session is opened first when there is
   * none; if MX reports it expired (4011) it is renewed once and the update repeated. All of it runs
   * under one call timeout and one retry budget.
   *
   * @param update the update, with no user
   * @return the result: MX's status, the member as MX now has it, attempts and request id
   * @throws IllegalArgumentException before any I/O, if the update has a field the Nexus API does
   *     not have
   * @throws MxException if MX answers with an error, the response is unreadable, or no response
   *     came back in the attempts and time allowed
   */
  public MemberUpdateResult updateMember(MemberUpdate update) {
    return calls.send(updateMember, update);
  }

  /** Builds an {@link MxNexusClient}; {@link #build()} names anything missing. */
  public static final class Builder extends MxSyncClientBuilder<Builder> {
    private Builder() {
      super(new NexusAuth());
    }

    /**
     * Where one-time API tokens come from, when you fetch them yourself.
     *
     * @param apiTokenSource asked, on the calling thread, for a new token each time a session is opened
     * @return this builder
     */
    public Builder apiTokenSource(ApiTokenSource apiTokenSource) {
      nexusAuth().apiTokenSource(apiTokenSource);
      return this;
    }

    /**
     * Lets the SDK fetch API tokens from MX's SSO API with the keys in the environment variables
     * {@code MX_CLIENT_ID}, {@code MX_API_KEY} and {@code MX_USER_ID}, and the SSO API's base URL in
     * {@code MX_SSO_URL} when it is set: read now, and only when this is called; the same variables
     * this SDK's CLI reads.
     *
     * @return this builder
     * @throws IllegalStateException naming a required variable that is unset or blank (never a value)
     * @throws IllegalArgumentException if a value is not valid
     */
    public Builder ssoFromEnvironment() {
      nexusAuth().ssoFromEnvironment(System.getenv());
      return this;
    }

    /**
     * Lets the SDK fetch API tokens from MX's SSO API with your {@code MD-API-KEY}.
     *
     * @param clientId your client id, part of the SSO URL
     * @param apiKey your API key, sent as {@code MD-API-KEY}; never printed
     * @param userId the user whose members this client updates: partner-defined id or {@code USR-} guid
     * @return this builder
     * @throws IllegalArgumentException if any is blank or holds control characters
     */
    public Builder sso(String clientId, String apiKey, String userId) {
      nexusAuth().sso(clientId, apiKey, userId);
      return this;
    }

    /**
     * Whether opening a Nexus session asks MX not to aggregate the user's members: true by default,
     * so the SDK sends {@code {"skip_aggregation": true}} with {@code POST /sessions}. MX's
     * verification guide: the body "should contain skip_aggregation:true ... This will prevent
     * automatic aggregation being initiated for the user's existing members when the session is
     * opened". Without it, every session the client opens may start an aggregation of all of that
     * user's members, and an update's own {@code skipAggregation(true)} would not mean what it says.
     * False sends no body, as the SDK did until now. MX's pages show no schema for this body: the
     * SDK puts the field at the top level, the guide's most literal reading.
     *
     * @param skip false to let MX aggregate the user's members when a session opens
     * @return this builder
     */
    public Builder sessionsSkipAggregation(boolean skip) {
      nexusAuth().sessionsSkipAggregation(skip);
      return this;
    }

    /**
     * The SSO API's base URL, when {@link #baseUrl(String)} replaces the environment.
     *
     * @param ssoBaseUrl https, except to a loopback address
     * @return this builder
     * @throws IllegalArgumentException if not an absolute http(s) URL
     */
    public Builder ssoBaseUrl(String ssoBaseUrl) {
      nexusAuth().ssoBaseUrl(ssoBaseUrl);
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client; it opens its first session on its first update
     * @throws IllegalStateException if the environment (or base URL) or the session source is missing, or
     *     both session sources are set, or a proxy is set with your own httpClient
     */
    public MxNexusClient build() {
      return new MxNexusClient(this);
    }
  }
}
