package io.github.mxmembers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mxmembers.MxNexusClient;
import io.github.mxmembers.MxPlatformClient;
import io.github.mxmembers.model.CallbackPayload;
import io.github.mxmembers.model.ConnectionStatus;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.webhook.ConnectionStatusChanged;
import io.github.mxmembers.webhook.MemberChanged;
import io.github.mxmembers.webhook.MemberDataUpdated;
import io.github.mxmembers.webhook.WebhookAuth;
import io.github.mxmembers.webhook.WebhookEvent;
import io.github.mxmembers.webhook.WebhookEvent.Kind;
import io.github.mxmembers.webhook.WebhookReceiver;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox sends MX's webhooks for real, over loopback, to the SDK's own receiver: which ones, with
 * what, and MX's re-sends on the sandbox's clock.
 */
class SandboxWebhooksTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final MxSandbox sandbox = MxSandbox.start(clock);
  private final BlockingQueue<WebhookEvent> heard = new LinkedBlockingQueue<>();
  private final WebhookReceiver receiver =
      WebhookReceiver.builder()
          .auth(WebhookAuth.basic(MxSandbox.WEBHOOK_USERNAME, MxSandbox.WEBHOOK_PASSWORD))
          .listener(heard::add)
          .build();

  @AfterEach
  void close() {
    sandbox.close();
    receiver.close();
  }

  private MxPlatformClient platform() {
    return MxPlatformClient.builder().baseUrl(sandbox.baseUrl()).credentials(MxSandbox.CLIENT_ID, MxSandbox.API_KEY).clock(clock).build();
  }

  private MxNexusClient nexus() {
    return MxNexusClient.builder().baseUrl(sandbox.baseUrl()).ssoBaseUrl(sandbox.baseUrl())
        .sso(MxSandbox.CLIENT_ID, MxSandbox.API_KEY, MxSandbox.USER_GUID).clock(clock).build();
  }

  private static MemberUpdate.Builder newPassword(String password) {
    return MemberUpdate.builder().user(MxSandbox.USER_ID).member(MxSandbox.MEMBER_GUID).credential(MxSandbox.CREDENTIAL_GUID, password);
  }

  private WebhookDelivery await(Kind kind) throws InterruptedException {
    return sandbox.awaitWebhook(d -> d.kind() == kind && d.delivered(), Duration.ofSeconds(10));
  }

  /** The next event the receiver's listener heard, in the order delivered. */
  private WebhookEvent next() throws InterruptedException {
    WebhookEvent event = heard.poll(10, TimeUnit.SECONDS);
    assertThat(event).as("an event within 10 s").isNotNull();
    return event;
  }

  private static List<String> log(MxSandbox sandbox) {
    return sandbox.webhooks().stream().map(d -> d.kind() + " #" + d.attempt() + " " + d.status()).collect(Collectors.toList());
  }

  @Test
  void anUpdateThenAConnectedAggregationSendMemberThenAggregationWithTheCallbackPayload() throws Exception {
    sandbox.receiveWebhooks(receiver);
    try (MxPlatformClient mx = platform()) {
      mx.updateMember(newPassword("n3w-password").callbackPayload("ticket=42").build());
    }
    WebhookDelivery member = await(Kind.MEMBER);
    clock.advance(Duration.ofSeconds(5));
    WebhookDelivery aggregation = await(Kind.MEMBER_DATA_UPDATED);

    String encoded = CallbackPayload.ofText("ticket=42").encoded();
    assertThat(member.callbackPayload()).contains(encoded);
    assertThat(aggregation.callbackPayload()).contains(encoded);
    assertThat(aggregation.at()).isEqualTo(Instant.parse("2026-12-07T10:00:05Z"));
    assertThat(log(sandbox)).containsExactly("MEMBER #1 OptionalInt[204]", "MEMBER_DATA_UPDATED #1 OptionalInt[204]");

    WebhookEvent first = next();
    assertThat(first).isInstanceOf(MemberChanged.class);
    MemberChanged updated = (MemberChanged) first;
    assertThat(updated.memberAction()).isEqualTo(MemberChanged.Action.UPDATED);
    assertThat(updated.memberGuid()).contains(MxSandbox.MEMBER_GUID);
    assertThat(updated.callbackPayload().orElseThrow().text()).contains("ticket=42");
    MemberDataUpdated data = (MemberDataUpdated) next();
    assertThat(data.dataType()).isEqualTo(MemberDataUpdated.DataType.AGGREGATION);
    assertThat(data.completedAt()).contains(Instant.parse("2026-12-07T10:00:05Z"));
    assertThat(data.platformMember()).isPresent();
    assertThat(data.callbackPayload().orElseThrow().text()).contains("ticket=42");
  }

  @Test
  void aChallengeSendsConnectionStatusAndNoAggregationWebhook() throws Exception {
    sandbox.receiveWebhooks(receiver);
    try (MxPlatformClient mx = platform()) {
      mx.updateMember(newPassword("challenge").build());
    }
    clock.advance(Duration.ofSeconds(5));
    WebhookDelivery challenged = await(Kind.CONNECTION_STATUS);
    assertThat(challenged.json()).contains("\"connection_status\":\"CHALLENGED\"", "\"connection_status_id\":3", "\"type\":\"CONNECTION_STATUS\"");
    assertThat(challenged.callbackPayload()).isEmpty();
    sandbox.connectionStatus(MxSandbox.MEMBER_GUID, "LOCKED", false);
    WebhookDelivery locked = sandbox.awaitWebhook(d -> d.json().contains("LOCKED"), Duration.ofSeconds(10));
    assertThat(locked.kind()).isEqualTo(Kind.CONNECTION_STATUS);
    sandbox.connectionStatus(MxSandbox.MEMBER_GUID, "DEGRADED", false); // not one MX lists: no webhook
    sandbox.connectionStatus(MxSandbox.MEMBER_GUID, "DENIED", false);
    sandbox.awaitWebhook(d -> d.json().contains("DENIED"), Duration.ofSeconds(10));
    assertThat(log(sandbox)).containsExactly(
        "MEMBER #1 OptionalInt[204]", "CONNECTION_STATUS #1 OptionalInt[204]", "CONNECTION_STATUS #1 OptionalInt[204]",
        "CONNECTION_STATUS #1 OptionalInt[204]");
    assertThat(next()).isInstanceOf(MemberChanged.class);
    assertThat(List.of(next(), next(), next()))
        .extracting(e -> ((ConnectionStatusChanged) e).connectionStatus().orElseThrow())
        .containsExactly(ConnectionStatus.CHALLENGED, ConnectionStatus.LOCKED, ConnectionStatus.DENIED);
  }

  @Test
  void aRefusedWebhookIsSentAgainOnTheSandboxsClockAndDeliveredOnce() throws Exception {
    sandbox.receiveWebhooks(receiver);
    sandbox.webhookCredentials(MxSandbox.WEBHOOK_USERNAME, "not-what-the-receiver-has");
    try (MxPlatformClient mx = platform()) {
      mx.updateMember(newPassword("n3w-password").build());
    }
    WebhookDelivery refused = sandbox.awaitWebhook(d -> d.attempt() == 1, Duration.ofSeconds(10));
    assertThat(refused.status()).hasValue(401);
    assertThat(refused.nextAttemptAt()).contains(refused.at().plus(Duration.ofMinutes(1)));
    assertThat(receiver.stats().unauthorized()).isEqualTo(1);

    sandbox.webhookCredentials(MxSandbox.WEBHOOK_USERNAME, MxSandbox.WEBHOOK_PASSWORD);
    clock.advance(Duration.ofSeconds(59));
    clock.advance(Duration.ofSeconds(1)); // the re-send is due
    WebhookDelivery again = sandbox.awaitWebhook(d -> d.attempt() == 2, Duration.ofSeconds(10));
    assertThat(again.status()).hasValue(204);
    assertThat(again.nextAttemptAt()).isEmpty();
  }

  @Test
  void noAnswerIsRetriedTwelveTimesOverAboutADayThenDropped() throws Exception {
    // a port nothing listens on: no answer
    java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
    int port = closed.getLocalPort();
    closed.close();
    sandbox.webhookUrl(Kind.MEMBER, URI.create("http://127.0.0.1:" + port + "/hooks"));
    try (MxPlatformClient mx = platform()) {
      mx.updateMember(MemberUpdate.builder().user(MxSandbox.USER_ID).member(MxSandbox.MEMBER_GUID).metadata("m").build());
    }
    Instant start = clock.instant();
    for (int attempt = 1; attempt <= 13; attempt++) {
      int n = attempt;
      WebhookDelivery delivery = sandbox.awaitWebhook(d -> d.attempt() == n, Duration.ofSeconds(10));
      assertThat(delivery.status()).isEmpty();
      if (attempt < 13) {
        clock.advance(Duration.between(clock.instant(), delivery.nextAttemptAt().orElseThrow()));
      } else {
        assertThat(delivery.nextAttemptAt()).isEmpty();
      }
    }
    assertThat(Duration.between(start, clock.instant())).isBetween(Duration.ofHours(23), Duration.ofHours(25));
    assertThat(sandbox.webhooks()).hasSize(13);
  }

  @Test
  void nexusSkipWebhookSkipsTheMembersWebhookOnlyInEachForm() throws Exception {
    sandbox.receiveWebhooks(receiver);
    try (MxNexusClient mx = nexus()) {
      mx.updateMember(MemberUpdate.builder().member(MxSandbox.MEMBER_GUID).metadata("skipped").skipWebhook(true).build());
      mx.updateMember(MemberUpdate.builder().member(MxSandbox.MEMBER_GUID).metadata("sent").build());
    }
    await(Kind.MEMBER);
    assertThat(sandbox.webhooks()).hasSize(1); // the skipped one was never queued ahead of it
  }

  @Test
  void resetForgetsUrlsAndDeliveriesAndTheKindsItDoesNotSendAreRefused() throws Exception {
    sandbox.receiveWebhooks(receiver);
    try (MxPlatformClient mx = platform()) {
      mx.updateMember(MemberUpdate.builder().user(MxSandbox.USER_ID).member(MxSandbox.MEMBER_GUID).metadata("m").build());
    }
    await(Kind.MEMBER);
    sandbox.reset();
    assertThat(sandbox.webhooks()).isEmpty();
    assertThatThrownBy(() -> sandbox.webhookUrl(Kind.JOB_STATUS, URI.create("http://127.0.0.1:1/x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sandbox.webhookUrl(Kind.MEMBER, URI.create("ftp://127.0.0.1/x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sandbox.webhookCredentials("user", "")).hasMessageContaining("password");
    assertThat(sandbox.webhooks()).isEmpty();
  }
}
