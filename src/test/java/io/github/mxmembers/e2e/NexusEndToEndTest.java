package io.github.mxmembers.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mxmembers.MxNexusAsyncClient;
import io.github.mxmembers.MxNexusClient;
import io.github.mxmembers.model.Member;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import io.github.mxmembers.sandbox.ManualClock;
import io.github.mxmembers.sandbox.MxSandbox;
import io.github.mxmembers.sandbox.MxSandboxExtension;
import io.github.mxmembers.sandbox.RecordedRequest;
import io.github.mxmembers.sandbox.WebhookDelivery;
import io.github.mxmembers.webhook.WebhookAuth;
import io.github.mxmembers.webhook.WebhookEvent;
import io.github.mxmembers.webhook.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Nexus API end to end: SSO token, session, update, expiry mid-run. */
class NexusEndToEndTest {
  private static final ManualClock SANDBOX_CLOCK = new ManualClock(Instant.parse("2026-11-23T10:00:00Z"));

  /** One sandbox on the manual clock for the class, reset before each test: the shipped extension. */
  @RegisterExtension static final MxSandboxExtension SANDBOX = MxSandboxExtension.builder().clock(SANDBOX_CLOCK).build();

  private final ManualClock sandboxClock = SANDBOX_CLOCK;
  private final MxSandbox sandbox = SANDBOX.sandbox();
  /** Takes the sandbox's webhooks, as an application's endpoint would. */
  private static final WebhookReceiver RECEIVER =
      WebhookReceiver.builder().auth(WebhookAuth.basic(MxSandbox.WEBHOOK_USERNAME, MxSandbox.WEBHOOK_PASSWORD)).build();

  private MxNexusClient client() {
    return MxNexusClient.builder()
        .baseUrl(sandbox.baseUrl())
        .ssoBaseUrl(sandbox.baseUrl())
        .sso(MxSandbox.CLIENT_ID, MxSandbox.API_KEY, MxSandbox.USER_GUID)
        .sleeper(duration -> {})
        .build();
  }

  private static MemberUpdate.Builder newPassword() {
    return MemberUpdate.builder().member(MxSandbox.MEMBER_GUID).credential(MxSandbox.CREDENTIAL_GUID, "n3w-password");
  }

  @Test
  void aCredentialUpdateStartsAnAggregation() throws InterruptedException {
    sandbox.receiveWebhooks(RECEIVER);
    try (MxNexusClient nexus = client()) {
      Member member = nexus.updateMember(newPassword().build()).member().orElseThrow();

      assertThat(member.isBeingAggregated()).contains(true);
      assertThat(member.mostRecentJobGuid().orElseThrow()).isNotEqualTo("JOB-d6bb804b-6d12-44f1-b0ad-403441c03372");
    }
    WebhookDelivery sent = sandbox.awaitWebhook(d -> d.kind() == WebhookEvent.Kind.MEMBER, Duration.ofSeconds(10));
    assertThat(sent.delivered()).isTrue();
  }

  @Test
  void skipAggregationStartsNoJobAndSkipWebhookSendsNone() throws InterruptedException {
    sandbox.receiveWebhooks(RECEIVER);
    try (MxNexusClient nexus = client()) {
      Member member =
          nexus
              .updateMember(newPassword().skipAggregation(true).skipWebhook(true).build())
              .member()
              .orElseThrow();

      assertThat(member.isBeingAggregated()).contains(false);
      assertThat(member.mostRecentJobGuid()).contains("JOB-d6bb804b-6d12-44f1-b0ad-403441c03372");
      nexus.updateMember(MemberUpdate.builder().member(MxSandbox.MEMBER_GUID).metadata("after").build());
    }
    // the webhooks go out in order: once the second update's is delivered, the first would have been
    sandbox.awaitWebhook(d -> d.kind() == WebhookEvent.Kind.MEMBER, Duration.ofSeconds(10));
    assertThat(sandbox.webhooks()).hasSize(1);
  }

  @Test
  void aSessionExpiringMidRunIsRenewedAndTheUpdateRepeated() {
    try (MxNexusClient nexus = client()) {
      nexus.updateMember(MemberUpdate.builder().member(MxSandbox.MEMBER_GUID).metadata("one").build());
      // the client's own clock has not moved, so only MX (the sandbox) sees the session lapse
      sandboxClock.advance(Duration.ofMinutes(31));

      MemberUpdateResult result =
          nexus.updateMember(MemberUpdate.builder().member(MxSandbox.MEMBER_GUID).metadata("two").build());

      assertThat(result.status()).isEqualTo(200);
      assertThat(result.attempts()).isEqualTo(2);
      assertThat(result.member().orElseThrow().metadata()).contains("two");
    }
    assertThat(
            sandbox.received().stream()
                .map(RecordedRequest::toString)
                .filter(line -> line.startsWith("POST /sessions"))
                .collect(Collectors.toList()))
        .hasSize(2);
  }

  @Test
  void aSessionInUseDoesNotLapse() {
    try (MxNexusClient nexus = client()) {
      for (int i = 0; i < 3; i++) {
        nexus.updateMember(MemberUpdate.builder().member(MxSandbox.MEMBER_GUID).metadata("m" + i).build());
        sandboxClock.advance(Duration.ofMinutes(20));
      }
    }
    assertThat(sandbox.received().stream().filter(r -> r.path().equals("/sessions")).count()).isEqualTo(1);
  }

  @Test
  void a503BurstOnNexusIsAbsorbed() {
    sandbox.failNext(2, 503);

    try (MxNexusClient nexus = client()) {
      assertThat(nexus.updateMember(newPassword().build()).attempts()).isEqualTo(3);
    }
  }

  @Test
  void sessionsAskMxNotToAggregateTheUsersMembersUnlessToldOtherwiseOnBothFlavours() throws Exception {
    String seededJob = sandbox.nexusMember(MxSandbox.MEMBER_GUID).orElseThrow().get("most_recent_job_guid").getAsString();
    MemberUpdate metadata = MemberUpdate.builder().member(MxSandbox.MEMBER_GUID).metadata("m").build();

    try (MxNexusClient nexus = client()) {
      nexus.updateMember(metadata);
    }
    try (MxNexusAsyncClient nexus =
        MxNexusAsyncClient.builder()
            .baseUrl(sandbox.baseUrl())
            .ssoBaseUrl(sandbox.baseUrl())
            .sso(MxSandbox.CLIENT_ID, MxSandbox.API_KEY, MxSandbox.USER_GUID)
            .build()) {
      nexus.updateMember(metadata).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
    assertThat(sandbox.received())
        .filteredOn(request -> request.path().equals("/sessions"))
        .hasSize(2)
        .allSatisfy(
            request -> {
              assertThat(request.body()).isEqualTo("{\"skip_aggregation\":true}");
              assertThat(request.header("Content-Type")).contains("application/vnd.mx.nexus.v1+json");
            });
    assertThat(sandbox.nexusMember(MxSandbox.MEMBER_GUID).orElseThrow().get("most_recent_job_guid").getAsString())
        .as("two sessions opened, no aggregation started")
        .isEqualTo(seededJob);

    // the old behaviour, asked for: no body, and MX aggregates the user's members
    try (MxNexusClient nexus =
        MxNexusClient.builder()
            .baseUrl(sandbox.baseUrl())
            .ssoBaseUrl(sandbox.baseUrl())
            .sso(MxSandbox.CLIENT_ID, MxSandbox.API_KEY, MxSandbox.USER_GUID)
            .sessionsSkipAggregation(false)
            .build()) {
      nexus.updateMember(metadata);
    }
    List<RecordedRequest> sessions =
        sandbox.received().stream().filter(request -> request.path().equals("/sessions")).collect(Collectors.toList());
    assertThat(sessions.get(2).body()).isEmpty();
    assertThat(sandbox.nexusMember(MxSandbox.MEMBER_GUID).orElseThrow().get("most_recent_job_guid").getAsString()).isNotEqualTo(seededJob);
  }
}
