package io.github.mxmembers;

import io.github.mxmembers.exception.MxException;
import java.util.List;
import java.util.Objects;

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

  /**
   * The credentials the member's institution asks for, to build an update with ({@link
   * RequiredCredential#withValue}): {@code GET /member/{guid}/credentials}, every page read.
   *
   * @param member the member's MX guid
   * @return the credentials, in MX's order (sort by {@link RequiredCredential#displayOrder()} to
   *     ask for them)
   * @throws IllegalArgumentException before any I/O, if the member is not a valid identifier
   * @throws MxException if MX answers with an error, the response is unreadable, or no response
   *     came back in the attempts and time allowed
   */
  public List<RequiredCredential> listCredentials(String member) {
    return calls.sendAll(listCredentials, MemberAddress.nexus(member));
  }

  /**
   * Reads the member's status, to follow the aggregation an update or a resume started: {@code GET
   * /members/{guid}}.
   *
   * @param member the member's MX guid
   * @return the member, with its status fields: {@link Member#connectionStatus()}, {@link
   *     Member#isBeingAggregated()}, {@link Member#aggregatedAt()}
   * @throws IllegalArgumentException before any I/O, if the member is not a valid identifier
   * @throws MxException if MX answers with an error, the response is unreadable, or no response
   *     came back in the attempts and time allowed
   */
  public Member readStatus(String member) {
    return calls.send(readMember, MemberAddress.nexus(member));
  }

  /**
   * The MFA challenges a {@code CHALLENGED} member must answer: {@code GET /members/{guid}/challenges}, every page
   * read. A member that is not challenged has none (MX answers 204).
   *
   * @param member the member's MX guid
   * @return the challenges; empty when the member is not challenged
   * @throws IllegalArgumentException before any I/O, if the member is not a valid identifier
   * @throws MxException if MX answers with an error, the response is unreadable, or no response
   *     came back in the attempts and time allowed
   */
  public List<Challenge> listChallenges(String member) {
    return calls.sendAll(listChallenges, MemberAddress.nexus(member));
  }

  /**
   * Answers the member's MFA challenges and resumes its aggregation: {@code PUT /members/{guid}/resume}. Sent
   * once, never repeated after it may have reached MX (a one-time code answered twice, or a member
   * no longer challenged, would fail where the first succeeded): a retry follows only a failure
   * before anything was sent. MX refuses a member that is not challenged ({@link
   * io.github.mxmembers.exception.MxApiException}, 405 on Nexus) and answers it does not take (400).
   *
   * @param resume the member and the answers, without a user
   * @return the member as MX now has it (connection status {@code RESUMED} while it aggregates)
   * @throws IllegalArgumentException before any I/O, if the resume has a user
   * @throws MxException if MX answers with an error, the response is unreadable, or no response
   *     came back in the attempts and time allowed
   */
  public Member resume(MemberResume resume) {
    return calls.send(this.resume, resume);
  }

  /**
   * Waits, with {@link AggregationWait#defaults()} (3 s backing off to 15 s, 5 minutes in all), for
   * the aggregation an update or a resume started, until the member needs nothing more from the
   * program: see {@link #waitForAggregation(String, AggregationWait)}.
   *
   * @param member the member's MX guid
   * @return how the wait ended: connected, needs answers (with the challenges), needs the end user
   *     (with what to do), ended otherwise, or timed out
   * @throws IllegalArgumentException before any I/O, if the member is not a valid identifier
   * @throws MxException if a status read fails (after its own retries)
   * @throws java.util.concurrent.CancellationException if the waiting thread is interrupted
   */
  public AggregationOutcome waitForAggregation(String member) {
    return waitForAggregation(member, AggregationWait.defaults());
  }

  /**
   * Waits for the aggregation an update or a resume started, reading the member's status ({@code GET /members/{guid}})
   * no more often than {@code wait} allows, backing off to its cap, until the member needs nothing
   * more from the program or {@code wait}'s timeout passes. Each read goes through this client's
   * pipeline (its retries, listener and typed errors) under the nearer of the call timeout and the
   * wait's deadline; a read that fails ends the wait with its exception. {@code CHALLENGED} ends it
   * at once with the challenges to answer; {@code CONNECTED} once the member is no longer being
   * aggregated; a status this SDK does not know keeps it waiting while the member is being
   * aggregated and otherwise ends it ({@link AggregationOutcome.Kind#ENDED}) with the raw value. It waits on the calling thread (with the
   * builder's sleeper); interrupting the thread ends it.
   *
   * @param member the member's MX guid
   * @param wait how often to read and how long to wait in all
   * @return how the wait ended: connected, needs answers (with the challenges), needs the end user
   *     (with what to do), ended otherwise, or timed out
   * @throws IllegalArgumentException before any I/O, if the member is not a valid identifier
   * @throws MxException if a status read fails (after its own retries)
   * @throws java.util.concurrent.CancellationException if the waiting thread is interrupted
   */
  public AggregationOutcome waitForAggregation(String member, AggregationWait wait) {
    Objects.requireNonNull(wait, "wait == null");
    return AggregationWaiter.await(calls, readMember, listChallenges, MemberAddress.nexus(member), wait);
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
