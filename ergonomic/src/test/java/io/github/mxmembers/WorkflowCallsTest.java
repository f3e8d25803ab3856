package io.github.mxmembers;

import static io.github.mxmembers.MockMx.MEMBER_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.google.gson.JsonParser;
import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.exception.MxTransportException;
import io.github.mxmembers.exception.MxResponseException;
import io.github.mxmembers.model.Challenge;
import io.github.mxmembers.model.ConnectionStatus;
import io.github.mxmembers.model.Credential;
import io.github.mxmembers.model.Member;
import io.github.mxmembers.model.MemberResume;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.RequiredCredential;
import io.github.mxmembers.retry.RetryPolicy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.Parameter;

/**
 * The calls around the update (required credentials, status, challenges, resume) on both APIs and
 * both flavours, over real loopback HTTP: what goes on the wire, what comes back typed, what is
 * refused before any I/O, and that resume is never repeated once sent.
 */
class WorkflowCallsTest extends MockMxTest {
  private static final String ANSWER = "mfa-ANSWER-s3cr3t";
  private static final String NEXUS = MockMx.NEXUS_TYPE;

  private static MxPlatformClient platform() {
    return MxPlatformClient.builder().baseUrl(MockMx.url(server)).credentials(MockMx.CLIENT_ID, MockMx.API_KEY).sleeper(d -> {}).build();
  }

  private static MxPlatformAsyncClient platformAsync() {
    return MxPlatformAsyncClient.builder().baseUrl(MockMx.url(server)).credentials(MockMx.CLIENT_ID, MockMx.API_KEY).build();
  }

  private static MxNexusClient nexus() {
    stubSession();
    return MxNexusClient.builder().baseUrl(MockMx.url(server)).apiTokenSource(() -> MockMx.API_TOKEN).sleeper(d -> {}).build();
  }

  private static MxNexusAsyncClient nexusAsync() {
    stubSession();
    return MxNexusAsyncClient.builder()
        .baseUrl(MockMx.url(server))
        .apiTokenSource(() -> CompletableFuture.completedFuture(MockMx.API_TOKEN))
        .build();
  }

  private static void stubSession() {
    server.when(request().withMethod("POST").withPath("/sessions"))
        .respond(response().withHeader("Content-Type", NEXUS).withBody("{\"session\":{\"token\":\"" + MockMx.SESSION_TOKEN + "\"}}"));
  }

  /** The async result, or the failure the sync client would throw. */
  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw (RuntimeException) e.getCause();
    }
  }

  private static HttpRequest[] received(String path) {
    return server.retrieveRecordedRequests(request().withPath(path));
  }

  // ---- required credentials

  private static void twoPagesOfCredentials(String path, String typeField, String type) {
    server.when(request().withPath(path).withQueryStringParameter(Parameter.param("page", "1")))
        .respond(response().withBody(
            "{\"credentials\":[{\"guid\":\"CRD-2\",\"label\":\"Password\",\"field_name\":\"PASSWORD\",\"" + typeField + "\":\"" + type
                + "\",\"display_order\":2}],\"pagination\":{\"current_page\":1,\"per_page\":1,\"total_entries\":2,\"total_pages\":2}}"));
    server.when(request().withPath(path).withQueryStringParameter(Parameter.param("page", "2")))
        .respond(response().withBody(
            "{\"credentials\":[{\"guid\":\"CRD-1\",\"label\":\"Username\",\"field_name\":\"LOGIN\",\"field_type\":3,\"display_order\":1}],"
                + "\"pagination\":{\"current_page\":2,\"per_page\":1,\"total_entries\":2,\"total_pages\":2}}"));
  }

  @Test
  void platformCredentialsAreReadPageByPageOnBothFlavours() {
    String path = MEMBER_PATH + "/credentials";
    twoPagesOfCredentials(path, "type", "PASSWORD");
    List<RequiredCredential> sync;
    List<RequiredCredential> async;
    try (MxPlatformClient mx = platform(); MxPlatformAsyncClient mxAsync = platformAsync()) {
      sync = mx.listCredentials("USR-1", "MBR-1");
      async = join(mxAsync.listCredentials("USR-1", "MBR-1"));
    }

    assertThat(sync).isEqualTo(async).extracting(RequiredCredential::guid).containsExactly("CRD-2", "CRD-1");
    assertThat(sync.get(0).type()).contains("PASSWORD");
    assertThat(sync.get(0).label()).contains("Password");
    assertThat(sync.get(1).displayOrder()).hasValue(1);
    assertThat(received(path)).hasSize(4).allSatisfy(r -> {
      assertThat(r.getFirstQueryStringParameter("records_per_page")).isEqualTo("1000");
      assertThat(r.getFirstHeader("Accept-Version")).isEqualTo(VersionInfo.PLATFORM_API_VERSION);
    });
    // usable directly in an update
    MemberUpdate update = MemberUpdate.builder().user("USR-1").member("MBR-1").credential(sync.get(0).withValue("pw")).build();
    assertThat(update.credentials()).singleElement().extracting(Credential::guid).isEqualTo("CRD-2");
  }

  @Test
  void bothTypeAndFieldTypeAreTypedAndTheFieldTypeSaysWhatMayBeEchoed() {
    String path = MEMBER_PATH + "/credentials";
    server.when(request().withPath(path))
        .respond(response().withBody(
            "{\"credentials\":[{\"guid\":\"CRD-1\",\"label\":\"Username\",\"type\":\"LOGIN\",\"field_type\":\"TEXT\"},"
                + "{\"guid\":\"CRD-2\",\"label\":\"Password\",\"type\":\"PASSWORD\",\"field_type\":\"PASSWORD\"},"
                + "{\"guid\":\"CRD-3\",\"label\":\"PIN\",\"type\":\"LOGIN\",\"field_type\":\"SECRET_NEW\"},"
                + "{\"guid\":\"CRD-4\",\"label\":\"Member number\",\"type\":\"LOGIN\"}]}"));
    List<RequiredCredential> listed;
    try (MxPlatformClient mx = platform()) {
      listed = mx.listCredentials("USR-1", "MBR-1");
    }
    assertThat(listed).extracting(RequiredCredential::type).allMatch(java.util.Optional::isPresent);
    assertThat(listed.get(0).type()).contains("LOGIN");
    assertThat(listed.get(0).fieldType()).contains("TEXT");
    assertThat(listed).extracting(RequiredCredential::echoable).containsExactly(true, false, false, true);
    // Nexus sends field_type as a number: kept as written, and echo decided by the type name
    RequiredCredential nexus = RequiredCredential.builder("CRD-9").type("LOGIN").fieldType("3").build();
    assertThat(nexus.echoable()).isTrue();
    assertThat(RequiredCredential.builder("CRD-9").type("PASSWORD").fieldType("1").build().echoable()).isFalse();
  }

  @Test
  void nexusCredentialsComeFromTheSingularPathWithTheirTypeName() {
    twoPagesOfCredentials("/member/MBR-1/credentials", "field_type_name", "PASSWORD");
    try (MxNexusClient mx = nexus(); MxNexusAsyncClient mxAsync = nexusAsync()) {
      List<RequiredCredential> listed = mx.listCredentials("MBR-1");
      assertThat(listed).extracting(RequiredCredential::type).containsExactly(java.util.Optional.of("PASSWORD"), java.util.Optional.empty());
      assertThat(listed.get(1).fieldType()).as("Nexus's number, as written").contains("3");
      assertThat(join(mxAsync.listCredentials("MBR-1"))).hasSize(2);
    }
    assertThat(received("/member/MBR-1/credentials")).hasSize(4).allSatisfy(r -> assertThat(r.getFirstHeader("Accept")).isEqualTo(NEXUS));
  }

  // ---- status

  @Test
  void theStatusIsTheMemberWithItsStatusFieldsTypedAndTheRestRaw() {
    server.when(request().withPath(MEMBER_PATH + "/status"))
        .respond(response().withBody(
            "{\"member\":{\"guid\":\"MBR-1\",\"connection_status\":\"CHALLENGED\",\"is_being_aggregated\":false,"
                + "\"aggregated_at\":\"2026-12-02T10:00:00Z\",\"is_authenticated\":false,\"challenges\":[{\"guid\":\"CRD-9\",\"type\":\"TEXT\"}]}}"));
    server.when(request().withPath("/members/MBR-1").withMethod("GET"))
        .respond(response().withHeader("Content-Type", NEXUS).withBody("{\"member\":{\"guid\":\"MBR-1\",\"connection_status\":\"SOMETHING_NEW\",\"is_being_aggregated\":true}}"));
    try (MxPlatformClient mx = platform(); MxPlatformAsyncClient mxAsync = platformAsync(); MxNexusClient nx = nexus(); MxNexusAsyncClient nxAsync = nexusAsync()) {
      for (Member status : List.of(mx.readStatus("USR-1", "MBR-1"), join(mxAsync.readStatus("USR-1", "MBR-1")))) {
        assertThat(status.connectionStatus()).contains(ConnectionStatus.CHALLENGED);
        assertThat(status.isBeingAggregated()).contains(false);
        assertThat(status.aggregatedAt()).contains(java.time.Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(status.field("is_authenticated")).isPresent();
        assertThat(status.asJson().getAsJsonArray("challenges")).hasSize(1);
      }
      for (Member member : List.of(nx.readStatus("MBR-1"), join(nxAsync.readStatus("MBR-1")))) {
        assertThat(member.connectionStatus()).contains(ConnectionStatus.UNKNOWN);
        assertThat(member.connectionStatusAsString()).contains("SOMETHING_NEW");
        assertThat(member.isBeingAggregated()).contains(true);
      }
    }
  }

  // ---- challenges

  private static final String CHALLENGES =
      "[{\"guid\":\"CRD-T\",\"type\":\"TEXT\",\"label\":\"What city?\"},"
          + "{\"guid\":\"CRD-O\",\"type\":\"OPTIONS\",\"label\":\"Pick\",\"options\":[{\"label\":\"Red\",\"value\":\"r\"},{\"label\":\"Blue\",\"value\":\"b\"}]},"
          + "{\"guid\":\"CRD-I\",\"type\":\"IMAGE_DATA\",\"label\":\"What is this?\",\"image_data\":\"aGVsbG8=\"},"
          + "{\"guid\":\"CRD-IO\",\"type\":\"IMAGE_OPTIONS\",\"image_options\":[{\"label\":\"IMAGE_1\",\"value\":\"i1\",\"data_uri\":\"data:image/png;base64,aGk=\"}]},"
          + "{\"guid\":\"CRD-K\",\"type\":\"TOKEN\",\"label\":\"Code\"},"
          + "{\"guid\":\"CRD-N\",\"type\":\"VOICE_PRINT\",\"label\":\"Say something\"}]";

  @Test
  void challengesAreTypedWithTheirOptionsAndImagesAndAnUnknownTypeIsKept() {
    server.when(request().withPath(MEMBER_PATH + "/challenges")).respond(response().withBody("{\"challenges\":" + CHALLENGES + "}"));
    server.when(request().withPath("/members/MBR-1/challenges"))
        .respond(response().withHeader("Content-Type", NEXUS).withBody("{\"member\":" + CHALLENGES + "}"));
    try (MxPlatformClient mx = platform(); MxPlatformAsyncClient mxAsync = platformAsync(); MxNexusClient nx = nexus(); MxNexusAsyncClient nxAsync = nexusAsync()) {
      for (List<Challenge> challenges :
          List.of(mx.listChallenges("USR-1", "MBR-1"), join(mxAsync.listChallenges("USR-1", "MBR-1")), nx.listChallenges("MBR-1"), join(nxAsync.listChallenges("MBR-1")))) {
        assertThat(challenges).extracting(Challenge::type).containsExactly(
            Challenge.Type.TEXT, Challenge.Type.OPTIONS, Challenge.Type.IMAGE_DATA, Challenge.Type.IMAGE_OPTIONS, Challenge.Type.TOKEN,
            Challenge.Type.UNKNOWN);
        assertThat(challenges.get(1).options()).extracting(o -> o.value().orElseThrow()).containsExactly("r", "b");
        assertThat(challenges.get(2).imageBytes()).hasValueSatisfying(bytes -> assertThat(new String(bytes)).isEqualTo("hello"));
        assertThat(challenges.get(3).imageOptions().get(0).dataUri()).contains("data:image/png;base64,aGk=");
        assertThat(challenges.get(5).typeAsString()).contains("VOICE_PRINT");
        assertThat(challenges.get(2).toString()).doesNotContain("aGVsbG8=");
      }
    }
  }

  @Test
  void aMemberThatIsNotChallengedHasNoChallengesWhetherMxSends204OrAnEmptyList() {
    server.when(request().withPath(MEMBER_PATH + "/challenges")).respond(response().withStatusCode(204));
    server.when(request().withPath("/members/MBR-1/challenges"))
        .respond(response().withHeader("Content-Type", NEXUS).withBody("{\"challenges\":[]}"));
    try (MxPlatformClient mx = platform(); MxNexusAsyncClient nx = nexusAsync()) {
      assertThat(mx.listChallenges("USR-1", "MBR-1")).isEmpty();
      assertThat(join(nx.listChallenges("MBR-1"))).isEmpty();
    }
  }

  // ---- resume

  @Test
  void resumeSendsEachApisShapeAndReadsTheMemberBack() {
    server.when(request().withPath(MEMBER_PATH + "/resume"))
        .respond(response().withStatusCode(202).withBody("{\"member\":{\"guid\":\"MBR-1\",\"connection_status\":\"RESUMED\",\"is_being_aggregated\":true}}"));
    server.when(request().withPath("/members/MBR-1/resume"))
        .respond(response().withHeader("Content-Type", NEXUS).withBody("{\"member\":{\"guid\":\"MBR-1\",\"connection_status\":\"RESUMED\"}}"));
    MemberResume platformAnswers = MemberResume.builder().user("USR-1").member("MBR-1").answer("CRD-T", ANSWER).build();
    MemberResume nexusAnswers = MemberResume.builder().member("MBR-1").answer("CRD-T", ANSWER).build();
    try (MxPlatformClient mx = platform(); MxPlatformAsyncClient mxAsync = platformAsync(); MxNexusClient nx = nexus(); MxNexusAsyncClient nxAsync = nexusAsync()) {
      assertThat(mx.resume(platformAnswers).connectionStatus()).contains(ConnectionStatus.RESUMED);
      assertThat(join(mxAsync.resume(platformAnswers)).isBeingAggregated()).contains(true);
      assertThat(nx.resume(nexusAnswers).connectionStatus()).contains(ConnectionStatus.RESUMED);
      assertThat(join(nxAsync.resume(nexusAnswers)).guid()).contains("MBR-1");
    }
    assertThat(received(MEMBER_PATH + "/resume")).hasSize(2).allSatisfy(r -> {
      assertThat(r.getMethod().getValue()).isEqualTo("PUT");
      assertThat(JsonParser.parseString(r.getBodyAsString()))
          .isEqualTo(JsonParser.parseString("{\"member\":{\"challenges\":[{\"guid\":\"CRD-T\",\"value\":\"" + ANSWER + "\"}]}}"));
    });
    assertThat(received("/members/MBR-1/resume")).hasSize(2).allSatisfy(r -> {
      assertThat(JsonParser.parseString(r.getBodyAsString()))
          .isEqualTo(JsonParser.parseString("{\"challenges\":[{\"guid\":\"CRD-T\",\"value\":\"" + ANSWER + "\"}]}"));
      assertThat(r.getFirstHeader("Content-Type")).isEqualTo(NEXUS);
    });
    assertThat(platformAnswers.toString()).contains("CRD-T=****").doesNotContain(ANSWER);
  }

  @Test
  void resumeIsNeverRepeatedOnceSentWhileTheReadsAre() {
    server.when(request().withPath(MEMBER_PATH + "/resume")).respond(response().withStatusCode(503));
    server.when(request().withPath(MEMBER_PATH + "/status")).respond(response().withStatusCode(503));
    try (MxPlatformClient mx =
        MxPlatformClient.builder()
            .baseUrl(MockMx.url(server))
            .credentials(MockMx.CLIENT_ID, MockMx.API_KEY)
            .retryPolicy(RetryPolicy.defaults())
            .sleeper(d -> {})
            .build()) {
      Throwable resume = catchThrowable(() -> mx.resume(MemberResume.builder().user("USR-1").member("MBR-1").answer("CRD-T", ANSWER).build()));
      assertThat(resume).isInstanceOf(MxApiException.class).hasMessageNotContaining(ANSWER);
      assertThat(((MxApiException) resume).status()).isEqualTo(503);
      assertThat(catchThrowable(() -> mx.readStatus("USR-1", "MBR-1"))).isInstanceOf(MxApiException.class);
    }
    assertThat(received(MEMBER_PATH + "/resume")).as("sent once").hasSize(1);
    assertThat(received(MEMBER_PATH + "/status")).as("a read is retried").hasSize(RetryPolicy.defaults().maxAttempts());
  }

  @Test
  void aResumeWhoseAnswerWasLostSaysItMayHaveReachedMxOnBothFlavours() {
    server.when(request().withPath(MEMBER_PATH + "/resume")).error(org.mockserver.model.HttpError.error().withDropConnection(true));
    MemberResume resume = MemberResume.builder().user("USR-1").member("MBR-1").answer("CRD-T", ANSWER).build();
    try (MxPlatformClient mx = platform(); MxPlatformAsyncClient mxAsync = platformAsync()) {
      Throwable sync = catchThrowable(() -> mx.resume(resume));
      Throwable async = catchThrowable(() -> join(mxAsync.resume(resume)));
      for (Throwable lost : List.of(sync, async)) {
        assertThat(lost).isInstanceOf(MxTransportException.class)
            .hasMessageContaining("the resume may have reached MX and been applied: read the member's status")
            .hasMessageNotContaining(ANSWER);
      }
    }
    assertThat(received(MEMBER_PATH + "/resume")).as("each sent once").hasSize(2);
    // one that could not connect never reached MX: said as it is
    try (MxPlatformClient closedPort = MxPlatformClient.builder().baseUrl("http://127.0.0.1:1").credentials(MockMx.CLIENT_ID, MockMx.API_KEY)
        .sleeper(d -> {}).build()) {
      assertThat(catchThrowable(() -> closedPort.resume(resume))).isInstanceOf(MxTransportException.class)
          .hasMessageNotContaining("may have reached MX");
    }
  }

  @Test
  void resumingAMemberThatIsNotChallengedIsMxs405AndAResumeWithoutAMemberBodyIsUnreadable() {
    server.when(request().withPath("/members/MBR-1/resume"))
        .respond(response().withStatusCode(405).withHeader("Content-Type", NEXUS).withBody("{\"error\":{\"code\":4050,\"message\":\"Member is not challenged\"}}"));
    server.when(request().withPath(MEMBER_PATH + "/resume")).respond(response().withStatusCode(202).withBody("{}"));
    try (MxNexusClient nx = nexus(); MxPlatformClient mx = platform()) {
      Throwable notChallenged = catchThrowable(() -> nx.resume(MemberResume.builder().member("MBR-1").answer("CRD-T", ANSWER).build()));
      assertThat(notChallenged).isInstanceOf(MxApiException.class);
      assertThat(((MxApiException) notChallenged).status()).isEqualTo(405);
      assertThatThrownBy(() -> mx.resume(MemberResume.builder().user("USR-1").member("MBR-1").answer("CRD-T", ANSWER).build()))
          .isInstanceOf(MxResponseException.class)
          .hasMessageContaining("no member");
    }
  }

  // ---- bad input, before any I/O

  @Test
  void badInputIsRefusedBeforeAnyIoNamingTheParameter() {
    try (MxPlatformClient mx = platform(); MxPlatformAsyncClient mxAsync = platformAsync(); MxNexusClient nx = nexus(); MxNexusAsyncClient nxAsync = nexusAsync()) {
      List<Supplier<Object>> calls =
          List.of(
              () -> mx.listCredentials(" ", "MBR-1"),
              () -> mxAsync.listChallenges("USR-1", ""),
              () -> mx.readStatus("USR-1", ".."),
              () -> nx.listCredentials("MBR\n1"),
              () -> nxAsync.readStatus(""),
              () -> mx.resume(MemberResume.builder().member("MBR-1").answer("CRD-T", ANSWER).build()),
              () -> nxAsync.resume(MemberResume.builder().user("USR-1").member("MBR-1").answer("CRD-T", ANSWER).build()));
      List<String> named = List.of("user", "member", "member", "member", "member", "user", "user");
      for (int i = 0; i < calls.size(); i++) {
        assertThatThrownBy(calls.get(i)::get).as(named.get(i)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(named.get(i))
            .hasMessageNotContaining(ANSWER);
      }
    }
    assertThatThrownBy(() -> MemberResume.builder().member("MBR-1").build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("answer");
    assertThatThrownBy(() -> MemberResume.builder().member("MBR-1").answer("CRD-T", "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MemberResume.builder().member("MBR-1").answer("CRD-T", ANSWER).answer("CRD-T", "again"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("each challenge is answered once")
        .hasMessageNotContaining(ANSWER);
    Challenge asked = Challenge.builder("CRD-T").label("What city?").type(Challenge.Type.TEXT).build();
    assertThatThrownBy(() -> MemberResume.builder().member("MBR-1").challenges(List.of(asked)).answer("CRD-OTHER", ANSWER).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("answer 1 (counting from 1) is to a challenge the member was not asked; it was asked [CRD-T]")
        .hasMessageNotContaining("CRD-OTHER")
        .hasMessageNotContaining(ANSWER);
    assertThat(MemberResume.builder().member("MBR-1").challenges(List.of(asked)).answer(asked.answer(ANSWER)).build().answers()).hasSize(1);
    assertThat(server.retrieveRecordedRequests(request().withPath("/users/.*"))).isEmpty();
    assertThat(server.retrieveRecordedRequests(request().withPath("/member.*"))).isEmpty();
  }

  @Test
  void anMfaAnswerReachesNoLogLineAtTraceNoListenerEventAndNoMessage() throws Exception {
    server.when(request().withPath(MEMBER_PATH + "/resume")).respond(response().withStatusCode(400).withBody("{\"error\":{\"message\":\"bad answers\"}}"));
    server.when(request().withPath("/members/MBR-1/resume"))
        .respond(response().withHeader("Content-Type", NEXUS).withBody("{\"member\":{\"guid\":\"MBR-1\",\"connection_status\":\"RESUMED\"}}"));
    RecordingListener listener = new RecordingListener();
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    java.io.PrintStream originalErr = System.err;
    List<String> texts = new java.util.ArrayList<>();
    System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
    try (MxPlatformClient mx =
            MxPlatformClient.builder().baseUrl(MockMx.url(server)).credentials(MockMx.CLIENT_ID, MockMx.API_KEY).callListener(listener).build();
        MxNexusAsyncClient nx =
            MxNexusAsyncClient.builder()
                .baseUrl(MockMx.url(server))
                .apiTokenSource(() -> CompletableFuture.completedFuture(MockMx.API_TOKEN))
                .callListener(listener)
                .build()) {
      stubSession();
      MemberResume platformAnswers = MemberResume.builder().user("USR-1").member("MBR-1").answer("CRD-T", ANSWER).build();
      texts.add(String.valueOf(catchThrowable(() -> mx.resume(platformAnswers))));
      texts.add(platformAnswers.toString());
      texts.add(join(nx.resume(MemberResume.builder().member("MBR-1").answer("CRD-T", ANSWER).build())).toString());
    } finally {
      System.setErr(originalErr);
    }
    String logged = log.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(logged).as("the capture works").contains("TRACE").contains("/resume");
    texts.add(logged);
    listener.events.forEach(event -> texts.add(event.toString()));
    assertThat(texts).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(ANSWER));
  }
}
