package io.github.mxmembers.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mxmembers.MxAsyncClient;
import io.github.mxmembers.MxClient;
import io.github.mxmembers.MxNexusAsyncClient;
import io.github.mxmembers.MxNexusClient;
import io.github.mxmembers.MxPlatformAsyncClient;
import io.github.mxmembers.MxPlatformClient;
import io.github.mxmembers.model.MemberRef;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.sandbox.ManualClock;
import io.github.mxmembers.sandbox.MxSandbox;
import io.github.mxmembers.sandbox.MxSandboxExtension;
import io.github.mxmembers.sandbox.RecordedRequest;
import io.github.mxmembers.waiter.AggregationOutcome;
import io.github.mxmembers.waiter.AggregationWait;
import io.github.mxmembers.webhook.WebhookAuth;
import io.github.mxmembers.webhook.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sandbox's webhooks wake a waiting client, on both APIs and flavours, over loopback: a wait
 * whose next poll is a minute away (real time) ends as soon as the webhook arrives. The sandbox's
 * and the client's clock is a manual one, moved past the aggregation's end; the pause itself is
 * real, so without the webhook the test would take a minute and fail its 20 s bound.
 */
class WebhooksWakeTheWaitTest {
  private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));

  @RegisterExtension static final MxSandboxExtension SANDBOX = MxSandboxExtension.builder().clock(CLOCK).build();

  /** A wait whose second read would come a minute after its first. */
  private static final AggregationWait SLOW = AggregationWait.of(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMinutes(10));

  enum Flavour {
    PLATFORM_SYNC,
    PLATFORM_ASYNC,
    NEXUS_SYNC,
    NEXUS_ASYNC
  }

  private final MxSandbox sandbox = SANDBOX.sandbox();

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void anAggregationWebhookEndsTheWaitAtOnce(Flavour flavour) throws Exception {
    assertWokenTo(flavour, "n3w-password", AggregationOutcome.Kind.CONNECTED);
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void aConnectionStatusWebhookEndsTheWaitWithTheChallenges(Flavour flavour) throws Exception {
    AggregationOutcome outcome = assertWokenTo(flavour, "challenge", AggregationOutcome.Kind.NEEDS_ANSWERS);
    assertThat(outcome.challenges()).isNotEmpty();
  }

  private AggregationOutcome assertWokenTo(Flavour flavour, String password, AggregationOutcome.Kind expected) throws Exception {
    sandbox.aggregationTime(Duration.ofSeconds(30));
    String url = sandbox.baseUrl();
    boolean nexus = flavour == Flavour.NEXUS_SYNC || flavour == Flavour.NEXUS_ASYNC;
    MemberRef member = nexus ? MemberRef.of(MxSandbox.MEMBER_GUID) : MemberRef.of(MxSandbox.USER_ID, MxSandbox.MEMBER_GUID);
    MemberUpdate.Builder update = MemberUpdate.builder().member(MxSandbox.MEMBER_GUID).credential(MxSandbox.CREDENTIAL_GUID, password);
    if (!nexus) {
      update.user(MxSandbox.USER_ID);
    }
    CountDownLatch firstRead = new CountDownLatch(1);
    AggregationWait wait = SLOW.onRead(read -> firstRead.countDown());
    MxClient sync = null;
    MxAsyncClient async = null;
    switch (flavour) {
      case PLATFORM_SYNC:
        sync = MxPlatformClient.builder().baseUrl(url).credentials(MxSandbox.CLIENT_ID, MxSandbox.API_KEY).clock(CLOCK).build();
        break;
      case PLATFORM_ASYNC:
        async = MxPlatformAsyncClient.builder().baseUrl(url).credentials(MxSandbox.CLIENT_ID, MxSandbox.API_KEY).clock(CLOCK).build();
        break;
      case NEXUS_SYNC:
        sync = MxNexusClient.builder().baseUrl(url).ssoBaseUrl(url).sso(MxSandbox.CLIENT_ID, MxSandbox.API_KEY, MxSandbox.USER_GUID).clock(CLOCK).build();
        break;
      default:
        async = MxNexusAsyncClient.builder().baseUrl(url).ssoBaseUrl(url).sso(MxSandbox.CLIENT_ID, MxSandbox.API_KEY, MxSandbox.USER_GUID).clock(CLOCK).build();
    }
    WebhookReceiver.Builder receiver = WebhookReceiver.builder().auth(WebhookAuth.basic(MxSandbox.WEBHOOK_USERNAME, MxSandbox.WEBHOOK_PASSWORD));
    if (sync != null) {
      receiver.wakeWaits(sync);
    } else {
      receiver.wakeWaits(async);
    }
    try (WebhookReceiver webhooks = receiver.build()) {
      sandbox.receiveWebhooks(webhooks);
      CompletableFuture<AggregationOutcome> outcome;
      if (sync != null) {
        MxClient client = sync;
        client.updateMember(update.build());
        outcome = CompletableFuture.supplyAsync(() -> client.waitForAggregation(member, wait));
      } else {
        async.updateMember(update.build()).join();
        outcome = async.waitForAggregation(member, wait);
      }
      assertThat(firstRead.await(10, TimeUnit.SECONDS)).as("the first status read").isTrue();
      int readsBefore = statusReads();

      CLOCK.advance(Duration.ofSeconds(31)); // the aggregation ends; its webhook goes out

      AggregationOutcome done = outcome.get(20, TimeUnit.SECONDS);
      assertThat(done.kind()).isEqualTo(expected);
      assertThat(done.polls()).as("one read at the start, one woken by the webhook").isEqualTo(2);
      assertThat(statusReads() - readsBefore).isEqualTo(1);
      assertThat(webhooks.stats().accepted()).isGreaterThanOrEqualTo(1);
      return done;
    } finally {
      if (sync != null) {
        sync.close();
      } else {
        async.close();
      }
    }
  }

  private int statusReads() {
    int reads = 0;
    for (RecordedRequest request : sandbox.received()) {
      if ("GET".equals(request.method()) && request.path().endsWith("/status") || "GET".equals(request.method())
          && request.path().matches(".*/members/[^/]+$")) {
        reads++;
      }
    }
    return reads;
  }
}
