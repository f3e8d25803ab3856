package io.github.mxmembers;

import static io.github.mxmembers.MockMx.MEMBER_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import io.github.mxmembers.exception.MxException;
import io.github.mxmembers.exception.MxResponseException;
import io.github.mxmembers.exception.MxTransportException;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.retry.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One deadline whatever the caller's own code does: a {@code retry.Scheduler} or an API-token source
 * that hangs, returns null, throws or fails ends the call by its deadline, with an {@link
 * MxException}, never the caller's exception or a JDK one. Over real loopback HTTP.
 */
@Timeout(30)
class CallersCodeTest extends MockMxTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  /** The future's failure, unwrapped, within the wait a test allows (far more than the call timeout). */
  private static Throwable failureOf(CompletableFuture<?> call) {
    Throwable thrown = catchThrowable(() -> call.get(10, TimeUnit.SECONDS));
    assertThat(thrown).as("the call ended").isInstanceOf(ExecutionException.class);
    return thrown.getCause();
  }

  private static MxPlatformAsyncClient platform(Scheduler scheduler) {
    return MxPlatformAsyncClient.builder()
        .baseUrl(MockMx.url(server))
        .credentials(MockMx.CLIENT_ID, MockMx.API_KEY)
        .callTimeout(TIMEOUT)
        .scheduler(scheduler)
        .build();
  }

  @Test
  void aSchedulerThatNeverCompletesCannotHoldTheCallPastItsDeadline() {
    server.when(request().withPath(MEMBER_PATH)).respond(response().withStatusCode(503));
    try (MxPlatformAsyncClient mx = platform(delay -> new CompletableFuture<>())) {
      long started = System.nanoTime();
      Throwable failure = failureOf(mx.updateMember(MockMx.credentialUpdate()));

      assertThat(failure)
          .isInstanceOf(MxTransportException.class)
          .hasMessageContaining("the call timeout of PT2S passed")
          .hasMessageContaining("while the retry.Scheduler held the wait");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    }
  }

  @Test
  void aSchedulerThatReturnsNullThrowsOrFailsEndsTheCallWithAnMxException() {
    server.when(request().withPath(MEMBER_PATH)).respond(response().withStatusCode(503));
    List<Scheduler> broken =
        List.of(
            delay -> null,
            delay -> {
              throw new IllegalStateException("scheduler bug");
            },
            delay -> CompletableFuture.failedFuture(new java.io.IOException("scheduler down")));
    List<String> said = List.of("returned no CompletionStage", "threw java.lang.IllegalStateException", "failed its stage with java.io.IOException");
    for (int i = 0; i < broken.size(); i++) {
      try (MxPlatformAsyncClient mx = platform(broken.get(i))) {
        Throwable failure = failureOf(mx.updateMember(MockMx.credentialUpdate()));

        assertThat(failure.getClass()).as(said.get(i)).isEqualTo(MxException.class);
        assertThat(failure).hasMessageContaining("the retry.Scheduler " + said.get(i)).hasMessageContaining("before attempt 2");
        assertThat(((MxException) failure).attempts()).isEqualTo(1);
      }
    }
  }

  private static MxNexusAsyncClient nexus(AsyncApiTokenSource tokens) {
    return MxNexusAsyncClient.builder().baseUrl(MockMx.url(server)).callTimeout(TIMEOUT).apiTokenSource(tokens).build();
  }

  private static final MemberUpdate NEXUS_UPDATE = MemberUpdate.builder().member("MBR-1").metadata("m").build();

  @Test
  void anAsyncTokenSourceThatMisbehavesEndsTheCallWithAnMxExceptionThatQuotesNoToken() {
    server.when(request().withPath("/sessions")).respond(response().withBody("{\"session\":{\"token\":\"s-1\"}}"));
    List<Supplier<AsyncApiTokenSource>> broken =
        List.of(
            () -> () -> null,
            () -> () -> CompletableFuture.completedFuture(null),
            () -> () -> CompletableFuture.completedFuture(""),
            () -> () -> {
              throw new IllegalStateException("token source bug");
            },
            () -> () -> CompletableFuture.failedFuture(new java.io.IOException("vault down")),
            () -> () -> CompletableFuture.completedFuture("tok-SECRET\r\nX-Injected: 1"),
            () -> () -> CompletableFuture.completedFuture("tok SECRET"));
    List<String> said =
        List.of(
            "gave no API token",
            "gave no API token",
            "gave no API token",
            "failed with java.lang.IllegalStateException",
            "failed with java.io.IOException",
            "a character a header cannot carry (at index 10)",
            "a character a header cannot carry (at index 3)");
    for (int i = 0; i < broken.size(); i++) {
      try (MxNexusAsyncClient mx = nexus(broken.get(i).get())) {
        Throwable failure = failureOf(mx.updateMember(NEXUS_UPDATE));

        assertThat(failure.getClass()).as(said.get(i)).isEqualTo(MxException.class);
        assertThat(failure).hasMessageContaining(said.get(i)).hasMessageNotContaining("SECRET");
      }
    }
    assertThat(MockMx.received(server)).as("no token was sent").isEmpty();
  }

  @Test
  void aTokenSourceThatNeverCompletesEndsByTheDeadline() {
    try (MxNexusAsyncClient mx = nexus(CompletableFuture::new)) {
      assertThat(failureOf(mx.updateMember(NEXUS_UPDATE)))
          .isInstanceOf(MxTransportException.class)
          .hasMessageContaining("the call timeout of PT2S passed while the AsyncApiTokenSource fetched an API token");
    }
  }

  @Test
  void aBlockingTokenSourceThatThrowsOrGivesACarriageReturnEndsTheSyncCallWithAnMxException() {
    List<ApiTokenSource> broken =
        List.of(
            () -> {
              throw new IllegalStateException("bug");
            },
            () -> "tok-SECRET\n");
    for (ApiTokenSource tokens : broken) {
      try (MxNexusClient mx = MxNexusClient.builder().baseUrl(MockMx.url(server)).apiTokenSource(tokens).build()) {
        Throwable failure = catchThrowable(() -> mx.updateMember(NEXUS_UPDATE));
        assertThat(failure.getClass()).isEqualTo(MxException.class);
        assertThat(failure).hasMessageNotContaining("SECRET");
      }
    }
    assertThat(MockMx.received(server)).isEmpty();
  }

  @Test
  void aSessionTokenFromMxThatNoHeaderCanCarryIsRefusedUnsent() {
    server.when(request().withPath("/sessions")).respond(response().withBody("{\"session\":{\"token\":\"s-SECRET\\r\\nX-Forged: 1\"}}"));
    try (MxNexusAsyncClient mx = nexus(() -> CompletableFuture.completedFuture("tok-1"))) {
      assertThat(failureOf(mx.updateMember(NEXUS_UPDATE)))
          .isInstanceOf(MxResponseException.class)
          .hasMessageContaining("a session token that no header can carry")
          .hasMessageNotContaining("SECRET");
    }
    assertThat(MockMx.received(server)).extracting(r -> r.getPath().getValue()).containsExactly("/sessions");
  }
}
