package io.github.mxmembers;

import io.github.mxmembers.generated.platform.JSON;
import io.github.mxmembers.internal.pipeline.AuthHeaderInterceptor;
import java.util.List;
import org.apache.hc.core5.http.Header;

/**
 * What {@link MxPlatformClient} and {@link MxPlatformAsyncClient} share, which is everything but the
 * return types of their calls: the runtime, the pipeline with Basic auth and the pinned version, the
 * Platform API's operations, preview, close and toString. Each call there is one method that hands
 * its operation to {@link #calls}: {@code send} on the sync client, {@code start} on the async one.
 */
abstract class AbstractPlatformClient implements AutoCloseable {
  /** Runs this API's operations through its pipeline. */
  final OperationRunner calls;
  /** {@code PUT /users/{user}/members/{member}}. */
  final PlatformUpdateMember updateMember;
  /** {@code GET .../members/{member}/credentials}, a page. */
  final Operation<MemberAddress, Page<RequiredCredential>> listCredentials;
  /** {@code GET .../members/{member}/status}. */
  final Operation<MemberAddress, Member> readStatus;
  /** {@code GET .../members/{member}/challenges}, a page. */
  final Operation<MemberAddress, Page<Challenge>> listChallenges;
  /** {@code PUT .../members/{member}/resume}. */
  final Operation<MemberResume, Member> resume;

  private final ClientRuntime runtime;
  private final Header authorization;
  private final PlatformApiVersion apiVersion;

  /** @throws IllegalStateException naming what the builder lacks, before anything is built */
  AbstractPlatformClient(MxClientBuilder<?> builder, PlatformAuth auth) {
    String baseUrl = builder.resolveBaseUrl(JSON.SERVERS);
    auth.check();
    this.runtime = builder.runtime();
    this.authorization = auth.authorization();
    this.apiVersion = auth.apiVersion();
    this.calls =
        new OperationRunner(runtime, MxApi.PLATFORM, runtime.pipeline(baseUrl, new AuthHeaderInterceptor(authorization)));
    this.updateMember = new PlatformUpdateMember(apiVersion);
    this.listCredentials = PlatformWorkflow.listCredentials(apiVersion);
    this.readStatus = PlatformWorkflow.readStatus(apiVersion);
    this.listChallenges = PlatformWorkflow.listChallenges(apiVersion);
    this.resume = PlatformWorkflow.resume(apiVersion);
  }

  /** {@return the version every request pins in {@code Accept-Version}} */
  public PlatformApiVersion apiVersion() {
    return apiVersion;
  }

  /**
   * The request {@code updateMember} would send for this update, secrets redacted, without sending
   * it.
   *
   * @param update the update
   * @return the request, redacted
   * @throws IllegalArgumentException as {@code updateMember} would, before any I/O
   */
  public RequestPreview preview(MemberUpdate update) {
    return RequestPreview.of(updateMember.prepare(update), List.of(authorization));
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
    return getClass().getSimpleName() + "{" + MxApi.PLATFORM + ", apiVersion=" + apiVersion + "}";
  }
}
