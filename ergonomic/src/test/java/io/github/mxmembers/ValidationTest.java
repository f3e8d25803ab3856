package io.github.mxmembers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mxmembers.model.CallbackPayload;
import io.github.mxmembers.model.Credential;
import io.github.mxmembers.model.MemberResume;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.UseCase;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad input fails with a typed exception naming the parameter, before any byte is sent. */
class ValidationTest extends MockMxTest {
  private final FakeClock clock = new FakeClock();

  @AfterEach
  void nothingWasSent() {
    assertThat(MockMx.received(server)).isEmpty();
  }

  @Test
  void anUpdateWithNothingToChangeIsRejected() {
    assertThatThrownBy(() -> MemberUpdate.builder().user("u").member("m").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("nothing to update: only the member is set");
  }

  @Test
  void whatCountsAsAChangeIsCheckedPerApiNamingOnlyThatApisFields() {
    try (MxNexusClient nexus = nexus();
        MxPlatformClient mx = MockMx.platform(server, clock).build()) {
      assertThatThrownBy(() -> nexus.updateMember(MemberUpdate.builder().member("MBR-1").skipAggregation(true).build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "nothing to update on the Nexus API: set at least one of credentials, metadata"
                  + " (skipAggregation and skipWebhook only qualify an update)");
      assertThatThrownBy(
              () -> mx.updateMember(MemberUpdate.builder().user("USR-1").member("MBR-1").callbackPayload("x").build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "nothing to update on the Platform API: set at least one of credentials, id, metadata,"
                  + " backgroundAggregationDisabled, useCases (callbackPayload only qualifies an update)");
    }
  }

  @Test
  void dotSegmentIdentifiersAreRefused() {
    for (String dots : new String[] {".", ".."}) {
      assertThatThrownBy(() -> MemberUpdate.builder().member(dots))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("member must not be '.' or '..': in a URL path it names another resource");
      assertThatThrownBy(() -> MemberUpdate.builder().user(dots))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("user must not be '.' or '..'");
      assertThatThrownBy(() -> MxNexusClient.builder().sso("client", "key", dots))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("userId must not be '.' or '..'");
    }
    // a dot inside an identifier is an ordinary character
    assertThat(MemberUpdate.builder().member("MBR.1").metadata("m").build().member()).isEqualTo("MBR.1");
  }

  @Test
  void identifiersOverTheCapAreRefusedWithoutBeingEchoed() {
    String huge = "MBR-" + "x".repeat(9_996);

    assertThatThrownBy(() -> MemberUpdate.builder().member(huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("member is 10000 characters; at most 256 are accepted");
    assertThatThrownBy(() -> MemberUpdate.builder().credential(huge, "pw"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("guid is 10000 characters; at most 256 are accepted");
    assertThat(MemberUpdate.builder().member("m".repeat(MemberUpdate.MAX_IDENTIFIER_LENGTH)).metadata("x").build())
        .isNotNull();
  }

  @Test
  void controlCharactersInIdentifiersAreRefused() {
    assertThatThrownBy(() -> MemberUpdate.builder().member("MBR-1\r\nINFO forged line"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("member contains a control character (U+000D at index 5)");
    assertThatThrownBy(() -> MemberUpdate.builder().user("u\u0000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("user contains a control character (U+0000 at index 1)");
    assertThatThrownBy(() -> MemberUpdate.builder().id("a\tb"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("id contains a control character");
    assertThatThrownBy(() -> MxPlatformClient.builder().credentials("client", "key\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("apiKey contains a control character");
  }

  @Test
  void textThatUtf8CannotCarryIsRefusedNotTurnedIntoQuestionMarks() {
    assertThatThrownBy(() -> MemberUpdate.builder().credential("CRD-1", "pw\uD800"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value has an unpaired surrogate at index 2: it cannot be sent as UTF-8");
    assertThatThrownBy(() -> MemberUpdate.builder().metadata("\uDC00x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("metadata has an unpaired surrogate at index 0");
    assertThatThrownBy(() -> MemberUpdate.builder().callbackPayload("\uD800"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("callbackPayload has an unpaired surrogate at index 0");
    // a pair is fine, spaces and all
    assertThat(Credential.of("CRD-1", " p\uD83D\uDE00w ").value()).isEqualTo(" p\uD83D\uDE00w ");
  }

  @Test
  void emptyCallbackPayloadsAreRefused() {
    String message = "callbackPayload must not be empty: MX would receive an empty X-CALLBACK-PAYLOAD";
    assertThatThrownBy(() -> MemberUpdate.builder().callbackPayload("")).hasMessage(message);
    assertThatThrownBy(() -> MemberUpdate.builder().callbackPayload(new byte[0])).hasMessage(message);
    assertThatThrownBy(() -> CallbackPayload.ofEncoded("")).hasMessage(message);
  }

  @Test
  void timeoutsUnderAMillisecondAreRefusedNotReadAsNone() {
    assertThatThrownBy(() -> MxPlatformClient.builder().responseTimeout(java.time.Duration.ofNanos(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("responseTimeout must be from 1 ms to 1 day: PT0.000000001S");
    assertThatThrownBy(() -> MxPlatformClient.builder().callTimeout(java.time.Duration.ofNanos(999_999)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("callTimeout must be from 1 ms to 1 day");
    assertThatThrownBy(() -> MxNexusClient.builder().connectTimeout(java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("connectTimeout must be from 1 ms to 1 day");
    assertThatThrownBy(() -> MxNexusClient.builder().callTimeout(java.time.Duration.ofDays(400)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("callTimeout must be from 1 ms to 1 day");
    MxPlatformClient.builder().responseTimeout(java.time.Duration.ofMillis(1));
  }

  @Test
  void portsOutsideOneTo65535AreRefused() {
    assertThatThrownBy(() -> MxPlatformClient.builder().baseUrl("https://h:99999"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUrl has port 99999; ports are 1 to 65535");
    assertThatThrownBy(() -> MxNexusClient.builder().ssoBaseUrl("https://h:0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ssoBaseUrl has port 0; ports are 1 to 65535");
    MxPlatformClient.builder().baseUrl("https://h:65535");
  }

  @Test
  void aMissingMemberIsRejected() {
    assertThatThrownBy(() -> MemberUpdate.builder().metadata("x").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("member is required");
  }

  @Test
  void blankIdentifiersAreRejectedByName() {
    assertThatThrownBy(() -> MemberUpdate.builder().member(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("member must not be blank");
    assertThatThrownBy(() -> MemberUpdate.builder().user(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("user must not be blank");
    assertThatThrownBy(() -> MemberUpdate.builder().id(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id must not be blank");
    assertThatThrownBy(() -> MemberUpdate.builder().user(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("user == null");
  }

  @Test
  void badCredentialsAreRejectedWithoutTheirValue() {
    assertThatThrownBy(() -> MemberUpdate.builder().credential(" ", MockMx.PASSWORD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("guid must not be blank");
    assertThatThrownBy(() -> MemberUpdate.builder().credential("CRD-1", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value must not be empty");
    assertThatThrownBy(
            () ->
                MemberUpdate.builder()
                    .credential("CRD-1", MockMx.PASSWORD)
                    .credential("CRD-1", MockMx.PASSWORD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("credential: the guid of credential 2 is that of credential 1 (counting from 1): each credential may be set once");
  }

  /**
   * A secret typed where a guid goes (the arguments swapped, say) never comes back in a message: the
   * messages name the parameter the caller used, never a guid or a value.
   */
  @Test
  void aSecretTypedWhereAGuidGoesIsNeverEchoed() {
    String secret = "S3CRETcredVALUE";
    List<Runnable> mistakes =
        List.of(
            () -> MemberUpdate.builder().credential(secret, ""),
            () -> MemberUpdate.builder().credential(secret, "pw\uD800"),
            () -> MemberUpdate.builder().credential(secret, "pw").credential(secret, "pw"),
            () -> MemberUpdate.builder().credential(secret + "\r\n", "pw"),
            () -> MemberResume.builder().answer(secret, ""),
            () -> MemberResume.builder().answer(secret, "a").answer(secret, "b"),
            () -> MemberResume.builder().member("MBR-1").challenges(List.of(io.github.mxmembers.model.Challenge.builder("CRD-T").build()))
                .answer(secret, "a").build(),
            () -> Credential.of(secret, ""));
    List<String> parameters = List.of("value", "value", "credential", "guid", "value", "answer", "answer", "value");
    for (int i = 0; i < mistakes.size(); i++) {
      Runnable mistake = mistakes.get(i);
      assertThatThrownBy(mistake::run)
          .as("mistake %d", i)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(parameters.get(i))
          .hasMessageNotContaining(secret);
    }
    assertThatThrownBy(() -> MemberResume.builder().answer(" ", "a")).hasMessage("challengeGuid must not be blank");
    assertThatThrownBy(() -> MemberResume.builder().answer(null, "a")).hasMessage("challengeGuid == null");
    assertThatThrownBy(() -> MemberResume.builder().answer("CRD-1\r\n", "a")).hasMessageStartingWith("challengeGuid");
  }

  @Test
  void unknownUseCaseCannotBeSent() {
    assertThatThrownBy(() -> MemberUpdate.builder().useCases(UseCase.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("useCases");
    assertThatThrownBy(() -> MemberUpdate.builder().useCases())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("useCases");
  }

  @Test
  void callbackPayloadOverTheLimitGivesLengthsNotContent() {
    String secretish = "SECRET-PAYLOAD-".repeat(60);

    assertThatThrownBy(() -> MemberUpdate.builder().callbackPayload(secretish))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "callbackPayload is 1200 characters once base64-encoded (900 bytes); MX accepts at most 1024")
        .message()
        .doesNotContain("SECRET");
  }

  @Test
  void callbackPayloadAtTheLimitIsAccepted() {
    assertThat(CallbackPayload.ofBytes(new byte[768]).encoded()).hasSize(1024);
  }

  @Test
  void alreadyEncodedPayloadIsValidated() {
    assertThat(CallbackPayload.ofEncoded("aGk=").bytes()).containsExactly('h', 'i');
    assertThatThrownBy(() -> CallbackPayload.ofEncoded("not base64!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("callbackPayload is not base64")
        .message()
        .doesNotContain("not base64!");
    assertThatThrownBy(() -> CallbackPayload.ofEncoded("A".repeat(1028)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("callbackPayload is 1028 characters; MX accepts at most 1024");
  }

  @Test
  void platformRejectsNexusOnlyFieldsAndAMissingUser() {
    MemberUpdate base = MockMx.credentialUpdate();
    try (MxPlatformClient mx = MockMx.platform(server, clock).build()) {
      assertRejected(mx::updateMember, base.toBuilder().skipAggregation(true).build(), "skipAggregation");
      assertRejected(mx::updateMember, base.toBuilder().skipWebhook(true).build(), "skipWebhook");
      assertRejected(
          mx::updateMember,
          MemberUpdate.builder().member("MBR-1").metadata("x").build(),
          "user is required");
    }
  }

  @Test
  void nexusRejectsPlatformOnlyFields() {
    MemberUpdate base = MemberUpdate.builder().member("MBR-1").credential("CRD-1", "pw").build();
    try (MxNexusClient nexus = nexus()) {
      assertRejected(nexus::updateMember, base.toBuilder().user("USR-1").build(), "user");
      assertRejected(nexus::updateMember, base.toBuilder().id("x").build(), "id");
      assertRejected(nexus::updateMember, base.toBuilder().useCases(UseCase.PFM).build(), "useCases");
      assertRejected(
          nexus::updateMember,
          base.toBuilder().backgroundAggregationDisabled(true).build(),
          "backgroundAggregationDisabled");
      assertRejected(
          nexus::updateMember, base.toBuilder().callbackPayload("x").build(), "callbackPayload");
      assertRejected(
          nexus::updateMember,
          MemberUpdate.builder().member("MBR-1").backgroundAggregationDisabled(true).build(),
          "backgroundAggregationDisabled");
    }
  }

  @Test
  void incompleteClientBuildersNameWhatIsMissing() {
    assertThatThrownBy(() -> MxPlatformClient.builder().credentials("c", "k").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("environment is required");
    assertThatThrownBy(() -> MxPlatformClient.builder().environment(MxEnvironment.INTEGRATION).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("credentials are required");
    assertThatThrownBy(() -> MxNexusClient.builder().environment(MxEnvironment.INTEGRATION).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("a session source is required");
    assertThatThrownBy(
            () -> MxNexusClient.builder().baseUrl(MockMx.url(server)).sso("c", "k", "u").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("ssoBaseUrl is required");
  }

  @Test
  void credentialsOnlyTravelOverHttpsExceptToLoopback() {
    assertThatThrownBy(() -> MxPlatformClient.builder().baseUrl("http://api.example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("baseUrl must use https");
    assertThatThrownBy(() -> MxPlatformClient.builder().baseUrl("https://user:pw@api.example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user info")
        .message()
        .doesNotContain("pw");
    assertThatThrownBy(() -> MxPlatformClient.builder().baseUrl("user:s3cret@api.example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("s3cret");
    assertThatThrownBy(
            () ->
                MxPlatformClient.builder()
                    .environment(MxEnvironment.INTEGRATION)
                    .credentials("c", "k")
                    .httpClient(org.apache.hc.client5.http.impl.classic.HttpClients.createMinimal())
                    .proxy(new org.apache.hc.core5.http.HttpHost("proxy.example.com", 3128))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("proxy cannot be combined with httpClient");
    MxPlatformClient.builder().baseUrl("http://localhost:1");
    MxPlatformClient.builder().baseUrl("http://127.0.0.1:1");
    MxPlatformClient.builder().baseUrl("http://[::1]:1");
    MxPlatformClient.builder().baseUrl("https://api.example.com/");
  }

  @Test
  void memberUpdateIsAValueWithToBuilder() {
    MemberUpdate update =
        MemberUpdate.builder()
            .user("USR-1")
            .member("MBR-1")
            .credential("CRD-1", MockMx.PASSWORD)
            .metadata("PRIVATE-NOTE")
            .callbackPayload("p")
            .build();

    assertThat(update.toBuilder().build()).isEqualTo(update).hasSameHashCodeAs(update);
    assertThat(update.toBuilder().metadata("other").build()).isNotEqualTo(update);
    assertThat(update.credentials()).hasSize(1);
    assertThatThrownBy(() -> update.credentials().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(update.toString())
        .contains("CRD-1=****")
        .doesNotContain(MockMx.PASSWORD)
        .doesNotContain("PRIVATE-NOTE");
  }

  private MxNexusClient nexus() {
    return MxNexusClient.builder()
        .baseUrl(MockMx.url(server))
        .apiTokenSource(() -> MockMx.API_TOKEN)
        .clock(clock)
        .build();
  }

  private static void assertRejected(
      Consumer<MemberUpdate> call, MemberUpdate update, String parameter) {
    assertThatThrownBy(() -> call.accept(update))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(parameter);
  }
}
