package io.github.mxmembers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.sun.net.httpserver.HttpServer;
import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.exception.MxTransportException;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.retry.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.Times;

/**
 * One call, one deadline: every step of a call shares it, and the call returns or throws by it
 * whatever the server does. These run on the real clock against servers that are slow on purpose;
 * the bound asserted is the deadline plus a generous scheduling margin, never a speed.
 */
class DeadlineTest extends MockMxTest {
  private static final Duration MARGIN = Duration.ofMillis(900);
  private static final long STEP_MILLIS = 1500;

  private static String expired() {
    return "{\"error\":{\"code\":4011,\"message\":\"Session expired\"}}";
  }

  @Test
  void aNexusCallWithSlowStepsAndA4011EndsByItsDeadline() {
    // every step takes 1.5 s: open a session, PUT answered 4011, open again, PUT
    server
        .when(request().withMethod("POST").withPath("/sessions").withHeader("MD-API-TOKEN", "token-1"))
        .respond(response().withBody("{\"session\":{\"token\":\"session-1\"}}").withDelay(TimeUnit.MILLISECONDS, STEP_MILLIS));
    server
        .when(request().withMethod("POST").withPath("/sessions").withHeader("MD-API-TOKEN", "token-2"))
        .respond(response().withBody("{\"session\":{\"token\":\"session-2\"}}").withDelay(TimeUnit.MILLISECONDS, STEP_MILLIS));
    server
        .when(request().withMethod("PUT").withHeader("MD-SESSION-TOKEN", "session-1"))
        .respond(response().withStatusCode(401).withBody(expired()).withDelay(TimeUnit.MILLISECONDS, STEP_MILLIS));
    server
        .when(request().withMethod("PUT").withHeader("MD-SESSION-TOKEN", "session-2"))
        .respond(response().withBody(MockMx.nexusMemberJson()).withDelay(TimeUnit.MILLISECONDS, STEP_MILLIS));
    int[] tokens = {0};

    try (MxNexusClient nexus =
        MxNexusClient.builder()
            .baseUrl(MockMx.url(server))
            .apiTokenSource(() -> "token-" + ++tokens[0])
            .callTimeout(Duration.ofSeconds(3))
            .responseTimeout(Duration.ofSeconds(2))
            .build()) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> nexus.updateMember(update()))
          .isInstanceOfSatisfying(
              MxTransportException.class,
              e -> assertThat(e.getMessage()).contains("the call timeout of PT3S passed"));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3).plus(MARGIN));
    }
  }

  @Test
  void aServerTricklingItsAnswerIsCutOffAtTheDeadline() throws Exception {
    // each byte arrives well within the response timeout, but the whole answer takes 12 s
    HttpServer trickle = MockMx.trickling(200);
    try (MxPlatformClient mx =
        MxPlatformClient.builder()
            .baseUrl("http://127.0.0.1:" + trickle.getAddress().getPort())
            .credentials(MockMx.CLIENT_ID, MockMx.API_KEY)
            .responseTimeout(Duration.ofSeconds(1))
            .callTimeout(Duration.ofMillis(1500))
            .build()) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> mx.updateMember(MockMx.credentialUpdate()))
          .isInstanceOfSatisfying(
              MxTransportException.class,
              e -> {
                assertThat(e.getMessage()).contains("the call timeout of PT1.5S passed after 1 attempt");
                assertThat(e.attempts()).isEqualTo(1);
              });
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500).plus(MARGIN));
    } finally {
      trickle.stop(0);
    }
  }

  @Test
  void theRetryBudgetIsSharedByEveryStepOfTheCall() {
    // the SSO call, opening the session and the update each fail once with 503: three attempts
    // allow two retries in the whole call, so the update's own 503 is the answer
    server
        .when(request().withMethod("GET"), Times.exactly(1))
        .respond(response().withStatusCode(503));
    server
        .when(request().withMethod("GET"))
        .respond(response().withBody("{\"user\":{\"api_token\":\"token-1\"}}"));
    server
        .when(request().withMethod("POST").withPath("/sessions"))
        .respond(response().withBody("{\"session\":{\"token\":\"session-1\"}}"));
    server
        .when(request().withMethod("PUT"), Times.exactly(2))
        .respond(response().withStatusCode(503));
    server.when(request().withMethod("PUT")).respond(response().withBody(MockMx.nexusMemberJson()));
    FakeClock clock = new FakeClock();
    RecordingListener listener = new RecordingListener();

    try (MxNexusClient nexus =
        MxNexusClient.builder()
            .baseUrl(MockMx.url(server))
            .ssoBaseUrl(MockMx.url(server))
            .sso(MockMx.CLIENT_ID, MockMx.API_KEY, "USR-1")
            .retryPolicy(RetryPolicy.builder().maxAttempts(3).jitter(() -> 1.0).build())
            .clock(clock)
            .sleeper(new RecordingSleeper(clock))
            .callListener(listener)
            .build()) {
      assertThatThrownBy(() -> nexus.updateMember(update()))
          .isInstanceOfSatisfying(
              MxApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.attempts()).isEqualTo(2);
              });
    }
    assertThat(listener.of(CallListener.RetryScheduled.class))
        .extracting(CallListener.RetryScheduled::request)
        .containsExactly("GET /client-7/users/USR-1/api_token.json", "PUT /members/MBR-1");
  }

  private static MemberUpdate update() {
    return MemberUpdate.builder().member("MBR-1").credential("CRD-1", MockMx.PASSWORD).build();
  }
}
