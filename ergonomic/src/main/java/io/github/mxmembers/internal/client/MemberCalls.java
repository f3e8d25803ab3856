package io.github.mxmembers.internal.client;

import io.github.mxmembers.MxApi;
import io.github.mxmembers.annotations.InternalApi;
import io.github.mxmembers.exception.MxTransportException;
import io.github.mxmembers.internal.pipeline.Futures;
import io.github.mxmembers.internal.waiter.AggregationWaiter;
import io.github.mxmembers.model.Challenge;
import io.github.mxmembers.model.Member;
import io.github.mxmembers.model.MemberRef;
import io.github.mxmembers.model.MemberResume;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import io.github.mxmembers.model.RequestPreview;
import io.github.mxmembers.model.RequiredCredential;
import io.github.mxmembers.waiter.AggregationOutcome;
import io.github.mxmembers.waiter.AggregationWait;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * What every client is, whatever its API and flavour: the runtime, the pipeline with the API's auth,
 * the API's operations, and each call as a future. The four public clients are this and nothing more:
 * an async client returns its futures, a sync one joins them ({@link Calls#join}), which are already
 * complete since its runtime sends and waits on the calling thread. Built from a copy of the builder's
 * settings, so that the builder changes nothing of it afterwards.
 */
@InternalApi
public final class MemberCalls implements AutoCloseable {
  private final ClientRuntime runtime;
  private final ApiSettings settings;
  private final ApiOperations operations;
  private final Calls calls;
  private final AggregationWaiter waiter;

  /** @throws IllegalStateException naming what the builder lacks, before anything is built */
  public MemberCalls(ClientSettings builder) {
    ClientSettings own = builder.copy();
    this.settings = own.api;
    String baseUrl = own.baseUrl(settings.servers());
    settings.check(own.environment);
    this.runtime = ClientRuntime.of(own);
    this.operations = settings.operations();
    this.calls = new Calls(runtime, operations.api(), runtime.pipeline(baseUrl, settings.auth(runtime, baseUrl, own.environment)));
    this.waiter = new AggregationWaiter(calls, operations);
  }

  /** {@return the API} */
  public MxApi api() {
    return operations.api();
  }

  /** {@return the API's settings, as the client was built with them} */
  public ApiSettings settings() {
    return settings;
  }

  public CompletableFuture<MemberUpdateResult> updateMember(MemberUpdate update) {
    return calls.start(operations.updateMember(), update);
  }

  public RequestPreview preview(MemberUpdate update) {
    return Previews.of(operations.updateMember().prepare(update), settings.previewHeaders());
  }

  public CompletableFuture<List<RequiredCredential>> listCredentials(MemberRef member) {
    return calls.list(operations.listCredentials(), operations.address(member));
  }

  public CompletableFuture<Member> readStatus(MemberRef member) {
    MemberAddress at = operations.address(member);
    java.time.Instant sent = runtime.clock().instant();
    CompletableFuture<Member> read = calls.start(operations.readStatus(), at);
    read.thenAccept(done -> waiter.noteRead(at, done, sent)); // a wait after it keeps MX's 3 s
    return read;
  }

  public CompletableFuture<List<Challenge>> listChallenges(MemberRef member) {
    return calls.list(operations.listChallenges(), operations.address(member));
  }

  /**
   * Sends the resume once, never repeated: a resume whose answer was lost may have been applied by MX,
   * and the failure says so, pointing to the member's status rather than a second answer.
   */
  public CompletableFuture<Member> resume(MemberResume resume) {
    CompletableFuture<Member> sent = calls.start(operations.resume(), resume);
    if (sent.isDone() && !sent.isCompletedExceptionally()) {
      return sent;
    }
    CompletableFuture<Member> result = new CompletableFuture<>();
    result.whenComplete((done, failure) -> {
      if (result.isCancelled()) {
        sent.cancel(true);
      }
    });
    sent.whenComplete((member, failure) -> {
      if (failure == null) {
        result.complete(member);
      } else {
        result.completeExceptionally(mayHaveReachedMx(Futures.unwrap(failure)));
      }
    });
    return result;
  }

  /** A transport failure of a resume that may have reached MX, said so; any other failure as it is. */
  private static Throwable mayHaveReachedMx(Throwable failure) {
    if (!(failure instanceof MxTransportException) || neverSent(failure)) {
      return failure;
    }
    MxTransportException lost = (MxTransportException) failure;
    return new MxTransportException(
        lost.api(),
        lost.getMessage()
            + "; the resume may have reached MX and been applied: read the member's status (readStatus or"
            + " waitForAggregation) before answering again, since MX may refuse or reject a second answer",
        lost.attempts(),
        lost.requestId().orElse(null),
        lost,
        lost.deadlinePassed());
  }

  /** Whether the request certainly never left: the connection could not be made, or the client was closed. */
  private static boolean neverSent(Throwable failure) {
    if (failure.getMessage() != null && failure.getMessage().contains("was not sent")) {
      return true;
    }
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
          || cause instanceof java.net.NoRouteToHostException) {
        return true;
      }
    }
    return false;
  }

  public CompletableFuture<AggregationOutcome> waitForAggregation(MemberRef member, AggregationWait wait) {
    Objects.requireNonNull(wait, "wait == null");
    return waiter.start(operations.address(member), wait);
  }

  public int wakeWaits(String member) {
    return waiter.wake(Objects.requireNonNull(member, "member == null"));
  }

  /** Ends every call still under way (each fails), then the timer thread and the client the SDK built. */
  @Override
  public void close() {
    runtime.close();
  }

  /** Settings only: never a secret. */
  @Override
  public String toString() {
    return operations.api() + ", " + settings;
  }
}
