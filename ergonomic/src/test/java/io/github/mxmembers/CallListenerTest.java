package io.github.mxmembers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.Times;

/** The listener hears every call, attempt, retry and session, in order, and cannot break a call. */
class CallListenerTest extends MockMxTest {
  private final FakeClock clock = new FakeClock();
  private final RecordingListener listener = new RecordingListener();

  @Test
  void hearsEachAttemptAndTheRetryBetweenThem() {
    server
        .when(request().withPath(MockMx.MEMBER_PATH), Times.exactly(1))
        .respond(response().withStatusCode(503).withHeader("X-Request-Id", "req-1"));
    server
        .when(request().withPath(MockMx.MEMBER_PATH))
        .respond(response().withBody(MockMx.platformMemberJson()).withHeader("X-Request-Id", "req-2"));

    try (MxPlatformClient mx = MockMx.platform(server, clock).callListener(listener).build()) {
      MemberUpdateResult result = mx.updateMember(MockMx.credentialUpdate());
      assertThat(result.requestId()).contains("req-2");
    }

    String put = "PUT " + MockMx.MEMBER_PATH;
    assertThat(listener.summary())
        .containsExactly(
            "CallStarted " + put,
            "AttemptStarted " + put + " #1",
            "AttemptFinished " + put + " 503",
            "RetryScheduled " + put + " after 503",
            "AttemptStarted " + put + " #2",
            "AttemptFinished " + put + " 200",
            "CallFinished 200");
    CallListener.AttemptFinished first = listener.of(CallListener.AttemptFinished.class).get(0);
    assertThat(first.requestId()).isEqualTo("req-1");
    assertThat(first.api()).isEqualTo(MxApi.PLATFORM);
    assertThat(first.duration()).isPositive();
    assertThat(listener.of(CallListener.RetryScheduled.class).get(0).delay()).isEqualTo(Duration.ofMillis(500));
    CallListener.CallFinished finished = listener.of(CallListener.CallFinished.class).get(0);
    assertThat(finished.attempts()).isEqualTo(2);
    assertThat(finished.requestId()).isEqualTo("req-2");
    assertThat(finished.failure()).isNull();
    assertThat(listener.events)
        .allSatisfy(event -> assertThat(event).hasFieldOrPropertyWithValue("callId", first.callId()));
  }

  @Test
  void hearsTheSessionsOfANexusCallAndItsFailure() {
    server.when(request().withPath("/sessions")).respond(response().withBody("{\"session\":{\"token\":\"s\"}}"));
    server
        .when(request().withMethod("PUT"))
        .respond(
            response()
                .withStatusCode(401)
                .withHeader("X-Request-Id", "req-9")
                .withBody("{\"error\":{\"code\":4011,\"message\":\"Session expired\"}}"));

    try (MxNexusClient nexus =
        MxNexusClient.builder()
            .baseUrl(MockMx.url(server))
            .apiTokenSource(() -> "token")
            .clock(clock)
            .callListener(listener)
            .build()) {
      assertThatThrownBy(
              () -> nexus.updateMember(MemberUpdate.builder().member("MBR-1").metadata("m").build()))
          .isInstanceOf(MxApiException.class);
    }

    assertThat(listener.summary())
        .containsExactly(
            "CallStarted PUT /members/MBR-1",
            "AttemptStarted POST /sessions #1",
            "AttemptFinished POST /sessions 200",
            "SessionOpened no session yet",
            "AttemptStarted PUT /members/MBR-1 #1",
            "AttemptFinished PUT /members/MBR-1 401",
            "AttemptStarted POST /sessions #2",
            "AttemptFinished POST /sessions 200",
            "SessionOpened expired (4011)",
            "AttemptStarted PUT /members/MBR-1 #2",
            "AttemptFinished PUT /members/MBR-1 401",
            "CallFinished 401 MxApiException");
    assertThat(listener.of(CallListener.SessionOpened.class))
        .extracting(CallListener.SessionOpened::renewal)
        .containsExactly(false, true);
  }

  @Test
  void aListenerThatThrowsDoesNotBreakTheCall() {
    MockMx.answerPlatformUpdate(server, 200);
    CallListener broken =
        new CallListener() {
          @Override
          public void attemptFinished(AttemptFinished event) {
            throw new IllegalStateException("a bug in the metrics code");
          }
        };

    try (MxPlatformClient mx = MockMx.platform(server, clock).callListener(broken).build()) {
      assertThat(mx.updateMember(MockMx.credentialUpdate()).status()).isEqualTo(200);
    }
  }
}
