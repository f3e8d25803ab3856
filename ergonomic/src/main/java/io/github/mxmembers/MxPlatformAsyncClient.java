package io.github.mxmembers;

import io.github.mxmembers.exception.MxException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Updates members on the MX Platform API without blocking: the async twin of {@link
 * MxPlatformClient}, with the same settings, retries, deadline, listener and errors, over
 * HttpClient 5's async client. Thousands of updates can be in flight on a few threads: the I/O
 * reactor's ({@link MxAsyncClientBuilder#ioThreads} dispatchers, at most 4 by default, and the one HttpClient
 * starts them from) and one timer thread, which aborts attempts at their deadline and ends the
 * waits before retries. Immutable and thread-safe; share
 * one per application and close it on shutdown.
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
 *
 * <p><b>Errors.</b> Bad input throws at once, before anything is sent, exactly as on the sync client
 * ({@code NullPointerException}, {@code IllegalArgumentException}): it is a bug at the call site,
 * and no future is returned. Everything else fails the future with the {@link MxException} itself:
 * {@code whenComplete}, {@code handle} and {@code exceptionally} on the returned future see it as
 * is; {@code join()} throws it wrapped in a {@link java.util.concurrent.CompletionException} and
 * {@code get()} in an {@link java.util.concurrent.ExecutionException}, with it as the cause (and so
 * do stages you chain on it, as for any {@link CompletableFuture}).
 *
 * <p><b>Cancellation.</b> {@code cancel(true)} on the returned future aborts the attempt on the wire
 * (its connection is closed, not returned to the pool half-read) and starts no further attempt; the
 * listener's {@code callFinished} then carries a {@link java.util.concurrent.CancellationException}.
 * What reaches MX: once {@code cancel(true)} has returned true, the update is never handed a
 * connection. One still waiting (for a connection from the pool, for a Nexus session, for a retry, or
 * about to be sent) is never written; only an update already on the wire, handed its connection
 * before the cancel, may have reached MX. Such an update may or may not have been applied: it is an
 * idempotent {@code PUT}, so sending it again is safe.
 * {@link #close()} fails every call still under way with an {@link
 * io.github.mxmembers.exception.MxTransportException}.
 *
 * <p><b>Threads.</b> The future completes, and stages you chain without an executor run, on an I/O
 * or timer thread of the client's: keep them quick and never block there (use {@code thenApplyAsync}
 * with an executor of yours for slow work). The listener is called on those threads too.
 */
public final class MxPlatformAsyncClient extends AbstractPlatformClient {
  private MxPlatformAsyncClient(Builder builder) {
    super(builder, builder.platformAuth());
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the update, {@code PUT /users/{user}/members/{member}}, and returns at once.
   *
   * @param update the update, with a user
   * @return completes with the result (MX's status, the member as MX now has it, attempts and
   *     request id), or fails with the {@link MxException} the sync client would throw
   * @throws IllegalArgumentException at once, before any I/O, if the update has no user or has a
   *     field the Platform API does not have
   */
  public CompletableFuture<MemberUpdateResult> updateMember(MemberUpdate update) {
    return calls.start(updateMember, update);
  }

  /**
   * The credentials the member's institution asks for, to build an update with ({@link
   * RequiredCredential#withValue}): {@code GET /users/{user}/members/{member}/credentials}, every page read.
   *
   * @param user the user, by your id or MX's guid
   * @param member the member, by your id or MX's guid
   * @return completes with the credentials, in MX's order (sort by {@link RequiredCredential#displayOrder()} to
   *     ask for them), or fails with the {@link MxException} the
   *     sync client would throw
   * @throws IllegalArgumentException at once, before any I/O, if the user or member is not a valid identifier
   */
  public CompletableFuture<List<RequiredCredential>> listCredentials(String user, String member) {
    return calls.startAll(listCredentials, MemberAddress.platform(user, member));
  }

  /**
   * Reads the member's status, to follow the aggregation an update or a resume started: {@code GET
   * /users/{user}/members/{member}/status}.
   *
   * @param user the user, by your id or MX's guid
   * @param member the member, by your id or MX's guid
   * @return completes with the member's status: {@link Member#connectionStatus()}, {@link Member#isBeingAggregated()},
   *     {@link Member#aggregatedAt()}; {@code is_authenticated}, {@code has_processed_*} and its
   *     challenges in {@link Member#asJson()}, or fails with the {@link MxException} the
   *     sync client would throw
   * @throws IllegalArgumentException at once, before any I/O, if the user or member is not a valid identifier
   */
  public CompletableFuture<Member> readStatus(String user, String member) {
    return calls.start(readStatus, MemberAddress.platform(user, member));
  }

  /**
   * The MFA challenges a {@code CHALLENGED} member must answer: {@code GET /users/{user}/members/{member}/challenges}, every page
   * read. A member that is not challenged has none (MX answers 204).
   *
   * @param user the user, by your id or MX's guid
   * @param member the member, by your id or MX's guid
   * @return completes with the challenges; empty when the member is not challenged, or fails with the {@link MxException} the
   *     sync client would throw
   * @throws IllegalArgumentException at once, before any I/O, if the user or member is not a valid identifier
   */
  public CompletableFuture<List<Challenge>> listChallenges(String user, String member) {
    return calls.startAll(listChallenges, MemberAddress.platform(user, member));
  }

  /**
   * Answers the member's MFA challenges and resumes its aggregation: {@code PUT /users/{user}/members/{member}/resume}. Sent
   * once, never repeated after it may have reached MX (a one-time code answered twice, or a member
   * no longer challenged, would fail where the first succeeded): a retry follows only a failure
   * before anything was sent. MX refuses a member that is not challenged ({@link
   * io.github.mxmembers.exception.MxApiException}, 405 on Nexus) and answers it does not take (400).
   *
   * @param resume the member and the answers, with a user
   * @return completes with the member as MX now has it (connection status {@code RESUMED} while it aggregates), or fails with the {@link MxException} the
   *     sync client would throw
   * @throws IllegalArgumentException at once, before any I/O, if the resume has no user
   */
  public CompletableFuture<Member> resume(MemberResume resume) {
    return calls.start(this.resume, resume);
  }

  /**
   * Waits, with {@link AggregationWait#defaults()} (3 s backing off to 15 s, 5 minutes in all), for
   * the aggregation an update or a resume started, until the member needs nothing more from the
   * program: see {@link #waitForAggregation(String, String, AggregationWait)}.
   *
   * @param user the user, by your id or MX's guid
   * @param member the member, by your id or MX's guid
   * @return completes with how the wait ended: connected, needs answers (with the challenges), needs the end user
   *     (with what to do), ended otherwise, or timed out, or fails with the {@link MxException} a status
   *     read failed with
   * @throws IllegalArgumentException at once, before any I/O, if the user or member is not a valid identifier
   */
  public CompletableFuture<AggregationOutcome> waitForAggregation(String user, String member) {
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
   * aggregated and otherwise ends it ({@link AggregationOutcome.Kind#ENDED}) with the raw value. No thread is held between reads:
   * they wait on the timer (or your {@code retry.Scheduler}); cancelling the future stops the wait and
   * the read under way.
   *
   * @param user the user, by your id or MX's guid
   * @param member the member, by your id or MX's guid
   * @param wait how often to read and how long to wait in all
   * @return completes with how the wait ended: connected, needs answers (with the challenges), needs the end user
   *     (with what to do), ended otherwise, or timed out, or fails with the {@link MxException} a status
   *     read failed with
   * @throws IllegalArgumentException at once, before any I/O, if the user or member is not a valid identifier
   */
  public CompletableFuture<AggregationOutcome> waitForAggregation(String user, String member, AggregationWait wait) {
    Objects.requireNonNull(wait, "wait == null");
    return AggregationWaiter.start(calls, readStatus, listChallenges, MemberAddress.platform(user, member), wait);
  }

  /** Builds an {@link MxPlatformAsyncClient}; {@link #build()} names anything missing. */
  public static final class Builder extends MxAsyncClientBuilder<Builder> {
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
     * Builds the client and starts its I/O reactor.
     *
     * @return the client, ready to send
     * @throws IllegalStateException if the environment (or base URL) or the credentials are missing
     */
    public MxPlatformAsyncClient build() {
      return new MxPlatformAsyncClient(this);
    }
  }
}
