package io.github.mxmembers;

import static io.github.mxmembers.MockMx.MEMBER_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.exception.MxResponseException;
import io.github.mxmembers.exception.MxTransportException;
import io.github.mxmembers.model.MemberUpdateResult;
import io.github.mxmembers.retry.RetryPolicy;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpError;

/** The retry schedule over real HTTP, with time injected: nothing here sleeps. */
class RetryTest extends MockMxTest {
  private final FakeClock clock = new FakeClock();
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);

  private MxPlatformClient client() {
    return MockMx.platform(server, clock).sleeper(sleeper).build();
  }

  private void failFirst(int times, int status) {
    server
        .when(request().withPath(MEMBER_PATH), Times.exactly(times))
        .respond(response().withStatusCode(status).withBody("{\"error\":{\"message\":\"busy\"}}"));
    MockMx.answerPlatformUpdate(server, 200);
  }

  @Test
  void retriesOn503ThenSucceeds() {
    failFirst(2, 503);

    try (MxPlatformClient mx = client()) {
      MemberUpdateResult result = mx.updateMember(MockMx.credentialUpdate());

      assertThat(result.status()).isEqualTo(200);
      assertThat(result.attempts()).isEqualTo(3);
    }
    // full jitter fixed at its top: 500 ms, then 1 s
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(MockMx.bodies(server)).hasSize(3).containsOnly(MockMx.bodies(server).get(0));
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  void retriesEachRetryableStatus(int status) {
    failFirst(1, status);

    try (MxPlatformClient mx = client()) {
      assertThat(mx.updateMember(MockMx.credentialUpdate()).attempts()).isEqualTo(2);
    }
    assertThat(sleeper.waits).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 405, 406, 409, 422, 501})
  void failsAtOnceOnOtherErrors(int status) {
    failFirst(1, status);

    try (MxPlatformClient mx = client()) {
      assertThatThrownBy(() -> mx.updateMember(MockMx.credentialUpdate()))
          .isInstanceOfSatisfying(
              MxApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(status);
                assertThat(e.attempts()).isEqualTo(1);
                assertThat(e.api()).isEqualTo(MxApi.PLATFORM);
                assertThat(e.mxMessage()).contains("busy");
                assertThat(e.getMessage())
                    .isEqualTo(
                        "MX Platform API answered "
                            + status
                            + " to PUT "
                            + MEMBER_PATH
                            + " after 1 attempt: busy");
              });
    }
    assertThat(MockMx.received(server)).hasSize(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void givesUpAfterMaxAttemptsWithTheLastError() {
    failFirst(10, 503);

    try (MxPlatformClient mx = client()) {
      assertThatThrownBy(() -> mx.updateMember(MockMx.credentialUpdate()))
          .isInstanceOfSatisfying(
              MxApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.attempts()).isEqualTo(4);
              });
    }
    assertThat(sleeper.waits)
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void honoursRetryAfterInSeconds() {
    server
        .when(request().withPath(MEMBER_PATH), Times.exactly(1))
        .respond(response().withStatusCode(429).withHeader("Retry-After", "7"));
    MockMx.answerPlatformUpdate(server, 200);

    try (MxPlatformClient mx = client()) {
      assertThat(mx.updateMember(MockMx.credentialUpdate()).attempts()).isEqualTo(2);
    }
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void honoursRetryAfterAsAnHttpDate() {
    String in12s =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            clock.instant().plusSeconds(12).atZone(ZoneOffset.UTC));
    server
        .when(request().withPath(MEMBER_PATH), Times.exactly(1))
        .respond(response().withStatusCode(503).withHeader("Retry-After", in12s));
    MockMx.answerPlatformUpdate(server, 200);

    try (MxPlatformClient mx = client()) {
      mx.updateMember(MockMx.credentialUpdate());
    }
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void capsALongRetryAfter() {
    server
        .when(request().withPath(MEMBER_PATH), Times.exactly(1))
        .respond(response().withStatusCode(429).withHeader("Retry-After", "3600"));
    MockMx.answerPlatformUpdate(server, 200);

    try (MxPlatformClient mx = client()) {
      mx.updateMember(MockMx.credentialUpdate());
    }
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void stopsWhenTheNextWaitWouldPassTheCallsDeadline() {
    server
        .when(request().withPath(MEMBER_PATH), Times.exactly(1))
        .respond(response().withStatusCode(429).withHeader("Retry-After", "20"));
    MockMx.answerPlatformUpdate(server, 200);

    try (MxPlatformClient mx =
        MockMx.platform(server, clock)
            .sleeper(sleeper)
            .callTimeout(Duration.ofSeconds(15))
            .build()) {
      assertThatThrownBy(() -> mx.updateMember(MockMx.credentialUpdate()))
          .isInstanceOfSatisfying(
              MxApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(429);
                assertThat(e.attempts()).isEqualTo(1);
              });
    }
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void retriesCanBeTurnedOff() {
    failFirst(1, 503);

    try (MxPlatformClient mx =
        MockMx.platform(server, clock).sleeper(sleeper).retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> mx.updateMember(MockMx.credentialUpdate()))
          .isInstanceOfSatisfying(MxApiException.class, e -> assertThat(e.attempts()).isEqualTo(1));
    }
  }

  @Test
  void retriesADroppedConnection() {
    server
        .when(request().withPath(MEMBER_PATH), Times.exactly(1))
        .error(HttpError.error().withDropConnection(true));
    MockMx.answerPlatformUpdate(server, 200);

    try (MxPlatformClient mx = client()) {
      assertThat(mx.updateMember(MockMx.credentialUpdate()).attempts()).isEqualTo(2);
    }
    assertThat(MockMx.bodies(server)).hasSize(2).containsOnly(MockMx.bodies(server).get(0));
  }

  @Test
  void aResponseSlowerThanTheResponseTimeoutIsRetried() {
    server
        .when(request().withPath(MEMBER_PATH), Times.exactly(1))
        .respond(
            response()
                .withStatusCode(200)
                .withBody(MockMx.platformMemberJson())
                .withDelay(java.util.concurrent.TimeUnit.MILLISECONDS, 1500));
    MockMx.answerPlatformUpdate(server, 200);

    try (MxPlatformClient mx =
        MockMx.platform(server, clock)
            .sleeper(sleeper)
            .responseTimeout(Duration.ofMillis(300))
            .build()) {
      assertThat(mx.updateMember(MockMx.credentialUpdate()).attempts()).isEqualTo(2);
    }
  }

  @Test
  void connectionRefusedFailsAsTransportAfterEveryAttempt() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    try (MxPlatformClient mx =
        MockMx.platform(server, clock)
            .sleeper(sleeper)
            .baseUrl("http://127.0.0.1:" + closedPort)
            .build()) {
      assertThatThrownBy(() -> mx.updateMember(MockMx.credentialUpdate()))
          .isInstanceOfSatisfying(
              MxTransportException.class,
              e -> {
                assertThat(e.attempts()).isEqualTo(4);
                assertThat(e.getMessage()).contains("failed after 4 attempts");
              });
    }
    assertThat(sleeper.waits).hasSize(3);
  }

  @Test
  void htmlOnSuccessIsAnUnreadableResponse() {
    server
        .when(request().withPath(MEMBER_PATH))
        .respond(
            response()
                .withStatusCode(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html>maintenance</html>"));

    try (MxPlatformClient mx = client()) {
      assertThatThrownBy(() -> mx.updateMember(MockMx.credentialUpdate()))
          .isInstanceOfSatisfying(
              MxResponseException.class,
              e -> {
                assertThat(e.status()).isEqualTo(200);
                assertThat(e.getMessage()).contains("24 bytes, text/html");
              });
    }
  }

  @Test
  void emptyOrMalformedSuccessIsAnUnreadableResponse() {
    server
        .when(request().withPath(MEMBER_PATH), Times.exactly(1))
        .respond(response().withStatusCode(200));
    server
        .when(request().withPath(MEMBER_PATH), Times.exactly(1))
        .respond(response().withStatusCode(200).withBody("{\"member\": {"));

    try (MxPlatformClient mx = client()) {
      assertThatThrownBy(() -> mx.updateMember(MockMx.credentialUpdate()))
          .isInstanceOf(MxResponseException.class);
      assertThatThrownBy(() -> mx.updateMember(MockMx.credentialUpdate()))
          .isInstanceOf(MxResponseException.class);
    }
  }

  @Test
  void anErrorWithAnHtmlBodyStillCarriesItsStatus() {
    server
        .when(request().withPath(MEMBER_PATH))
        .respond(response().withStatusCode(404).withBody("<html>not here</html>"));

    try (MxPlatformClient mx = client()) {
      assertThatThrownBy(() -> mx.updateMember(MockMx.credentialUpdate()))
          .isInstanceOfSatisfying(
              MxApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.mxMessage()).isEmpty();
                assertThat(e.mxCode()).isEmpty();
              });
    }
  }
}
