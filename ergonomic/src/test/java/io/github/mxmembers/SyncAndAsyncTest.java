package io.github.mxmembers;

import static io.github.mxmembers.MockMx.MEMBER_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.sun.net.httpserver.HttpServer;
import io.github.mxmembers.Flavour.Updater;
import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.exception.MxResponseException;
import io.github.mxmembers.exception.MxTransportException;
import io.github.mxmembers.model.ConnectionStatus;
import io.github.mxmembers.model.Member;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockserver.matchers.Times;

/**
 * The same scenarios against the sync and the async client of each API: one pipeline, so one
 * behaviour. Time is injected (the fake clock, and waits recorded instead of slept or scheduled),
 * except where the deadline itself is what is tested.
 */
class SyncAndAsyncTest extends MockMxTest {
  private final FakeClock clock = new FakeClock();
  private final RecordingSleeper waits = new RecordingSleeper(clock);
  private final RecordingListener listener = new RecordingListener();

  private Updater platform(Flavour flavour) {
    return platform(flavour, builder -> {});
  }

  private Updater platform(Flavour flavour, Consumer<MxClientBuilder<?>> settings) {
    return flavour.platform(MockMx.url(server), clock, waits, builder -> {
      builder.callListener(listener);
      settings.accept(builder);
    });
  }

  private void failFirst(int times, int status, String retryAfter) {
    org.mockserver.model.HttpResponse failure =
        response().withStatusCode(status).withBody("{\"error\":{\"message\":\"busy\"}}");
    if (retryAfter != null) {
      failure = failure.withHeader("Retry-After", retryAfter);
    }
    server.when(request().withPath(MEMBER_PATH), Times.exactly(times)).respond(failure);
    MockMx.answerPlatformUpdate(server, 200);
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void updatesAMemberAndReadsWhatMxSent(Flavour flavour) throws Exception {
    server
        .when(request().withMethod("PUT").withPath(MEMBER_PATH))
        .respond(response().withStatusCode(200).withHeader("X-Request-Id", "req-1").withBody(MockMx.platformMemberJson()));

    try (Updater mx = platform(flavour)) {
      MemberUpdateResult result = mx.update(MockMx.credentialUpdate());

      assertThat(result.status()).isEqualTo(200);
      assertThat(result.attempts()).isEqualTo(1);
      assertThat(result.requestId()).contains("req-1");
      assertThat(result.member().flatMap(Member::connectionStatus)).contains(ConnectionStatus.CONNECTED);
    }
    assertThat(MockMx.received(server)[0].getFirstHeader("Accept-Version")).isEqualTo(PlatformApiVersion.latest().value());
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void retriesOn503ThenSucceeds(Flavour flavour) throws Exception {
    failFirst(2, 503, null);

    try (Updater mx = platform(flavour)) {
      assertThat(mx.update(MockMx.credentialUpdate()).attempts()).isEqualTo(3);
    }
    assertThat(waits.waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(MockMx.bodies(server)).hasSize(3).containsOnly(MockMx.bodies(server).get(0));
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void waitsWhatRetryAfterSaysOn429(Flavour flavour) throws Exception {
    failFirst(1, 429, "7");

    try (Updater mx = platform(flavour)) {
      assertThat(mx.update(MockMx.credentialUpdate()).attempts()).isEqualTo(2);
    }
    assertThat(waits.waits).containsExactly(Duration.ofSeconds(7));
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void failsAtOnceOn409WithTheTypedException(Flavour flavour) throws Exception {
    server
        .when(request().withPath(MEMBER_PATH))
        .respond(
            response()
                .withStatusCode(409)
                .withHeader("X-Request-Id", "req-9")
                .withBody("{\"error\":{\"code\":4090,\"message\":\"conflict\"}}"));

    try (Updater mx = platform(flavour)) {
      assertThatThrownBy(() -> mx.update(MockMx.credentialUpdate()))
          .isInstanceOfSatisfying(
              MxApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(409);
                assertThat(e.mxCode()).contains(4090);
                assertThat(e.attempts()).isEqualTo(1);
                assertThat(e.getMessage())
                    .isEqualTo(
                        "MX Platform API answered 409 (code 4090, request id req-9) to PUT /users/USR-1/members/MBR-1"
                            + " after 1 attempt: conflict");
              });
    }
    assertThat(waits.waits).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void retriesARefusedConnectionThenReportsATransportFailure(Flavour flavour) throws Exception {
    try (Updater mx = flavour.platform("http://127.0.0.1:1", clock, waits, builder -> {})) {
      assertThatThrownBy(() -> mx.update(MockMx.credentialUpdate()))
          .isInstanceOfSatisfying(
              MxTransportException.class,
              e -> {
                assertThat(e.attempts()).isEqualTo(4);
                assertThat(e.getMessage()).contains("failed after 4 attempts: HttpHostConnectException");
              });
    }
    assertThat(waits.waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void badInputThrowsAtOnceAndSendsNothing(Flavour flavour) throws Exception {
    try (Updater mx = platform(flavour)) {
      assertThatThrownBy(() -> mx.update(MemberUpdate.builder().member("MBR-1").metadata("m").build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("user");
      assertThatThrownBy(() -> mx.update(null)).isInstanceOf(NullPointerException.class).hasMessage("update == null");
    }
    assertThat(MockMx.received(server)).isEmpty();
    assertThat(listener.events).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void refusesABodyOver4MiB(Flavour flavour) throws Exception {
    server
        .when(request().withPath(MEMBER_PATH))
        .respond(response().withStatusCode(200).withBody("x".repeat(4 * 1024 * 1024 + 1)));

    try (Updater mx = platform(flavour)) {
      assertThatThrownBy(() -> mx.update(MockMx.credentialUpdate()))
          .isInstanceOfSatisfying(
              MxResponseException.class, e -> assertThat(e.getMessage()).contains("over the limit of 4194304 bytes"));
    }
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void theListenerHearsTheSameEvents(Flavour flavour) throws Exception {
    failFirst(1, 503, null);

    try (Updater mx = platform(flavour)) {
      mx.update(MockMx.credentialUpdate());
    }
    assertThat(listener.summary())
        .containsExactly(
            "CallStarted PUT /users/USR-1/members/MBR-1",
            "AttemptStarted PUT /users/USR-1/members/MBR-1 #1",
            "AttemptFinished PUT /users/USR-1/members/MBR-1 503",
            "RetryScheduled PUT /users/USR-1/members/MBR-1 after 503",
            "AttemptStarted PUT /users/USR-1/members/MBR-1 #2",
            "AttemptFinished PUT /users/USR-1/members/MBR-1 200",
            "CallFinished 200");
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void aTricklingServerIsCutOffAtTheDeadline(Flavour flavour) throws Exception {
    HttpServer trickle = MockMx.trickling(100);
    try (Updater mx =
        flavour.platform(
            "http://127.0.0.1:" + trickle.getAddress().getPort(),
            clock,
            waits,
            builder -> builder.clock(Clock.systemUTC()).callTimeout(Duration.ofMillis(700)).responseTimeout(Duration.ofSeconds(1)))) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> mx.update(MockMx.credentialUpdate()))
          .isInstanceOfSatisfying(
              MxTransportException.class,
              e -> assertThat(e.getMessage()).contains("the call timeout of PT0.7S passed after 1 attempt"));
      // a bound, not a speed: the deadline plus a generous scheduling margin
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(700 + 900));
    } finally {
      trickle.stop(0);
    }
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void theDeadlineClosesAPooledConnectionSoTheNextCallGetsIt(Flavour flavour) throws Exception {
    MemberUpdate slowMember = MockMx.answerSlowMemberAfter20Seconds(server);
    try (Updater mx =
        platform(flavour, builder -> builder.clock(Clock.systemUTC()).maxConnections(1).callTimeout(Duration.ofMillis(700)))) {
      assertThat(mx.update(MockMx.credentialUpdate()).status()).isEqualTo(200);
      assertThatThrownBy(() -> mx.update(slowMember))
          .isInstanceOfSatisfying(
              MxTransportException.class, e -> assertThat(e.getMessage()).contains("the call timeout of PT0.7S passed"));

      // on the one connection, still held by the slow answer, this call would pass its own deadline
      assertThat(mx.update(MockMx.credentialUpdate()).status()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void concurrentNexusCallersShareOneSessionAndOneRenewal(Flavour flavour) throws Exception {
    for (int n = 1; n <= 3; n++) {
      server
          .when(request().withMethod("POST").withPath("/sessions").withHeader("MD-API-TOKEN", "api-token-" + n))
          .respond(response().withDelay(TimeUnit.MILLISECONDS, 200).withBody("{\"session\":{\"token\":\"session-" + n + "\"}}"));
    }
    server
        .when(request().withMethod("PUT").withHeader("MD-SESSION-TOKEN", "session-1"))
        .respond(response().withStatusCode(401).withBody("{\"error\":{\"code\":4011,\"message\":\"Session expired\"}}"));
    server
        .when(request().withMethod("PUT").withHeader("MD-SESSION-TOKEN", "session-2"))
        .respond(response().withBody(MockMx.nexusMemberJson()));
    AtomicInteger tokens = new AtomicInteger();

    try (Updater nexus =
        flavour.nexus(MockMx.url(server), clock, waits, () -> "api-token-" + tokens.incrementAndGet(), builder -> {})) {
      List<CompletableFuture<MemberUpdateResult>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(nexus.start(MemberUpdate.builder().member("MBR-" + i).credential("CRD-1", MockMx.PASSWORD).build()));
      }
      for (CompletableFuture<MemberUpdateResult> call : calls) {
        assertThat(call.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
      }
    }
    assertThat(tokens).hasValue(2);
    assertThat(server.retrieveRecordedRequests(request().withPath("/sessions"))).hasSize(2);
    assertThat(server.retrieveRecordedRequests(request().withMethod("PUT"))).hasSize(40);
  }
}
