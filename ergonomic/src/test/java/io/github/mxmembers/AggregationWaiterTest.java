package io.github.mxmembers;

import static io.github.mxmembers.MockMx.MEMBER_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import io.github.mxmembers.AggregationOutcome.EndUserAction;
import io.github.mxmembers.AggregationOutcome.Kind;
import io.github.mxmembers.exception.MxApiException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockserver.matchers.Times;

/**
 * The wait for an aggregation, on both APIs and flavours, over loopback HTTP against scripted status
 * reads; time is a fake clock that only the recorded waits move, so nothing here sleeps.
 */
@Timeout(30)
class AggregationWaiterTest extends MockMxTest {
  private final FakeClock clock = new FakeClock();
  private final RecordingSleeper waits = new RecordingSleeper(clock);
  private final RecordingListener listener = new RecordingListener();

  private static String member(String status, boolean aggregating) {
    return "{\"member\":{\"guid\":\"MBR-1\",\"connection_status\":" + (status == null ? "null" : "\"" + status + "\"")
        + ",\"is_being_aggregated\":" + aggregating + "}}";
  }

  /** Platform status reads answered in this order, the last one repeated. */
  private static void platformStatuses(String... bodies) {
    for (int i = 0; i < bodies.length; i++) {
      server.when(request().withPath(MEMBER_PATH + "/status"), i == bodies.length - 1 ? Times.unlimited() : Times.once())
          .respond(response().withBody(bodies[i]));
    }
  }

  private static void nexusStatuses(String... bodies) {
    server.when(request().withMethod("POST").withPath("/sessions"))
        .respond(response().withHeader("Content-Type", MockMx.NEXUS_TYPE).withBody("{\"session\":{\"token\":\"" + MockMx.SESSION_TOKEN + "\"}}"));
    for (int i = 0; i < bodies.length; i++) {
      server.when(request().withMethod("GET").withPath("/members/MBR-1"), i == bodies.length - 1 ? Times.unlimited() : Times.once())
          .respond(response().withHeader("Content-Type", MockMx.NEXUS_TYPE).withBody(bodies[i]));
    }
  }

  enum Client {
    PLATFORM_SYNC,
    PLATFORM_ASYNC,
    NEXUS_SYNC,
    NEXUS_ASYNC;

    boolean nexus() {
      return this == NEXUS_SYNC || this == NEXUS_ASYNC;
    }
  }

  /** Waits with the given client kind, sync or async, and gives the outcome or the very failure. */
  private AggregationOutcome waitWith(Client kind, AggregationWait wait) {
    switch (kind) {
      case PLATFORM_SYNC:
        try (MxPlatformClient mx = MxPlatformClient.builder().baseUrl(MockMx.url(server)).credentials(MockMx.CLIENT_ID, MockMx.API_KEY)
            .clock(clock).sleeper(waits).callListener(listener).build()) {
          return mx.waitForAggregation("USR-1", "MBR-1", wait);
        }
      case PLATFORM_ASYNC:
        try (MxPlatformAsyncClient mx = MxPlatformAsyncClient.builder().baseUrl(MockMx.url(server))
            .credentials(MockMx.CLIENT_ID, MockMx.API_KEY).clock(clock).scheduler(waits).callListener(listener).build()) {
          return join(mx.waitForAggregation("USR-1", "MBR-1", wait));
        }
      case NEXUS_SYNC:
        try (MxNexusClient mx = MxNexusClient.builder().baseUrl(MockMx.url(server)).apiTokenSource(() -> MockMx.API_TOKEN)
            .clock(clock).sleeper(waits).callListener(listener).build()) {
          return mx.waitForAggregation("MBR-1", wait);
        }
      default:
        try (MxNexusAsyncClient mx = MxNexusAsyncClient.builder().baseUrl(MockMx.url(server))
            .apiTokenSource(() -> CompletableFuture.completedFuture(MockMx.API_TOKEN)).clock(clock).scheduler(waits)
            .callListener(listener).build()) {
          return join(mx.waitForAggregation("MBR-1", wait));
        }
    }
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw (RuntimeException) e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private void statuses(Client kind, String... bodies) {
    if (kind.nexus()) {
      nexusStatuses(bodies);
    } else {
      platformStatuses(bodies);
    }
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void connectedOnceNoLongerAggregatingWithEveryPollHeardAndTheIntervalBackingOff(Client kind) {
    statuses(kind, member("UPDATED", true), member("CONNECTED", true), member("CONNECTED", true), member("CONNECTED", false));

    AggregationOutcome outcome = waitWith(kind, AggregationWait.defaults());

    assertThat(outcome.kind()).isEqualTo(Kind.CONNECTED);
    assertThat(outcome.polls()).isEqualTo(4);
    assertThat(waits.waits).containsExactly(Duration.ofSeconds(3), Duration.ofMillis(4500), Duration.ofMillis(6750));
    assertThat(outcome.waited()).isEqualTo(Duration.ofMillis(14250));
    assertThat(listener.of(CallListener.CallFinished.class))
        .filteredOn(e -> e.request().contains(kind.nexus() ? "GET /members/MBR-1" : "/status"))
        .hasSize(4);
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void challengedEndsTheWaitAtOnceWithTheChallenges(Client kind) {
    statuses(kind, member("RESUMED", true), member("CHALLENGED", false));
    String path = kind.nexus() ? "/members/MBR-1/challenges" : MEMBER_PATH + "/challenges";
    server.when(request().withPath(path))
        .respond(response().withHeader("Content-Type", kind.nexus() ? MockMx.NEXUS_TYPE : "application/json")
            .withBody("{\"challenges\":[{\"guid\":\"CRD-T\",\"type\":\"TEXT\",\"label\":\"What city?\"}]}"));

    AggregationOutcome outcome = waitWith(kind, AggregationWait.defaults());

    assertThat(outcome.kind()).isEqualTo(Kind.NEEDS_ANSWERS);
    assertThat(outcome.challenges()).singleElement().extracting(Challenge::guid).isEqualTo("CRD-T");
    assertThat(outcome.polls()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void deniedNeedsNewCredentialsFromTheEndUser(Client kind) {
    statuses(kind, member("DENIED", true), member("DENIED", false));

    AggregationOutcome outcome = waitWith(kind, AggregationWait.defaults());

    assertThat(outcome.kind()).isEqualTo(Kind.NEEDS_END_USER);
    assertThat(outcome.endUserAction()).contains(EndUserAction.NEW_CREDENTIALS);
    assertThat(outcome.polls()).as("an error status while aggregating may yet change").isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void theWaitsOwnDeadlineEndsItTimedOut(Client kind) {
    statuses(kind, member("CONNECTED", true));

    AggregationOutcome outcome = waitWith(kind, AggregationWait.of(Duration.ofSeconds(3), Duration.ofSeconds(15), Duration.ofSeconds(10)));

    // reads at 0, 3 and 7.5 s; the next would come at 14.25 s, after the 10 s deadline
    assertThat(outcome.kind()).isEqualTo(Kind.TIMED_OUT);
    assertThat(outcome.polls()).isEqualTo(3);
    assertThat(outcome.member().isBeingAggregated()).contains(true);
  }

  @Test
  void aStatusTheSdkDoesNotKnowKeepsItWaitingWhileAggregatingAndOtherwiseEndsItWithTheRawValue() {
    platformStatuses(member("QUANTUM_ENTANGLED", true), member("QUANTUM_ENTANGLED", false));

    AggregationOutcome outcome = waitWith(Client.PLATFORM_SYNC, AggregationWait.defaults());

    assertThat(outcome.kind()).isEqualTo(Kind.ENDED);
    assertThat(outcome.connectionStatusAsString()).contains("QUANTUM_ENTANGLED");
    assertThat(outcome.polls()).isEqualTo(2);
  }

  @Test
  void aReadThatFailsEndsTheWaitWithItsException() {
    server.when(request().withPath(MEMBER_PATH + "/status")).respond(response().withStatusCode(404).withBody("{\"error\":{\"message\":\"no member\"}}"));

    assertThatThrownBy(() -> waitWith(Client.PLATFORM_ASYNC, AggregationWait.defaults())).isInstanceOf(MxApiException.class);
  }

  @Test
  void everyStatusIsClassifiedAsMxAndItsWidgetSay() {
    Map<String, AggregationWaiter.Step> notAggregating =
        Map.ofEntries(
            Map.entry("CONNECTED", AggregationWaiter.Step.CONNECTED),
            Map.entry("CHALLENGED", AggregationWaiter.Step.NEEDS_ANSWERS),
            Map.entry("CREATED", AggregationWaiter.Step.KEEP_WAITING),
            Map.entry("UPDATED", AggregationWaiter.Step.KEEP_WAITING),
            Map.entry("DELAYED", AggregationWaiter.Step.KEEP_WAITING),
            Map.entry("RESUMED", AggregationWaiter.Step.KEEP_WAITING),
            Map.entry("RECONNECTED", AggregationWaiter.Step.KEEP_WAITING),
            Map.entry("DENIED", AggregationWaiter.Step.NEEDS_END_USER),
            Map.entry("PREVENTED", AggregationWaiter.Step.NEEDS_END_USER),
            Map.entry("IMPAIRED", AggregationWaiter.Step.NEEDS_END_USER),
            Map.entry("IMPORTED", AggregationWaiter.Step.NEEDS_END_USER),
            Map.entry("REJECTED", AggregationWaiter.Step.NEEDS_END_USER),
            Map.entry("EXPIRED", AggregationWaiter.Step.NEEDS_END_USER),
            Map.entry("LOCKED", AggregationWaiter.Step.NEEDS_END_USER),
            Map.entry("IMPEDED", AggregationWaiter.Step.NEEDS_END_USER),
            Map.entry("PENDING", AggregationWaiter.Step.NEEDS_END_USER),
            Map.entry("FAILED", AggregationWaiter.Step.ENDED),
            Map.entry("DISCONTINUED", AggregationWaiter.Step.ENDED),
            Map.entry("CLOSED", AggregationWaiter.Step.ENDED),
            Map.entry("DISABLED", AggregationWaiter.Step.ENDED),
            Map.entry("DEGRADED", AggregationWaiter.Step.ENDED),
            Map.entry("DISCONNECTED", AggregationWaiter.Step.ENDED));
    // every one is a status the SDK knows (a status a newer spec adds is not here: it ends the wait raw)
    notAggregating.keySet().forEach(status -> assertThat(ConnectionStatus.fromValue(status)).isNotEqualTo(ConnectionStatus.UNKNOWN));
    Function<String, Member> memberWith =
        json -> PlatformUpdateMember.member(com.google.gson.JsonParser.parseString(json).getAsJsonObject());
    notAggregating.forEach(
        (status, step) -> {
          assertThat(AggregationWaiter.classify(memberWith.apply(member(status, false)))).as(status).isEqualTo(step);
          assertThat(AggregationWaiter.classify(memberWith.apply(member(status, true))))
              .as(status + " while aggregating")
              .isEqualTo(status.equals("CHALLENGED") ? AggregationWaiter.Step.NEEDS_ANSWERS : AggregationWaiter.Step.KEEP_WAITING);
        });
    assertThat(AggregationWaiter.action("REJECTED")).isEqualTo(EndUserAction.ANSWER_AGAIN);
    assertThat(AggregationWaiter.action("LOCKED")).isEqualTo(EndUserAction.ACT_AT_INSTITUTION);
    assertThat(AggregationWaiter.action("PENDING")).isEqualTo(EndUserAction.FINISH_OAUTH);
    assertThat(AggregationWaiter.classify(memberWith.apply(member(null, false)))).isEqualTo(AggregationWaiter.Step.ENDED);
  }

  @Test
  void cancellingAnAsyncWaitStopsItsReads() throws Exception {
    platformStatuses(member("UPDATED", true));
    List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();
    try (MxPlatformAsyncClient mx =
        MxPlatformAsyncClient.builder()
            .baseUrl(MockMx.url(server))
            .credentials(MockMx.CLIENT_ID, MockMx.API_KEY)
            .scheduler(
                delay -> {
                  CompletableFuture<Void> later = new CompletableFuture<>();
                  pending.add(later);
                  return later;
                })
            .build()) {
      CompletableFuture<AggregationOutcome> waiting = mx.waitForAggregation("USR-1", "MBR-1");
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (pending.isEmpty() && System.nanoTime() < until) {
        Thread.sleep(5);
      }
      assertThat(pending).as("waiting between reads, on the caller's scheduler").hasSize(1);

      assertThat(waiting.cancel(true)).isTrue();
      pending.get(0).complete(null); // the wait ends: a live wait would read again now
      Thread.sleep(200);

      assertThat(waiting).isCancelled();
      assertThatThrownBy(waiting::join).isInstanceOf(CancellationException.class);
    }
    assertThat(server.retrieveRecordedRequests(request().withPath(MEMBER_PATH + "/status"))).hasSize(1);
  }

  @Test
  void badWaitsAreRefusedBeforeAnyIo() {
    assertThatThrownBy(() -> AggregationWait.of(Duration.ofSeconds(2), Duration.ofSeconds(15), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("interval must be at least PT3S");
    assertThatThrownBy(() -> AggregationWait.of(Duration.ofSeconds(5), Duration.ofSeconds(4), Duration.ofMinutes(1)))
        .hasMessageContaining("maxInterval");
    assertThatThrownBy(() -> AggregationWait.of(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(4)))
        .hasMessageContaining("timeout must be from one interval");
    try (MxNexusAsyncClient mx = MxNexusAsyncClient.builder().baseUrl(MockMx.url(server)).apiTokenSource(CompletableFuture::new).build()) {
      assertThatThrownBy(() -> mx.waitForAggregation(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("member");
      assertThatThrownBy(() -> mx.waitForAggregation("MBR-1", null)).isInstanceOf(NullPointerException.class).hasMessageContaining("wait");
    }
    assertThat(MockMx.received(server)).isEmpty();
  }

  @Test
  void interruptingASyncWaitEndsItWithACancellation() throws Exception {
    platformStatuses(member("UPDATED", true));
    CompletableFuture<Throwable> ended = new CompletableFuture<>();
    try (MxPlatformClient mx =
        MxPlatformClient.builder()
            .baseUrl(MockMx.url(server))
            .credentials(MockMx.CLIENT_ID, MockMx.API_KEY)
            .sleeper(delay -> Thread.sleep(delay.toMillis() * 1000)) // a wait that would outlast the test
            .build()) {
      Thread waiter = new Thread(() -> {
        try {
          mx.waitForAggregation("USR-1", "MBR-1");
          ended.complete(null);
        } catch (RuntimeException e) {
          ended.complete(e);
        }
      });
      waiter.start();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (server.retrieveRecordedRequests(request().withPath(MEMBER_PATH + "/status")).length == 0 && System.nanoTime() < until) {
        Thread.sleep(5);
      }
      Thread.sleep(100);

      waiter.interrupt();

      assertThat(ended.get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class).hasMessageContaining("interrupted after 1 status reads");
    }
    assertThat(server.retrieveRecordedRequests(request().withPath(MEMBER_PATH + "/status"))).hasSize(1);
  }
}
