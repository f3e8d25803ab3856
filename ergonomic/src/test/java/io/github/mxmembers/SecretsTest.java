package io.github.mxmembers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import io.github.mxmembers.model.Credential;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockserver.matchers.Times;

/**
 * Runs successes, retries and failures on both APIs with the SDK's loggers at TRACE, then scans
 * every captured log line, exception message and toString() for the test secrets.
 */
class SecretsTest extends MockMxTest {
  private static final String SESSION = MockMx.SESSION_TOKEN;
  private static final String BASIC =
      Base64.getEncoder()
          .encodeToString(
              (MockMx.CLIENT_ID + ":" + MockMx.API_KEY).getBytes(StandardCharsets.UTF_8));

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void noSecretReachesALogLineAMessageOrAToString(Flavour flavour) throws Exception {
    List<String> texts = new ArrayList<>();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      exercise(flavour, texts);
    } finally {
      System.setErr(originalErr);
    }
    String logged = log.toString(StandardCharsets.UTF_8);

    // the capture works: the SDK's request lines, retries and session logs are there
    assertThat(logged)
        .contains("DEBUG io.github.mxmembers.internal.pipeline.TransportInterceptor - MX Platform API PUT /users/USR-1/members/MBR-1 -> 503")
        .contains("INFO io.github.mxmembers.internal.pipeline.RetryInterceptor - MX Platform API PUT /users/USR-1/members/MBR-1: retrying after 503")
        .contains("Authorization: [redacted]")
        .contains("MD-API-KEY: [redacted]")
        .contains("MD-API-TOKEN: [redacted]")
        .contains("MD-SESSION-TOKEN: [redacted]")
        .contains("opened a Nexus session");
    texts.add(logged);
    // the listener heard every kind of event, none of them with a secret
    assertThat(listener.summary())
        .contains("SessionOpened no session yet", "SessionOpened expired (4011)")
        .anyMatch(event -> event.startsWith("RetryScheduled"))
        .anyMatch(event -> event.startsWith("AttemptFinished GET /client-7/users/USR-1/api_token.json 200"));
    for (Record event : listener.events) {
      texts.add(event.toString());
    }
    for (String text : texts) {
      assertThat(text)
          .doesNotContain(MockMx.API_KEY)
          .doesNotContain(BASIC)
          .doesNotContain(MockMx.PASSWORD)
          .doesNotContain(MockMx.API_TOKEN)
          .doesNotContain(SESSION);
    }
    assertThat(texts).hasSizeGreaterThan(10);
  }

  private final RecordingListener listener = new RecordingListener();

  private void exercise(Flavour flavour, List<String> texts) throws Exception {
    FakeClock clock = new FakeClock();
    RecordingSleeper waits = new RecordingSleeper(clock);
    server.reset();
    server
        .when(request().withPath(MockMx.MEMBER_PATH), Times.exactly(1))
        .respond(response().withStatusCode(503));
    MockMx.answerPlatformUpdate(server, 200);
    server
        .when(request().withPath("/users/USR-1/members/MBR-404"))
        .respond(response().withStatusCode(404).withBody("{\"error\":{\"message\":\"no such member\"}}"));
    server
        .when(request().withMethod("GET"))
        .respond(response().withStatusCode(200).withBody("{\"user\":{\"api_token\":\"" + MockMx.API_TOKEN + "\"}}"));
    server
        .when(request().withPath("/sessions"))
        .respond(response().withStatusCode(200).withBody("{\"session\":{\"token\":\"" + SESSION + "\"}}"));
    server
        .when(request().withPath("/members/MBR-1"), Times.exactly(1))
        .respond(response().withStatusCode(401).withBody("{\"error\":{\"code\":4011}}"));
    server
        .when(request().withPath("/members/MBR-1"))
        .respond(response().withStatusCode(200).withBody(MockMx.nexusMemberJson()));

    MemberUpdate update =
        MockMx.credentialUpdate().toBuilder().callbackPayload("cb").metadata("m").build();
    texts.add(update.toString());
    try (Flavour.Updater mx =
        flavour.platform(MockMx.url(server), clock, waits, builder -> {
          builder.callListener(listener);
          texts.add(builder.toString());
        })) {
      texts.add(mx.client().toString());
      MemberUpdateResult result = mx.update(update);
      texts.add(result.toString());
      texts.add(catchThrowable(() -> mx.update(update.toBuilder().member("MBR-404").build())).toString());
    }
    try (Flavour.Updater refused = flavour.platform("http://127.0.0.1:1", clock, waits, builder -> {})) {
      texts.add(catchThrowable(() -> refused.update(update)).getMessage());
    }

    MemberUpdate nexusUpdate = MemberUpdate.builder().member("MBR-1").credential("CRD-1", MockMx.PASSWORD).build();
    if (flavour == Flavour.SYNC) {
      MxNexusClient.Builder nexusBuilder =
          MxNexusClient.builder()
              .baseUrl(MockMx.url(server))
              .ssoBaseUrl(MockMx.url(server))
              .sso(MockMx.CLIENT_ID, MockMx.API_KEY, "USR-1")
              .clock(clock)
              .sleeper(waits)
              .callListener(listener);
      texts.add(nexusBuilder.toString());
      try (MxNexusClient nexus = nexusBuilder.build()) {
        texts.add(nexus.updateMember(nexusUpdate).toString());
        texts.add(nexus.toString());
      }
    } else {
      MxNexusAsyncClient.Builder nexusBuilder =
          MxNexusAsyncClient.builder()
              .baseUrl(MockMx.url(server))
              .ssoBaseUrl(MockMx.url(server))
              .sso(MockMx.CLIENT_ID, MockMx.API_KEY, "USR-1")
              .clock(clock)
              .scheduler(waits)
              .callListener(listener);
      texts.add(nexusBuilder.toString());
      try (MxNexusAsyncClient nexus = nexusBuilder.build()) {
        texts.add(nexus.updateMember(nexusUpdate).join().toString());
        texts.add(nexus.toString());
      }
    }
    texts.add(Credential.of("CRD-1", MockMx.PASSWORD).toString());
  }
}
