package io.github.mxmembers;

import static io.github.mxmembers.MockMx.NEXUS_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.google.gson.JsonParser;
import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.model.ConnectionStatus;
import io.github.mxmembers.model.Member;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpRequest;

/** Nexus: media type, sessions opened, reused, renewed before they lapse and on 4011. */
class NexusClientTest extends MockMxTest {
  private final FakeClock clock = new FakeClock();
  private final AtomicInteger tokensIssued = new AtomicInteger();

  /** Each API token n opens session "session-n"; the member update accepts any of the tokens listed. */
  private void answerSessions() {
    for (int n = 1; n <= 3; n++) {
      server
          .when(
              request()
                  .withMethod("POST")
                  .withPath("/sessions")
                  .withHeader("MD-API-TOKEN", "api-token-" + n))
          .respond(
              response()
                  .withStatusCode(200)
                  .withBody("{\"session\":{\"token\":\"session-" + n + "\"}}"));
    }
  }

  private void answerUpdate(String sessionToken) {
    server
        .when(
            request()
                .withMethod("PUT")
                .withPath("/members/MBR-1")
                .withHeader("MD-SESSION-TOKEN", sessionToken))
        .respond(response().withStatusCode(200).withBody(MockMx.nexusMemberJson()));
  }

  private void expire(String sessionToken) {
    server
        .when(request().withMethod("PUT").withHeader("MD-SESSION-TOKEN", sessionToken))
        .respond(
            response()
                .withStatusCode(401)
                .withBody("{\"error\":{\"code\":4011,\"message\":\"Session expired\"}}"));
  }

  private MxNexusClient client() {
    return MxNexusClient.builder()
        .baseUrl(MockMx.url(server))
        .apiTokenSource(() -> "api-token-" + tokensIssued.incrementAndGet())
        .clock(clock)
        .sleeper(new RecordingSleeper(clock))
        .build();
  }

  private static MemberUpdate update() {
    return MemberUpdate.builder().member("MBR-1").credential("CRD-1", MockMx.PASSWORD).build();
  }

  private List<HttpRequest> sessionPosts() {
    return List.of(server.retrieveRecordedRequests(request().withPath("/sessions")));
  }

  @Test
  void opensASessionThenSendsTheRootedUpdateWithTheNexusMediaType() {
    answerSessions();
    answerUpdate("session-1");

    MemberUpdateResult result;
    try (MxNexusClient nexus = client()) {
      result =
          nexus.updateMember(update().toBuilder().skipAggregation(true).skipWebhook(true).build());
    }

    assertThat(result.api()).isEqualTo(MxApi.NEXUS);
    Member member = result.member().orElseThrow();
    assertThat(member.institutionCode()).contains("chase");
    assertThat(member.connectionStatus()).contains(ConnectionStatus.CONNECTED);
    HttpRequest put = server.retrieveRecordedRequests(request().withMethod("PUT"))[0];
    assertThat(put.getFirstHeader("Content-Type")).isEqualTo(NEXUS_TYPE);
    assertThat(put.getFirstHeader("Accept")).isEqualTo(NEXUS_TYPE);
    assertThat(put.getFirstHeader("MX-Skip-Webhook")).isEqualTo("true");
    assertThat(JsonParser.parseString(put.getBodyAsString()))
        .isEqualTo(
            JsonParser.parseString(
                "{\"member\":{\"credentials\":[{\"guid\":\"CRD-1\",\"value\":\""
                    + MockMx.PASSWORD
                    + "\"}],\"skip_aggregation\":true}}"));
    HttpRequest post = sessionPosts().get(0);
    assertThat(post.getFirstHeader("Accept")).isEqualTo(NEXUS_TYPE);
  }

  @Test
  void reusesTheSessionWhileEachCallSlidesItsLifetime() {
    answerSessions();
    answerUpdate("session-1");

    try (MxNexusClient nexus = client()) {
      for (int i = 0; i < 4; i++) {
        nexus.updateMember(update());
        clock.advance(Duration.ofMinutes(20));
      }
    }

    assertThat(sessionPosts()).hasSize(1);
    assertThat(tokensIssued).hasValue(1);
  }

  @Test
  void renewsASessionAboutToLapseBeforeUsingIt() {
    answerSessions();
    answerUpdate("session-1");
    answerUpdate("session-2");

    try (MxNexusClient nexus = client()) {
      nexus.updateMember(update());
      clock.advance(Duration.ofMinutes(29).plusSeconds(30));
      nexus.updateMember(update());
    }

    assertThat(sessionPosts()).hasSize(2);
    assertThat(server.retrieveRecordedRequests(request().withMethod("PUT"))[1].getFirstHeader("MD-SESSION-TOKEN"))
        .isEqualTo("session-2");
  }

  @Test
  void renewsOnceOn4011AndRepeatsTheUpdate() {
    answerSessions();
    expire("session-1");
    answerUpdate("session-2");

    try (MxNexusClient nexus = client()) {
      MemberUpdateResult result = nexus.updateMember(update());

      assertThat(result.status()).isEqualTo(200);
      assertThat(result.attempts()).isEqualTo(2);
    }
    assertThat(tokensIssued).hasValue(2);
  }

  @Test
  void a4011AfterRenewalIsReportedNotLooped() {
    answerSessions();
    expire("session-1");
    expire("session-2");

    try (MxNexusClient nexus = client()) {
      assertThatThrownBy(() -> nexus.updateMember(update()))
          .isInstanceOfSatisfying(
              MxApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.mxCode()).contains(4011);
                assertThat(e.attempts()).isEqualTo(2);
              });
    }
    assertThat(tokensIssued).hasValue(2);
  }

  @Test
  void concurrentCallersShareOneRenewal() throws Exception {
    answerSessions();
    answerUpdate("session-1");
    int callers = 8;

    try (MxNexusClient nexus = client()) {
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<MemberUpdateResult>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        Callable<MemberUpdateResult> call =
            () -> {
              go.await();
              return nexus.updateMember(update());
            };
        results.add(pool.submit(call));
      }
      go.countDown();
      for (Future<MemberUpdateResult> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
      }
      pool.shutdown();
    }

    assertThat(tokensIssued).hasValue(1);
    assertThat(sessionPosts()).hasSize(1);
  }

  @Test
  void concurrentCallersHitBy4011ShareOneRenewal() throws Exception {
    answerSessions();
    int callers = 6;
    try (MxNexusClient nexus = client()) {
      answerUpdate("session-1");
      nexus.updateMember(update()); // session-1 is open
      server.reset();
      answerSessions();
      expire("session-1");
      // session-2 answers slowly so that every caller has met the 4011 before the renewal lands
      server
          .when(request().withMethod("PUT").withHeader("MD-SESSION-TOKEN", "session-2"))
          .respond(
              response()
                  .withStatusCode(200)
                  .withBody(MockMx.nexusMemberJson())
                  .withDelay(TimeUnit.MILLISECONDS, 200));
      tokensIssued.set(1);

      ExecutorService pool = Executors.newFixedThreadPool(callers);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<MemberUpdateResult>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return nexus.updateMember(update());
                }));
      }
      go.countDown();
      for (Future<MemberUpdateResult> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
      }
      pool.shutdown();
    }

    assertThat(tokensIssued).hasValue(2);
    assertThat(sessionPosts()).hasSize(1);
  }

  @Test
  void aFailedSessionExchangeIsNotRetriedOnceSent() {
    server
        .when(request().withMethod("POST").withPath("/sessions"))
        .respond(response().withStatusCode(503));

    try (MxNexusClient nexus = client()) {
      assertThatThrownBy(() -> nexus.updateMember(update()))
          .isInstanceOfSatisfying(
              MxApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.attempts()).isEqualTo(1);
                assertThat(e.getMessage()).contains("POST /sessions");
              });
    }
    assertThat(sessionPosts()).hasSize(1);
    assertThat(server.retrieveRecordedRequests(request().withMethod("PUT"))).isEmpty();
  }

  @Test
  void fetchesApiTokensFromTheSsoApiWithTheApiKey() {
    server
        .when(
            request()
                .withMethod("GET")
                .withPath("/client-7/users/USR-1/api_token.json")
                .withHeader("MD-API-KEY", MockMx.API_KEY))
        .respond(response().withStatusCode(200).withBody("{\"user\":{\"api_token\":\"api-token-1\"}}"));
    answerSessions();
    answerUpdate("session-1");

    try (MxNexusClient nexus =
        MxNexusClient.builder()
            .baseUrl(MockMx.url(server))
            .ssoBaseUrl(MockMx.url(server))
            .sso(MockMx.CLIENT_ID, MockMx.API_KEY, "USR-1")
            .clock(clock)
            .build()) {
      assertThat(nexus.updateMember(update()).status()).isEqualTo(200);
    }

    HttpRequest sso = server.retrieveRecordedRequests(request().withMethod("GET"))[0];
    assertThat(sso.getFirstHeader("Accept")).isEqualTo("application/vnd.moneydesktop.sso.v3");
    assertThat(sessionPosts().get(0).getFirstHeader("MD-API-TOKEN")).isEqualTo("api-token-1");
  }

  @Test
  void retriesA503OnTheUpdateWithTheSameSession() {
    answerSessions();
    server
        .when(request().withMethod("PUT"), Times.exactly(2))
        .respond(response().withStatusCode(503));
    answerUpdate("session-1");

    try (MxNexusClient nexus = client()) {
      assertThat(nexus.updateMember(update()).attempts()).isEqualTo(3);
    }
    assertThat(sessionPosts()).hasSize(1);
  }
}
