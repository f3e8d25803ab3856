package io.github.mxmembers.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import io.github.mxmembers.MxPlatformClient;
import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.model.ConnectionStatus;
import io.github.mxmembers.model.Member;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import io.github.mxmembers.model.UseCase;
import io.github.mxmembers.sandbox.MxSandbox;
import io.github.mxmembers.sandbox.MxSandboxExtension;
import io.github.mxmembers.webhook.EchoedCallbackPayload;
import io.github.mxmembers.webhook.MemberChanged;
import io.github.mxmembers.webhook.WebhookAuth;
import io.github.mxmembers.webhook.WebhookEvent;
import io.github.mxmembers.webhook.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Platform API end to end, through the public API only, as a user's project would test it. */
@ExtendWith(MxSandboxExtension.class)
class PlatformEndToEndTest {
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  private MxPlatformClient client(MxSandbox sandbox) {
    return MxPlatformClient.builder()
        .baseUrl(sandbox.baseUrl())
        .credentials(MxSandbox.CLIENT_ID, MxSandbox.API_KEY)
        .sleeper(waits::add)
        .build();
  }

  private static MemberUpdate.Builder newPassword() {
    return MemberUpdate.builder()
        .user(MxSandbox.USER_ID)
        .member(MxSandbox.MEMBER_GUID)
        .credential(MxSandbox.CREDENTIAL_GUID, "n3w-password");
  }

  @Test
  void aCredentialUpdateStartsAnAggregation(MxSandbox sandbox) {
    try (MxPlatformClient mx = client(sandbox)) {
      MemberUpdateResult result = mx.updateMember(newPassword().build());

      Member member = result.member().orElseThrow();
      assertThat(result.status()).isEqualTo(200);
      assertThat(member.isBeingAggregated()).contains(true);
      assertThat(member.mostRecentJobGuid().orElseThrow())
          .startsWith("JOB-")
          .isNotEqualTo("JOB-12345678-90ab-cdef-1234-567890abcdef");
      assertThat(member.connectionStatus()).contains(ConnectionStatus.UPDATED);
    }
  }

  @Test
  void anUpdateWhileAJobRunsStartsNoSecondJob(MxSandbox sandbox) {
    try (MxPlatformClient mx = client(sandbox)) {
      String firstJob = mx.updateMember(newPassword().build()).member().orElseThrow().mostRecentJobGuid().orElseThrow();

      MemberUpdateResult again = mx.updateMember(newPassword().build());

      assertThat(again.status()).isEqualTo(202);
      assertThat(again.jobAlreadyRunning()).isTrue();
      assertThat(again.member().orElseThrow().mostRecentJobGuid()).contains(firstJob);

      sandbox.completeAggregation(MxSandbox.MEMBER_GUID);
      MemberUpdateResult afterCompletion = mx.updateMember(newPassword().build());
      assertThat(afterCompletion.status()).isEqualTo(200);
      assertThat(afterCompletion.member().orElseThrow().mostRecentJobGuid()).isNotEqualTo(java.util.Optional.of(firstJob));
    }
  }

  @Test
  void theUpdateIsAppliedToTheStoredMember(MxSandbox sandbox) {
    try (MxPlatformClient mx = client(sandbox)) {
      mx.updateMember(
          MemberUpdate.builder()
              .user(MxSandbox.USER_GUID)
              .member(MxSandbox.MEMBER_ID)
              .id("partner-77")
              .metadata("{\"tier\":\"gold\"}")
              .useCases(UseCase.MONEY_MOVEMENT)
              .backgroundAggregationDisabled(true)
              .build());
    }

    JsonObject stored = sandbox.platformMember(MxSandbox.MEMBER_GUID).orElseThrow();
    assertThat(stored.get("id").getAsString()).isEqualTo("partner-77");
    assertThat(stored.get("metadata").getAsString()).isEqualTo("{\"tier\":\"gold\"}");
    assertThat(stored.get("use_cases").toString()).isEqualTo("[\"MONEY_MOVEMENT\"]");
    assertThat(stored.get("background_aggregation_is_disabled").getAsBoolean()).isTrue();
    assertThat(stored.get("is_being_aggregated").getAsBoolean()).isFalse();
  }

  @Test
  void theCallbackPayloadArrivesBase64EncodedAndComesBackInTheMembersWebhookAsYourText(MxSandbox sandbox) throws Exception {
    java.util.concurrent.BlockingQueue<WebhookEvent> heard = new java.util.concurrent.LinkedBlockingQueue<>();
    try (WebhookReceiver receiver =
            WebhookReceiver.builder()
                .auth(WebhookAuth.basic(MxSandbox.WEBHOOK_USERNAME, MxSandbox.WEBHOOK_PASSWORD))
                .listener(heard::add)
                .build();
        MxPlatformClient mx = client(sandbox)) {
      sandbox.receiveWebhooks(receiver);
      mx.updateMember(newPassword().callbackPayload("workflow=reconnect;ticket=42").build());

      WebhookEvent event = heard.poll(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(event).isInstanceOf(MemberChanged.class);
      EchoedCallbackPayload echoed = event.callbackPayload().orElseThrow();
      assertThat(echoed.raw()).isEqualTo("d29ya2Zsb3c9cmVjb25uZWN0O3RpY2tldD00Mg==");
      assertThat(echoed.text()).contains("workflow=reconnect;ticket=42");
      assertThat(sandbox.received().get(0).header("X-CALLBACK-PAYLOAD")).contains(echoed.raw());
    }
  }

  @Test
  void aBurstOf503IsAbsorbedByRetries(MxSandbox sandbox) {
    sandbox.failNext(3, 503);

    try (MxPlatformClient mx = client(sandbox)) {
      assertThat(mx.updateMember(newPassword().build()).attempts()).isEqualTo(4);
    }
    assertThat(waits).hasSize(3);
    assertThat(sandbox.received()).hasSize(4);
  }

  @Test
  void a429WithRetryAfterIsWaitedOut(MxSandbox sandbox) {
    sandbox.rateLimitNext(2, 3);

    try (MxPlatformClient mx = client(sandbox)) {
      assertThat(mx.updateMember(newPassword().build()).attempts()).isEqualTo(3);
    }
    assertThat(waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
  }

  @Test
  void aDroppedConnectionIsRetried(MxSandbox sandbox) {
    sandbox.dropNext(1);

    try (MxPlatformClient mx = client(sandbox)) {
      assertThat(mx.updateMember(newPassword().build()).attempts()).isEqualTo(2);
    }
  }

  @Test
  void aSlowAnswerWithinTheTimeoutIsJustSlow(MxSandbox sandbox) {
    sandbox.delayNext(1, Duration.ofMillis(300));

    try (MxPlatformClient mx = client(sandbox)) {
      assertThat(mx.updateMember(newPassword().build()).attempts()).isEqualTo(1);
    }
  }

  @Test
  void unknownUsersAndMembersAre404AndWrongKeysAre401(MxSandbox sandbox) {
    try (MxPlatformClient mx = client(sandbox);
        MxPlatformClient wrongKey =
            MxPlatformClient.builder()
                .baseUrl(sandbox.baseUrl())
                .credentials(MxSandbox.CLIENT_ID, "wrong-key")
                .build()) {
      assertThatThrownBy(() -> mx.updateMember(newPassword().user("USR-nobody").build()))
          .isInstanceOfSatisfying(MxApiException.class, e -> assertThat(e.status()).isEqualTo(404));
      assertThatThrownBy(() -> mx.updateMember(newPassword().member("MBR-nobody").build()))
          .isInstanceOfSatisfying(
              MxApiException.class, e -> assertThat(e.mxMessage()).contains("Member not found"));
      assertThatThrownBy(() -> wrongKey.updateMember(newPassword().build()))
          .isInstanceOfSatisfying(MxApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
  }
}
