package io.github.mxmembers.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mxmembers.model.CallbackPayload;
import io.github.mxmembers.model.ConnectionStatus;
import io.github.mxmembers.model.MemberRef;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Webhook#constructEvent} on MX's own examples (webhook-facts.md §3, each from the MX page
 * named), on the shapes MX's pages leave open, and on bodies MX would never send.
 */
class WebhookTest {
  static final String USER = "mx-webhooks";
  static final String PASSWORD = "S3CRETwebhookPASSWORD";
  static final WebhookAuth AUTH = WebhookAuth.basic(USER, PASSWORD);

  /** MX's Connection Status webhook page, its example. */
  static final String CONNECTION_STATUS =
      "{\"action\":\"CHANGED\",\"connection_status\":\"CHALLENGED\",\"connection_status_id\":3,"
          + "\"connection_status_message\":\"To authenticate your connection to Chase Bank, please answer the following challenge(s).\","
          + "\"member_guid\":\"MBR-48d9a481-f2a2-7e13-2685-62869cf0d33a\",\"type\":\"CONNECTION_STATUS\","
          + "\"user_guid\":\"USR-eaf4ac68-d17d-5e9b-7b46-959a5b315a9e\"}";

  /** MX's Aggregation webhook page, its example with the three lines past the cut (type, user_guid, user_id). */
  static final String AGGREGATION =
      "{\"action\":\"member_data_updated\",\"completed_at\":1531947410,\"completed_on\":\"2018-07-18\",\"is_background\":true,"
          + "\"job_guid\":\"JOB-823ab268-5107-4a67-97c8-60292572ac2e\",\"member_guid\":\"MBR-48d9a481-f2a2-7e13-2685-62869cf0d33a\","
          + "\"transactions_created_count\":3,\"transactions_updated_count\":2,\"type\":\"AGGREGATION\","
          + "\"user_guid\":\"USR-eaf4ac68-d17d-5e9b-7b46-959a5b315a9e\",\"user_id\":\"U-1234\"}";

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static WebhookHeaders headers(String... more) {
    String[] all = new String[more.length + 2];
    all[0] = "authorization";
    all[1] = basic(USER, PASSWORD);
    System.arraycopy(more, 0, all, 2, more.length);
    return WebhookHeaders.of(all);
  }

  static WebhookEvent read(String json, String... headers) {
    return Webhook.constructEvent(headers(headers), json.getBytes(StandardCharsets.UTF_8), AUTH);
  }

  @Test
  void connectionStatusAsMxShowsIt() {
    WebhookEvent event = read(CONNECTION_STATUS);
    assertThat(event).isInstanceOf(ConnectionStatusChanged.class);
    ConnectionStatusChanged changed = (ConnectionStatusChanged) event;
    assertThat(changed.kind()).isEqualTo(WebhookEvent.Kind.CONNECTION_STATUS);
    assertThat(changed.connectionStatus()).contains(ConnectionStatus.CHALLENGED);
    assertThat(changed.connectionStatusId()).hasValue(3);
    assertThat(changed.message()).get().asString().startsWith("To authenticate");
    assertThat(changed.memberGuid()).contains("MBR-48d9a481-f2a2-7e13-2685-62869cf0d33a");
    assertThat(changed.platformMember())
        .contains(MemberRef.of("USR-eaf4ac68-d17d-5e9b-7b46-959a5b315a9e", "MBR-48d9a481-f2a2-7e13-2685-62869cf0d33a"));
    assertThat(changed.nexusMember()).contains(MemberRef.of("MBR-48d9a481-f2a2-7e13-2685-62869cf0d33a"));
    assertThat(changed.callbackPayload()).isEmpty();
    assertThat(changed.json()).isEqualTo(CONNECTION_STATUS);
  }

  @Test
  void connectionStatusIdAsAStringAndAStatusMxMayAdd() {
    ConnectionStatusChanged changed =
        (ConnectionStatusChanged) read(CONNECTION_STATUS.replace("\"connection_status_id\":3", "\"connection_status_id\":\"3\"")
            .replace("\"CHALLENGED\"", "\"frozen\""));
    assertThat(changed.connectionStatusId()).hasValue(3);
    assertThat(changed.connectionStatus()).contains(ConnectionStatus.UNKNOWN);
    assertThat(changed.connectionStatusAsString()).contains("frozen");
  }

  @Test
  void aggregationWithItsCallbackPayloadAsYourText() {
    String echoed = CallbackPayload.ofText("order-77 ✓").encoded();
    MemberDataUpdated updated = (MemberDataUpdated) read(AGGREGATION, "X-Callback-Payload", echoed);
    assertThat(updated.dataType()).isEqualTo(MemberDataUpdated.DataType.AGGREGATION);
    assertThat(updated.completedAt()).contains(Instant.ofEpochSecond(1531947410));
    assertThat(updated.completedOn()).contains(LocalDate.of(2018, 7, 18));
    assertThat(updated.isBackground()).contains(true);
    assertThat(updated.transactionsCreated()).hasValue(3);
    assertThat(updated.transactionsUpdated()).hasValue(2);
    assertThat(updated.jobGuid()).contains("JOB-823ab268-5107-4a67-97c8-60292572ac2e");
    assertThat(updated.userId()).contains("U-1234");
    EchoedCallbackPayload payload = updated.callbackPayload().orElseThrow();
    assertThat(payload.raw()).isEqualTo(echoed);
    assertThat(payload.text()).contains("order-77 ✓");
    assertThat(payload.toString()).doesNotContain("order-77");
  }

  @Test
  void aCallbackPayloadThatDoesNotDecodeIsDeliveredRaw() {
    // MX's own example value is a UUID, not base64
    String uuid = "813e50bd-4a7e-4517-b6bb-9eef65a68cbd";
    EchoedCallbackPayload payload = read(AGGREGATION, "X-CALLBACK-PAYLOAD", uuid).callbackPayload().orElseThrow();
    assertThat(payload.raw()).isEqualTo(uuid);
    assertThat(payload.decodes()).isFalse();
    assertThat(payload.text()).isEmpty();
    String tooLong = "QUFB".repeat(300); // 1200 characters of valid base64
    EchoedCallbackPayload long_ = read(AGGREGATION, "X-CALLBACK-PAYLOAD", tooLong).callbackPayload().orElseThrow();
    assertThat(long_.raw()).hasSize(1200);
    assertThat(long_.decodes()).isFalse();
    byte[] notUtf8 = {(byte) 0xff, (byte) 0xfe};
    EchoedCallbackPayload binary =
        read(AGGREGATION, "X-CALLBACK-PAYLOAD", Base64.getEncoder().encodeToString(notUtf8)).callbackPayload().orElseThrow();
    assertThat(binary.bytes()).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(notUtf8));
    assertThat(binary.text()).isEmpty();
  }

  @Test
  void theOtherMemberDataUpdatedTypesAndOneMxMayAdd() {
    String balance = "{\"action\":\"member_data_updated\",\"completed_at\":1531947410,\"completed_on\":\"2018-07-18\","
        + "\"member_guid\":\"MBR-1\",\"type\":\"BALANCE\",\"user_guid\":\"USR-1\"}";
    assertThat(((MemberDataUpdated) read(balance)).dataType()).isEqualTo(MemberDataUpdated.DataType.BALANCE);
    String verification = "{\"type\":\"VERIFICATION\",\"accounts\":[\"ACT-6836c1bb-a651-4a16-bb41-30e3b7e20e3f\"],"
        + "\"action\":\"member_data_updated\",\"user_guid\":\"USR-4807288e\",\"user_id\":\"cragro-postman-user\","
        + "\"member_guid\":\"MBR-1a78d6bd\",\"job_guid\":\"JOB-647d4f6b\",\"completed_at\":1701368571,\"completed_on\":\"2023-11-30\"}";
    MemberDataUpdated verified = (MemberDataUpdated) read(verification);
    assertThat(verified.dataType()).isEqualTo(MemberDataUpdated.DataType.VERIFICATION);
    assertThat(verified.accounts()).containsExactly("ACT-6836c1bb-a651-4a16-bb41-30e3b7e20e3f");
    assertThat(((MemberDataUpdated) read(verification.replace("[\"ACT-6836c1bb-a651-4a16-bb41-30e3b7e20e3f\"]", "\"ACT-9\""))).accounts())
        .containsExactly("ACT-9");
    MemberDataUpdated added = (MemberDataUpdated) read(balance.replace("BALANCE", "INVESTMENTS"));
    assertThat(added.dataType()).isEqualTo(MemberDataUpdated.DataType.UNKNOWN_TO_SDK_VERSION);
    assertThat(added.type()).contains("INVESTMENTS");
  }

  @Test
  void initialDataReadyKeyedByItsOwnGuid() {
    String json = "{\"type\":\"initial_data_ready\",\"guid\":\"3af06dde-da32-4937-9d9f-a37a4576ec8d\","
        + "\"client_guid\":\"CLT-f537431e\",\"user_guid\":\"USR-eaf4ac68\",\"member_guid\":\"MBR-48d9a481\"}";
    InitialDataReady ready = (InitialDataReady) read(json);
    assertThat(ready.webhookGuid()).contains("3af06dde-da32-4937-9d9f-a37a4576ec8d");
    assertThat(ready.clientGuid()).contains("CLT-f537431e");
    assertThat(ready.deduplicationKey()).isEqualTo("initial_data_ready:3af06dde-da32-4937-9d9f-a37a4576ec8d");
  }

  @Test
  void jobStatusRootedInJobEitherSpellingOfTheInstitution() {
    String json = "{\"job\":{\"created_at\":1471281212,\"error_message\":null,\"finished_at\":1471281224,"
        + "\"guid\":\"JOB-1\",\"insitution_guid\":\"INS-1\",\"is_authenticated\":true,\"member_guid\":\"MBR-1\","
        + "\"member_id\":null,\"started_at\":1471281212,\"status_name\":\"COMPLETED\",\"status\":6,"
        + "\"updated_at\":1471281224,\"user_guid\":\"USR-1\",\"user_id\":\"u-1\"}}";
    JobStatusChanged job = (JobStatusChanged) read(json);
    assertThat(job.jobGuid()).contains("JOB-1");
    assertThat(job.memberGuid()).contains("MBR-1");
    assertThat(job.statusName()).contains("COMPLETED");
    assertThat(job.status()).hasValue(6);
    assertThat(job.institutionGuid()).contains("INS-1");
    assertThat(job.errorMessage()).isEmpty();
    assertThat(job.memberId()).isEmpty();
    assertThat(job.isAuthenticated()).contains(true);
    assertThat(job.finishedAt()).contains(Instant.ofEpochSecond(1471281224));
    assertThat(job.type()).isEmpty();
  }

  @Test
  void membersWebhookRootedOrFlatWithTimesEitherWay() {
    String rooted = "{\"action\":\"updated\",\"member\":{\"aggregated_at\":1531947410,\"connection_status\":\"CONNECTED\","
        + "\"connection_status_id\":6,\"guid\":\"MBR-1\",\"id\":\"m-1\",\"is_being_aggregated\":false,\"user_guid\":\"USR-1\","
        + "\"brand_new_field\":{\"x\":1}}}";
    MemberChanged member = (MemberChanged) read(rooted, "X-CALLBACK-PAYLOAD", "b3JkZXI=");
    assertThat(member.memberAction()).isEqualTo(MemberChanged.Action.UPDATED);
    assertThat(member.memberGuid()).contains("MBR-1");
    assertThat(member.memberId()).contains("m-1");
    assertThat(member.userGuid()).contains("USR-1");
    assertThat(member.connectionStatus()).contains(ConnectionStatus.CONNECTED);
    assertThat(member.isBeingAggregated()).contains(false);
    assertThat(member.aggregatedAt()).contains(Instant.ofEpochSecond(1531947410));
    assertThat(member.memberJson().has("brand_new_field")).isTrue();
    assertThat(member.callbackPayload().flatMap(EchoedCallbackPayload::text)).contains("order");

    String flat = "{\"action\":\"DELETED\",\"guid\":\"MBR-2\",\"aggregated_at\":\"2024-05-01T10:00:00Z\"}";
    MemberChanged deleted = (MemberChanged) read(flat);
    assertThat(deleted.memberAction()).isEqualTo(MemberChanged.Action.DELETED);
    assertThat(deleted.memberGuid()).contains("MBR-2");
    assertThat(deleted.aggregatedAt()).contains(Instant.parse("2024-05-01T10:00:00Z"));
    assertThat(((MemberChanged) read("{\"action\":\"archived\",\"member\":{\"guid\":\"MBR-3\"}}")).memberAction())
        .isEqualTo(MemberChanged.Action.UNKNOWN_TO_SDK_VERSION);
  }

  @Test
  void anyOtherWebhookIsKeptWhole() {
    String users = "{\"action\":\"created\",\"user\":{\"guid\":\"USR-f81df24f\",\"id\":\"U-1234567\",\"revision\":10}}";
    WebhookEvent event = read(users);
    assertThat(event).isInstanceOf(OtherWebhook.class);
    assertThat(event.action()).contains("created");
    assertThat(event.json()).isEqualTo(users);
    assertThat(event.field("user").orElseThrow().getAsJsonObject().get("revision").getAsInt()).isEqualTo(10);
    assertThat(event.memberGuid()).isEmpty();
    assertThat(read("{}")).isInstanceOf(OtherWebhook.class);
  }

  @Test
  void nullsAndFieldsOfAnUnexpectedTypeReadAsAbsent() {
    MemberDataUpdated odd =
        (MemberDataUpdated)
            read("{\"action\":\"member_data_updated\",\"type\":\"AGGREGATION\",\"member_guid\":null,\"completed_at\":\"soon\","
                + "\"transactions_created_count\":{\"n\":3},\"is_background\":\"maybe\",\"completed_on\":17}");
    assertThat(odd.memberGuid()).isEmpty();
    assertThat(odd.completedAt()).isEmpty();
    assertThat(odd.transactionsCreated()).isEmpty();
    assertThat(odd.isBackground()).isEmpty();
    assertThat(odd.completedOn()).isEmpty();
    assertThat(odd.platformMember()).isEmpty();
  }

  @Test
  void reSendsShareAKeyWhateverTheOrderOfFieldsOrTheSpacing() {
    String reordered =
        "{ \"type\": \"CONNECTION_STATUS\", \"user_guid\": \"USR-eaf4ac68-d17d-5e9b-7b46-959a5b315a9e\",\n"
            + "\"member_guid\": \"MBR-48d9a481-f2a2-7e13-2685-62869cf0d33a\", \"connection_status_id\": 3, \"action\": \"CHANGED\","
            + "\"connection_status_message\": \"To authenticate your connection to Chase Bank, please answer the following challenge(s).\","
            + "\"connection_status\": \"CHALLENGED\" }";
    assertThat(read(reordered).deduplicationKey()).isEqualTo(read(CONNECTION_STATUS).deduplicationKey()).startsWith("sha256:");
    assertThat(read(CONNECTION_STATUS.replace("CHALLENGED", "DENIED")).deduplicationKey())
        .isNotEqualTo(read(CONNECTION_STATUS).deduplicationKey());
    assertThat(read(AGGREGATION, "X-CALLBACK-PAYLOAD", "YQ==").deduplicationKey())
        .isNotEqualTo(read(AGGREGATION, "X-CALLBACK-PAYLOAD", "Yg==").deduplicationKey());
  }

  @Test
  void wrongOrMissingCredentialsAreRefusedBeforeTheBodyIsRead() {
    byte[] garbage = {(byte) 0xff, 0x00};
    for (WebhookHeaders headers :
        List.of(
            WebhookHeaders.none(),
            WebhookHeaders.of("Authorization", basic(USER, PASSWORD + "x")),
            WebhookHeaders.of("Authorization", basic(USER + "x", PASSWORD)),
            WebhookHeaders.of("Authorization", "Bearer " + PASSWORD),
            WebhookHeaders.of("Authorization", "Basic !!!not-base64"),
            WebhookHeaders.of("Authorization", basic(USER, PASSWORD), "Authorization", basic(USER, "other")))) {
      assertThatThrownBy(() -> Webhook.constructEvent(headers, garbage, AUTH))
          .isInstanceOf(WebhookAuthenticationException.class)
          .satisfies(e -> assertThat(((WebhookException) e).status()).isEqualTo(401))
          .message()
          .doesNotContain(PASSWORD)
          .doesNotContain(USER);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[]", "[{\"type\":\"CONNECTION_STATUS\"}]", "42", "\"text\"", "null", "true", "{\"a\":1",
      "{\"a\":1} {\"b\":2}", "{'a': 1}", "{\"a\":1,}", "S3CRETgarbage{"})
  void aBodyThatIsNotOneJsonObjectIs400WithoutQuotingIt(String body) {
    assertThatThrownBy(() -> read(body))
        .isInstanceOf(WebhookException.class)
        .isNotInstanceOf(WebhookAuthenticationException.class)
        .satisfies(e -> assertThat(((WebhookException) e).status()).isEqualTo(400))
        .message()
        .doesNotContain("S3CRET")
        .doesNotContain("CONNECTION_STATUS");
  }

  @Test
  void invalidUtf8Is400() {
    byte[] body = "{\"type\":\"x\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> Webhook.constructEvent(headers(), body, AUTH))
        .isInstanceOf(WebhookException.class)
        .hasMessageContaining("not UTF-8");
  }

  @Test
  void credentialsNeverInToString() {
    assertThat(AUTH.toString()).doesNotContain(PASSWORD).doesNotContain(USER);
    assertThat(headers().toString()).doesNotContain(basic(USER, PASSWORD)).contains("authorization");
    assertThatThrownBy(() -> WebhookAuth.basic("a:b", "p")).hasMessageContaining("username").hasMessageNotContaining("a:b");
    assertThatThrownBy(() -> WebhookAuth.basic("user", "")).hasMessageContaining("password");
  }

  @Test
  void bearerTokensGoToYourValidator() {
    WebhookAuth bearer = WebhookAuth.bearer("issued-token"::equals);
    assertThat(bearer.verify(WebhookHeaders.of("Authorization", "Bearer issued-token"))).isTrue();
    assertThat(bearer.verify(WebhookHeaders.of("authorization", "bearer issued-token"))).isTrue();
    assertThat(bearer.verify(WebhookHeaders.of("Authorization", "Bearer other"))).isFalse();
    assertThat(bearer.verify(WebhookHeaders.of("Authorization", basic(USER, PASSWORD)))).isFalse();
    assertThat(bearer.verify(WebhookHeaders.none())).isFalse();
  }
}
