package io.github.mxmembers;

import io.github.mxmembers.generated.nexus.JSON;
import io.github.mxmembers.generated.nexus.api.MembersApi;
import io.github.mxmembers.internal.nexus.SessionInterceptor;
import io.github.mxmembers.internal.nexus.SessionManager;
import java.util.List;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * What {@link MxNexusClient} and {@link MxNexusAsyncClient} share, which is everything but the
 * return types of their calls: the runtime, the session and the pipeline that opens and renews it,
 * the Nexus API's operations, preview, close and toString. Each call there is one method that hands
 * its operation to {@link #calls}: {@code send} on the sync client, {@code start} on the async one.
 */
abstract class AbstractNexusClient implements AutoCloseable {
  /** What a preview shows for the session header the pipeline adds: never a token. */
  private static final List<Header> PREVIEW_SESSION =
      List.of(new BasicHeader(MembersApi.UPDATE_MEMBER_AUTH_HEADER, "session token"));

  /** Runs this API's operations through its pipeline, inside the user's session. */
  final OperationRunner calls;
  /** {@code PUT /members/{member_guid}}. */
  final NexusUpdateMember updateMember = NexusUpdateMember.INSTANCE;
  /** {@code GET /member/{guid}/credentials}, a page. */
  final Operation<MemberAddress, Page<RequiredCredential>> listCredentials = NexusWorkflow.LIST_CREDENTIALS;
  /** {@code GET /members/{guid}}. */
  final Operation<MemberAddress, Member> readMember = NexusWorkflow.READ_MEMBER;
  /** {@code GET /members/{guid}/challenges}, a page. */
  final Operation<MemberAddress, Page<Challenge>> listChallenges = NexusWorkflow.LIST_CHALLENGES;
  /** {@code PUT /members/{guid}/resume}. */
  final Operation<MemberResume, Member> resume = NexusWorkflow.RESUME;

  private final ClientRuntime runtime;
  private final SessionManager sessions;

  /** @throws IllegalStateException naming what the builder lacks, before anything is built */
  AbstractNexusClient(MxClientBuilder<?> builder, NexusAuth auth) {
    String baseUrl = builder.resolveBaseUrl(JSON.SERVERS);
    auth.check(builder.environment());
    this.runtime = builder.runtime();
    this.sessions = auth.sessions(runtime, baseUrl, builder.environment());
    this.calls = new OperationRunner(runtime, MxApi.NEXUS, runtime.pipeline(baseUrl, new SessionInterceptor(sessions)));
  }

  /**
   * The request {@code updateMember} would send for this update, secrets redacted, without sending
   * it; the session header stands for the token the pipeline would add.
   *
   * @param update the update
   * @return the request, redacted
   * @throws IllegalArgumentException as {@code updateMember} would, before any I/O
   */
  public RequestPreview preview(MemberUpdate update) {
    return RequestPreview.of(updateMember.prepare(update), PREVIEW_SESSION);
  }

  /**
   * Fails every call still under way, then closes what the SDK built: the connection pool (an
   * HttpClient you supplied stays open), the timer thread and, on the async client, the I/O threads.
   * Nothing of the client runs afterwards.
   */
  @Override
  public void close() {
    runtime.close();
  }

  /** {@return a description for logs and debugging, which never holds a secret} */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + sessions + "}";
  }
}
